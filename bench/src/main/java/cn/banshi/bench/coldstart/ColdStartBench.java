package cn.banshi.bench.coldstart;

import cn.banshi.api.Events;
import cn.banshi.bench.ApiEvents;
import cn.banshi.bench.BenchEnv;
import cn.banshi.bench.Stats;
import cn.banshi.calendar.CalendarService;
import cn.banshi.calendar.StatutoryHolidays;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * Benchmark 1: cold start of the submission handler in fresh JVMs with the Lambda java17 runtime's flags, from
 * process start to the first handled API Gateway event (DynamoDB client created, the case written to dynalite),
 * side by side with the floor (a bare handler: same client, one PutItem) and the peer (the same submission behind
 * Spring Cloud Function's AWS adapter), rounds interleaved so that the machine's noise falls on all three alike.
 * Also the deployment package's size and the classes SnapStart priming would add to a snapshot.
 */
public final class ColdStartBench {
    /** The java17 runtime's JIT, GC and CDS options whatever the memory: tiered compilation stopped at C1, serial GC. */
    public static final List<String> LAMBDA_JAVA17_RUNTIME_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    /**
     * The java17 runtime's JVM options for a 512 MB function: the above, and heap, metaspace and code cache at 85 %,
     * 10 % and 5 % of the function's memory.
     */
    public static final List<String> LAMBDA_JAVA17_FLAGS = Stream.concat(
                    LAMBDA_JAVA17_RUNTIME_FLAGS.stream(),
                    Stream.of(
                            "-XX:MaxHeapSize=445645k",
                            "-XX:MaxMetaspaceSize=52429k",
                            "-XX:ReservedCodeCacheSize=26214k"))
            .toList();

    record Variant(String name, String handler, String classpath, Map<String, String> env, boolean idempotencyKey) {}

    record Run(double startToResponseMs, double startToInitMs, int status) {}

    private final BenchEnv env;
    private final Path work;
    private final List<Variant> variants = new ArrayList<>();
    private final Path functionsJar;
    private final List<Path> peerClasspath;

    public ColdStartBench(BenchEnv env, Path work) throws IOException {
        this.env = env;
        this.work = work;
        Path root = env.root;
        functionsJar = root.resolve("functions/target/banshi-functions-0.1.0-SNAPSHOT-lambda.jar");
        if (!Files.isRegularFile(functionsJar)) throw new IllegalStateException("build first: " + functionsJar);
        Path benchClasses = root.resolve("bench/target/classes");
        List<String> benchCp = List.of(Files.readString(root.resolve("bench/target/bench.classpath"))
                .strip()
                .split(File.pathSeparator));
        String serialization = benchCp.stream()
                .filter(p -> p.contains("aws-lambda-java-serialization"))
                .findFirst()
                .orElseThrow();
        // the harness stands in for the runtime on every variant's class path: bench's classes and testkit's (its
        // Lambda context, as the runtime's own classes would be)
        String harness = benchClasses + File.pathSeparator + root.resolve("testkit/target/classes");
        // banshi and the floor: the deployment package as Lambda gets it
        String lambdaCp = String.join(File.pathSeparator, harness, serialization, functionsJar.toString());
        // the peer: banshi's plain jars plus Spring, as a lib/ directory deployment package would hold them
        peerClasspath = benchCp.stream().map(Path::of).toList();
        String peerCp = harness + File.pathSeparator + String.join(File.pathSeparator, benchCp);
        // the records table as a deployment has it from December: next year's notice loaded (since run 14; stored as
        // the code under test stores it), so the first event reads one loaded year
        new CalendarService(env.client(ClientOverrideConfiguration.builder()), Clock.systemUTC())
                .put(StatutoryHolidays.provisional(2027));
        // and the local key file that wraps the personal-data keys, shared by every fresh JVM (issue 18)
        Map<String, String> base = Map.of(
                "BANSHI_DYNAMODB_ENDPOINT",
                env.dynalite.endpoint(),
                "BANSHI_TABLE_PREFIX",
                env.prefix,
                "BANSHI_DATA_KEY_FILE",
                work.resolve("personal-data.key").toString());
        variants.add(new Variant("banshi", "cn.banshi.intake.SubmissionHandler", lambdaCp, base, true));
        variants.add(new Variant("floor", FloorHandler.class.getName(), lambdaCp, base, true));
        // the floor of a stream handler (banshi's functions are stream handlers since run 24): the same PutItem, the
        // event read as banshi reads it, not by the runtime's serializer
        variants.add(new Variant("floor, stream handler", FloorStreamHandler.class.getName(), lambdaCp, base, true));
        Map<String, String> peerEnv = new LinkedHashMap<>(base);
        peerEnv.put("MAIN_CLASS", "cn.banshi.bench.peer.PeerApplication");
        peerEnv.put("SPRING_CLOUD_FUNCTION_DEFINITION", "submit");
        variants.add(new Variant(
                "peer", "org.springframework.cloud.function.adapter.aws.FunctionInvoker", peerCp, peerEnv, true));
        // without an Idempotency-Key banshi writes the case only (no claim, no stored response): closest to the floor
        variants.add(
                new Variant("banshi, no Idempotency-Key", "cn.banshi.intake.SubmissionHandler", lambdaCp, base, false));
        // another build's deployment package (env BENCH_BEFORE_JAR, e.g. main's), measured in the same rounds: a
        // change's before and after under the same load
        String before = System.getenv("BENCH_BEFORE_JAR");
        if (before != null && !before.isBlank()) {
            if (!Files.isRegularFile(Path.of(before))) throw new IllegalStateException("no such jar: " + before);
            String beforeCp = String.join(File.pathSeparator, harness, serialization, before);
            variants.add(new Variant("banshi before", "cn.banshi.intake.SubmissionHandler", beforeCp, base, true));
            variants.add(new Variant(
                    "banshi before, no Idempotency-Key", "cn.banshi.intake.SubmissionHandler", beforeCp, base, false));
        }
    }

    public String run(int rounds) throws Exception {
        Map<String, Stats> total = new LinkedHashMap<>();
        Map<String, Stats> init = new LinkedHashMap<>();
        for (Variant v : variants) {
            total.put(v.name(), new Stats());
            init.put(v.name(), new Stats());
        }
        for (Variant v : variants) once(v, List.of()); // warm the page cache; not counted
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get((round + i) % variants.size());
                Run r = once(v, List.of());
                if (r.status() != 201) throw new IllegalStateException(v.name() + " answered " + r.status());
                total.get(v.name()).add(r.startToResponseMs());
                init.get(v.name()).add(r.startToInitMs());
            }
            System.err.printf("cold start round %d/%d%n", round + 1, rounds);
        }
        double banshi = total.get("banshi").median();
        double floor = total.get("floor").median();
        double peer = total.get("peer").median();
        double streamFloor = total.get("floor, stream handler").median();
        StringBuilder out = new StringBuilder();
        out.append("### 1. Cold start of the submission handler\n\n");
        out.append(String.format(
                "Fresh JVMs, %d per variant (rounds interleaved, one warm-up round not counted), flags `%s`.%n%n",
                rounds, String.join(" ", LAMBDA_JAVA17_FLAGS)));
        out.append(
                "| variant | median start → first response | p90 | median start → handler constructed | ratio to floor | ratio to peer |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Variant v : variants) {
            Stats t = total.get(v.name());
            out.append(String.format(
                    "| %s | %s | %s | %s | %s | %s |%n",
                    v.name(),
                    Stats.ms(t.median()),
                    Stats.ms(t.percentile(90)),
                    Stats.ms(init.get(v.name()).median()),
                    Stats.ratio(t.median(), floor),
                    Stats.ratio(t.median(), peer)));
        }
        out.append(String.format(
                "%nbanshi / floor = **%s** (issue 14's goal ≤ 1.15×: %s); banshi / peer = **%s** (target ≤ 0.50×: %s)",
                Stats.ratio(banshi, floor),
                banshi / floor <= 1.15 ? "met" : "MISSED",
                Stats.ratio(banshi, peer),
                banshi / peer <= 0.5 ? "met" : "MISSED"));
        out.append(String.format(
                "; banshi / stream-handler floor = **%s** (banshi's own cost, the event's reading taken out of both)",
                Stats.ratio(banshi, streamFloor)));
        if (total.containsKey("banshi before")) {
            double before = total.get("banshi before").median();
            out.append(String.format(
                    "; in the same rounds banshi before / floor = **%s**, banshi / banshi before = **%s**",
                    Stats.ratio(before, floor), Stats.ratio(banshi, before)));
        }
        out.append(String.format("%n%n"));
        long peerBytes =
                peerClasspath.stream().mapToLong(p -> p.toFile().length()).sum();
        out.append(String.format(
                "Deployment package (functions shaded jar): **%.1f MB** (%d bytes; target ≤ 15 MB: %s). "
                        + "The peer's jars for the same function: %.1f MB.%n%n",
                Files.size(functionsJar) / 1e6,
                Files.size(functionsJar),
                Files.size(functionsJar) <= 15_000_000 ? "met" : "MISSED",
                peerBytes / 1e6));
        out.append(priming());
        return out.toString();
    }

    /** The classes loaded before the handler is constructed and those the first event loads: what priming would add. */
    private String priming() throws Exception {
        Variant banshi = variants.get(0);
        Path log = work.resolve("classload.txt");
        List<String> lines = new ArrayList<>();
        Run r = once(banshi, List.of("-Xlog:class+load:stdout", "-Dbanshi.bench.mark=mark"), lines);
        int before = 0;
        List<String> after = new ArrayList<>();
        boolean marked = false;
        for (String line : lines) {
            if (line.startsWith("#MARK")) marked = true;
            else if (line.contains("[class,load]")) {
                if (marked) after.add(line);
                else before++;
            }
        }
        Files.write(log, lines);
        // the floor's, beside it (classload-floor.txt), to compare what banshi loads on top
        List<String> floorLines = new ArrayList<>();
        once(variants.get(1), List.of("-Xlog:class+load:stdout", "-Dbanshi.bench.mark=mark"), floorLines);
        Files.write(work.resolve("classload-floor.txt"), floorLines);
        Map<String, Long> byPackage = after.stream()
                .map(ColdStartBench::packageOf)
                .collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting()));
        String top = byPackage.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(10)
                .map(e -> "`" + e.getKey() + "` " + e.getValue())
                .collect(Collectors.joining(", "));
        // by class name: lambda proxies and hidden classes name their host class, not a jar, as their source
        long fromRuntime = after.stream()
                .map(ColdStartBench::classOf)
                .filter(n -> n.startsWith("com.amazonaws.lambda.")
                        || n.startsWith("com.amazonaws.services.lambda.runtime.serialization"))
                .count();
        long fromJdk = after.stream()
                .map(ColdStartBench::classOf)
                .filter(n -> n.startsWith("java.")
                        || n.startsWith("javax.")
                        || n.startsWith("jdk.")
                        || n.startsWith("sun.")
                        || n.startsWith("com.sun."))
                .count();
        long fromPackage = after.size() - fromRuntime - fromJdk;
        return String.format(
                "SnapStart priming: constructing the handler (the init phase, in any snapshot) loads %d classes; the "
                        + "first event loads %d more — %d from the deployment package (banshi, the AWS SDK's request path, Jackson), "
                        + "%d of the runtime's own event serializer and %d of the JDK. The handlers register `SnapStartPriming`, whose "
                        + "`beforeCheckpoint` primes the request path (`ApiHandler.prime()`): with SnapStart, the deployment "
                        + "package's share is what that moves into the snapshot. By package: %s. (One run with "
                        + "`-Xlog:class+load`; status %d.)%n%n",
                before, after.size(), fromPackage, fromRuntime, fromJdk, top, r.status());
    }

    private static String classOf(String line) {
        // [0.123s][info][class,load] software.amazon.awssdk.core.Foo source: ...
        return line.substring(line.indexOf("[class,load]") + 13).split(" ")[0];
    }

    private static String packageOf(String line) {
        String name = classOf(line);
        String[] parts = name.split("\\.");
        int depth = name.startsWith("software.amazon.awssdk.")
                ? 4
                : name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.") ? 2 : 3;
        return String.join(".", Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
    }

    private Run once(Variant v, List<String> extraFlags) throws Exception {
        return once(v, extraFlags, null);
    }

    private Run once(Variant v, List<String> extraFlags, List<String> capture) throws Exception {
        Path event = work.resolve("event-" + v.name().replaceAll("[^a-z]", "") + ".json");
        Files.writeString(event, eventJson(v.idempotencyKey()));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JAVA17_FLAGS);
        command.addAll(extraFlags);
        command.addAll(
                List.of("-cp", v.classpath(), LambdaRuntimeHarness.class.getName(), v.handler(), event.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(work.resolve("stderr-" + v.name().replaceAll("[^a-z]", "") + ".txt")
                        .toFile());
        pb.environment().putAll(v.env());
        long startedAt = System.nanoTime();
        Process p = pb.start();
        Run result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (capture != null) capture.add(line);
                if (line.startsWith("#RESULT ")) {
                    Map<String, String> f = new LinkedHashMap<>();
                    for (String kv : line.substring(8).split(" ")) f.put(kv.split("=")[0], kv.split("=")[1]);
                    result = new Run(
                            (Long.parseLong(f.get("done")) - startedAt) / 1e6,
                            (Long.parseLong(f.get("init")) - startedAt) / 1e6,
                            Integer.parseInt(f.get("status")));
                }
            }
        }
        p.waitFor();
        if (result == null) {
            throw new IllegalStateException(v.name() + " gave no result: "
                    + Files.readString(work.resolve("stderr-" + v.name().replaceAll("[^a-z]", "") + ".txt")));
        }
        return result;
    }

    /** A citizen's complaint as API Gateway (HTTP API, payload 2.0) delivers it, with a fresh Idempotency-Key. */
    static String eventJson(boolean idempotencyKey) {
        Events e = Events.post(
                "/api/v1/towns/{town}/complaints",
                "/api/v1/towns/gaocheng/complaints",
                ApiEvents.complaintBody("河道有垃圾"));
        if (idempotencyKey) e.header("idempotency-key", UUID.randomUUID().toString());
        return e.json();
    }
}

package cn.banshi.bench.reports;

import cn.banshi.batch.BatchConfiguration;
import cn.banshi.batch.ReportJobs;
import cn.banshi.bench.BenchEnv;
import cn.banshi.bench.CaseGenerator;
import cn.banshi.bench.coldstart.ColdStartBench;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseItems;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark 4: the report jobs (all three: rule-of-law-annual, ogi-annual, next-year-plan) on one town with
 * growing case counts and on several towns as one county run (one job execution per report for all the towns,
 * the table read once per job), each in a fresh JVM with -Xmx256m, against a
 * fresh JVM doing the raw parallel Scan of the same table (same segment count, page size, filter and projection).
 * Extra towns are copies of gaocheng's catalog under other ids, put first on the children's class path.
 */
public final class ReportsBench {
    private final Path work;
    private final Integer pagesPerCommit;
    private final int rounds;
    private final List<Jvm> jvms;

    /**
     * The JVM flags both sides run with. The report jobs are deployed as a Lambda function on the java17 runtime,
     * which stops tiered compilation at C1 and uses the serial collector (AWS's "Customize Java runtime startup
     * behavior" page; the same flags as benchmark 1, without its heap sizes: here -Xmx256m, the bound). HotSpot's
     * own defaults (C2, G1) are measured as well: what a container task gets unless it sets the same flags.
     */
    public enum Jvm {
        LAMBDA("Lambda java17 runtime's flags (C1 only, serial GC)", ColdStartBench.LAMBDA_JAVA17_RUNTIME_FLAGS),
        HOTSPOT("HotSpot defaults (C1 and C2, G1)", List.of());

        final String label;
        final List<String> flags;

        Jvm(String label, List<String> flags) {
            this.label = label;
            this.flags = flags;
        }

        public static List<Jvm> parse(String names) {
            return Arrays.stream(names.split(","))
                    .map(n -> valueOf(n.trim().toUpperCase(Locale.ROOT)))
                    .toList();
        }
    }

    /**
     * {@code pagesPerCommit}: null for the jobs' own default, else passed as {@code -Dbanshi.batch.pagesPerCommit};
     * {@code rounds}: how many times the floor and the jobs are each measured on every data set, in the order floor,
     * jobs, jobs, floor, floor, jobs… so that drift on a shared machine falls on both alike.
     */
    public ReportsBench(Path work, Integer pagesPerCommit, int rounds, List<Jvm> jvms) {
        this.work = work;
        this.pagesPerCommit = pagesPerCommit;
        this.rounds = Math.max(1, rounds);
        this.jvms = jvms;
    }

    public String run(List<Integer> levels, int towns, int perTown) throws Exception {
        levels = levels.stream().sorted().distinct().toList(); // each level loads on top of the one before
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        int year = today.getYear() - 1;
        Path catalogs = writeCatalogs(towns);
        Catalogs all =
                Catalogs.load(new URLClassLoader(new URL[] {catalogs.toUri().toURL()}, null));
        StringBuilder out = new StringBuilder("### 4. Report jobs at scale\n\n");
        out.append(String.format(
                "The three report jobs (%s) for year %d, drafted as of %s, all formats (JSON, Markdown, HTML, DOCX), "
                        + "%d scan segments, each run in a fresh JVM with `-Xmx256m` and the JVM flags of its row (both sides alike); %d rounds per data set (floor, jobs, jobs, floor, …): the table gives the medians, their ratio, and the spread of the rounds' ratios (each round's jobs over its floor); the floor is a fresh JVM doing the raw parallel Scan "
                        + "of the same table (same segments, page size 500, town filter — `IN` for several towns — and projection) once per job, i.e. three Scans one after another in one JVM (as the three jobs run in one JVM). Scan pages per commit %s. Peak heaps are the largest of the rounds. Peak heap after GC: the largest heap left after any collection (GC notifications), what the run holds; peak heap used: "
                        + "the heap pools' peak usage (MemoryPoolMXBean), garbage included.%n%n",
                "rule-of-law-annual, ogi-annual, next-year-plan",
                year,
                today,
                ReportJobs.DEFAULT_SEGMENTS,
                rounds,
                pagesPerCommit == null
                        ? "10 (the jobs' default)"
                        : pagesPerCommit + " (`-Dbanshi.batch.pagesPerCommit`)"));
        out.append(
                "| data | JVM flags | jobs run | cases read by the jobs | jobs' wall time, median (per job) | raw Scan × 3, median (per Scan) | ratio of medians (rounds' ratios) | jobs: peak heap after GC / peak heap used (GCs) | jobs with `-Xmx"
                        + SMALL_HEAP + "` (untimed) | Scan: after GC / used |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");

        Path single = work.resolve("reports-single-dynamodb");
        Set<String> singleLoads = new HashSet<>();
        for (int l = 0; l < levels.size(); l++)
            singleLoads.add(marker("single", l == 0 ? 0 : levels.get(l - 1), levels.get(l), today));
        wipeIfNotReusable(single, singleLoads);
        try (BenchEnv env = new BenchEnv("rs-", single)) {
            Catalog town = all.town("gaocheng").orElseThrow();
            int loaded = 0;
            for (int level : levels) {
                load(env, single, "single", town, loaded, level, today);
                loaded = level;
                for (Jvm jvm : jvms) {
                    out.append(measure(
                            env,
                            catalogs,
                            "rs-",
                            String.format("1 town, %,d cases", level),
                            jvm,
                            year,
                            today,
                            List.of("gaocheng")));
                }
            }
        }
        Path multi = work.resolve("reports-multi-dynamodb");
        Set<String> multiLoads = new HashSet<>();
        for (int t = 0; t < towns; t++) multiLoads.add(marker("multi-" + t, 0, perTown, today));
        wipeIfNotReusable(multi, multiLoads);
        try (BenchEnv env = new BenchEnv("rm-", multi)) {
            List<String> ids = new ArrayList<>(all.townIds()).subList(0, towns);
            for (int t = 0; t < ids.size(); t++) {
                load(env, multi, "multi-" + t, all.town(ids.get(t)).orElseThrow(), 0, perTown, today);
            }
            for (Jvm jvm : jvms) {
                out.append(measure(
                        env,
                        catalogs,
                        "rm-",
                        String.format("%d towns × %,d cases (county run: one execution per job)", towns, perTown),
                        jvm,
                        year,
                        today,
                        ids));
            }
        }
        out.append("\n").append(String.join("  \n", loads)).append("\n\n");
        return out.toString();
    }

    private final List<String> loads = new ArrayList<>();

    /**
     * Data kept from an earlier bench run is reused only if every load it holds is one this run would make (generated
     * ids are random: loading again adds cases rather than replacing them), all made today (cases are generated
     * relative to the day) and none interrupted; otherwise the directory is emptied. So a level is never measured on
     * a table that holds more cases, or other towns, than it says.
     */
    private static void wipeIfNotReusable(Path dataDir, Set<String> expected) throws IOException {
        if (!Files.isDirectory(dataDir)) return;
        boolean reusable;
        try (var files = Files.list(dataDir)) {
            reusable = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("loaded-") || f.equals("loading"))
                    .allMatch(expected::contains);
        }
        if (reusable) return;
        System.err.println("reports: " + dataDir + " holds other data than this run needs; loading afresh");
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String marker(String name, int from, int to, LocalDate today) {
        return "loaded-" + name + "-" + from + "-" + to + "-" + today;
    }

    private void load(BenchEnv env, Path dataDir, String name, Catalog town, int from, int to, LocalDate today)
            throws IOException {
        Path marker = dataDir.resolve(marker(name, from, to, today));
        if (!Files.exists(marker)) {
            Path loading = Files.writeString(
                    dataDir.resolve("loading"), marker.getFileName().toString());
            CaseGenerator generator =
                    new CaseGenerator(town, today, 40 + town.town().id().hashCode());
            Iterator<Map<String, AttributeValue>> items = new Iterator<>() {
                int next = from;

                @Override
                public boolean hasNext() {
                    return next < to;
                }

                @Override
                public Map<String, AttributeValue> next() {
                    if (next >= to) throw new NoSuchElementException();
                    return CaseItems.toItem(generator.record(next++));
                }
            };
            BulkLoader.Result r = new BulkLoader(env.client(ClientOverrideConfiguration.builder()), 8)
                    .load(Tables.physical(Tables.CASES), items);
            Files.writeString(
                    marker,
                    String.format(
                            "Loaded %s cases %,d–%,d of `%s`: %,d items, %,d batches, %,d retried, %.0f s, %.0f items/s.",
                            name,
                            from,
                            to,
                            town.town().id(),
                            r.items(),
                            r.batches(),
                            r.retried(),
                            r.millis() / 1000.0,
                            r.itemsPerSecond()));
            Files.delete(loading);
        }
        loads.add(Files.readString(marker));
    }

    private String measure(
            BenchEnv env,
            Path catalogs,
            String prefix,
            String label,
            Jvm jvm,
            int year,
            LocalDate today,
            List<String> towns)
            throws Exception {
        List<Map<String, String>> scans = new ArrayList<>();
        List<Map<String, String>> jobRuns = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Map<String, String> scan;
            Map<String, String> jobs;
            if (round % 2 == 0) {
                scan = child("scan", "-Xmx256m", jvm, env, catalogs, prefix, year, today, towns);
                jobs = child("job", "-Xmx256m", jvm, env, catalogs, prefix, year, today, towns);
            } else {
                jobs = child("job", "-Xmx256m", jvm, env, catalogs, prefix, year, today, towns);
                scan = child("scan", "-Xmx256m", jvm, env, catalogs, prefix, year, today, towns);
            }
            scans.add(scan);
            jobRuns.add(jobs);
            ratios.add(millis(jobs) / millis(scan));
        }
        Map<String, String> jobs = median(jobRuns);
        Map<String, String> scan = median(scans);
        double jobMs = millis(jobs);
        double scanMs = millis(scan);
        StringBuilder per = new StringBuilder();
        for (String k : List.of("rule-of-law-annual", "ogi-annual", "next-year-plan")) {
            per.append(per.length() == 0 ? "" : ", ")
                    .append(String.format("%.1f", Double.parseDouble(jobs.get(k)) / 1000));
        }
        String perScan = String.format(
                "%.1f, %.1f, %.1f",
                Double.parseDouble(scan.get("scan1")) / 1000,
                Double.parseDouble(scan.get("scan2")) / 1000,
                Double.parseDouble(scan.get("scan3")) / 1000);
        StringBuilder spread = new StringBuilder();
        for (double r : ratios) spread.append(spread.length() == 0 ? "" : ", ").append(String.format("%.2f", r));
        long peakLive = jobRuns.stream()
                .mapToLong(j -> Long.parseLong(j.get("peakLive")))
                .max()
                .orElse(0);
        long peakHeap = jobRuns.stream()
                .mapToLong(j -> Long.parseLong(j.get("peakHeap")))
                .max()
                .orElse(0);
        long scanLive = scans.stream()
                .mapToLong(j -> Long.parseLong(j.get("peakLive")))
                .max()
                .orElse(0);
        long scanHeap = scans.stream()
                .mapToLong(j -> Long.parseLong(j.get("peakHeap")))
                .max()
                .orElse(0);
        String small = smallHeap(env, catalogs, prefix, jvm, year, today, towns);
        return String.format(
                "| %s | %s | %d | %,d | %.1f s%s | %.1f s (%s) | **%.2f×** (%s) | %.0f / %.0f MiB (%s) | %s | %.0f / %.0f MiB |%n",
                label,
                jvm.label,
                towns.size() * 3,
                Long.parseLong(jobs.get("items")),
                jobMs / 1000,
                per.length() == 0 ? "" : " (" + per + ")",
                scanMs / 1000,
                perScan,
                jobMs / scanMs,
                spread,
                mib(peakLive),
                mib(peakHeap),
                jobs.get("gcs"),
                small,
                mib(scanLive),
                mib(scanHeap));
    }

    private static double millis(Map<String, String> result) {
        return Double.parseDouble(result.get("millis"));
    }

    /** The run with the median wall time (the lower middle one for an even count). */
    private static Map<String, String> median(List<Map<String, String>> runs) {
        List<Map<String, String>> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(ReportsBench::millis));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    /**
     * The jobs once more, untimed, with a heap of {@value #SMALL_HEAP}: that they complete at every size is the proof
     * that what they hold does not grow with the cases (G1's "after GC" figures include old garbage not yet collected).
     */
    private String smallHeap(
            BenchEnv env, Path catalogs, String prefix, Jvm jvm, int year, LocalDate today, List<String> towns) {
        long t = System.nanoTime();
        try {
            child("job", "-Xmx" + SMALL_HEAP, jvm, env, catalogs, prefix, year, today, towns);
            return String.format("passes (%.0f s)", (System.nanoTime() - t) / 1e9);
        } catch (Exception e) {
            return "**fails**: " + e.getMessage();
        }
    }

    private static final String SMALL_HEAP = "48m";

    private Map<String, String> child(
            String mode,
            String heap,
            Jvm jvm,
            BenchEnv env,
            Path catalogs,
            String prefix,
            int year,
            LocalDate today,
            List<String> towns)
            throws Exception {
        Path data = Files.createTempDirectory(work, "reports-run-");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-Dbanshi.tablePrefix=" + prefix,
                "-Dbanshi.root=" + env.root,
                "-cp",
                String.join(
                        File.pathSeparator,
                        catalogs.toAbsolutePath().toString(),
                        env.root.resolve("bench/target/classes").toString(),
                        env.root.resolve("batch/target/classes").toString(),
                        env.root.resolve("batch/target/lib").toString() + "/*"),
                ReportsChild.class.getName(),
                mode,
                env.dynalite.endpoint(),
                data.toString(),
                Integer.toString(year),
                today.toString()));
        if (pagesPerCommit != null) cmd.add(1, "-D" + BatchConfiguration.PAGES_PER_COMMIT + "=" + pagesPerCommit);
        cmd.addAll(1, jvm.flags);
        cmd.addAll(towns);
        Path stderr = data.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = p.waitFor(30, TimeUnit.MINUTES);
        if (!ended) p.destroyForcibly().waitFor();
        String errors = Files.readString(stderr);
        System.err.print(errors);
        deleteTree(data); // the reports written are not needed
        if (!ended || p.exitValue() != 0) {
            String cause = errors.contains("OutOfMemoryError")
                    ? "OutOfMemoryError"
                    : !ended
                            ? "no end after 30 minutes"
                            : errors.lines()
                                    .filter(l -> l.contains("Exception"))
                                    .findFirst()
                                    .orElse("exit " + p.exitValue());
            throw new IllegalStateException(mode + " child failed: " + cause);
        }
        String line = output.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(output));
        Map<String, String> result = new LinkedHashMap<>();
        for (String kv : line.substring(7).split(" ")) {
            String[] parts = kv.split("=", 2);
            result.put(parts[0], parts[1]);
        }
        System.err.println("reports: " + mode + " " + heap + " " + jvm + " " + towns.size() + " town(s): " + line);
        return result;
    }

    /** gaocheng and dingshu as bundled, then copies of gaocheng's catalog as town03, town04, … up to {@code towns}. */
    private Path writeCatalogs(int towns) throws IOException {
        Path dir = work.resolve("reports-catalogs");
        Path pkg = Files.createDirectories(dir.resolve("cn/banshi/catalog"));
        String gaocheng = resource("cn/banshi/catalog/gaocheng.json");
        Files.writeString(pkg.resolve("gaocheng.json"), gaocheng);
        Files.writeString(pkg.resolve("dingshu.json"), resource("cn/banshi/catalog/dingshu.json"));
        StringBuilder index = new StringBuilder("gaocheng\ndingshu\n");
        for (int t = 3; t <= Math.max(2, towns); t++) {
            String id = String.format("town%02d", t);
            Files.writeString(
                    pkg.resolve(id + ".json"), gaocheng.replaceFirst("\"id\": \"gaocheng\"", "\"id\": \"" + id + "\""));
            index.append(id).append('\n');
        }
        Files.writeString(pkg.resolve("towns.txt"), index.toString());
        return dir;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Catalogs.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

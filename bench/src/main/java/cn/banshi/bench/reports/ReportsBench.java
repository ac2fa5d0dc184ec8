package cn.banshi.bench.reports;

import cn.banshi.bench.BenchEnv;
import cn.banshi.bench.CaseGenerator;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

    /** {@code pagesPerCommit}: null for the jobs' own default, else passed as {@code -Dbanshi.batch.pagesPerCommit}. */
    public ReportsBench(Path work, Integer pagesPerCommit) {
        this.work = work;
        this.pagesPerCommit = pagesPerCommit;
    }

    public String run(List<Integer> levels, int towns, int perTown) throws Exception {
        LocalDate today = LocalDate.now(cn.banshi.calendar.ChinaTime.ZONE);
        int year = today.getYear() - 1;
        Path catalogs = writeCatalogs(towns);
        Catalogs all = Catalogs.load(new URLClassLoader(new URL[] {catalogs.toUri().toURL()}, null));
        StringBuilder out = new StringBuilder("### 4. Report jobs at scale\n\n");
        out.append(String.format("The three report jobs (%s) for year %d, drafted as of %s, all formats (JSON, Markdown, HTML, DOCX), "
                + "%d scan segments, each run in a fresh JVM with `-Xmx256m`; the floor is a fresh JVM doing the raw parallel Scan "
                + "of the same table (same segments, page size 500, town filter — `IN` for several towns — and projection) once per job, i.e. three Scans one after another in one JVM (as the three jobs run in one JVM). Scan pages per commit %s. Peak heap after GC: the largest heap left after any collection (GC notifications), what the run holds; peak heap used: "
                + "the heap pools' peak usage (MemoryPoolMXBean), garbage included.%n%n",
                "rule-of-law-annual, ogi-annual, next-year-plan", year, today, cn.banshi.batch.ReportJobs.DEFAULT_SEGMENTS,
                pagesPerCommit == null ? "10 (the jobs' default)" : pagesPerCommit + " (`-Dbanshi.batch.pagesPerCommit`)"));
        out.append("| data | jobs run | cases read by the jobs | jobs' wall time (per job) | raw Scan × 3 (per Scan) | ratio | jobs: peak heap after GC / peak heap used (GCs) | Scan: after GC / used |\n"
                + "|---|---|---|---|---|---|---|---|\n");

        Path single = work.resolve("reports-single-dynamodb");
        try (BenchEnv env = new BenchEnv("rs-", single)) {
            Catalog town = all.town("gaocheng").orElseThrow();
            int loaded = 0;
            for (int level : levels) {
                out.append(load(env, single, "single", town, loaded, level, today)).append("");
                loaded = level;
                out.append(measure(env, catalogs, "rs-", String.format("1 town, %,d cases", level), year, today, List.of("gaocheng")));
            }
        }
        Path multi = work.resolve("reports-multi-dynamodb");
        try (BenchEnv env = new BenchEnv("rm-", multi)) {
            List<String> ids = new ArrayList<>(all.townIds()).subList(0, towns);
            for (int t = 0; t < ids.size(); t++) {
                load(env, multi, "multi-" + t, all.town(ids.get(t)).orElseThrow(), 0, perTown, today);
            }
            out.append(measure(env, catalogs, "rm-", String.format("%d towns × %,d cases (county run: one execution per job)", towns, perTown), year,
                    today, ids));
        }
        out.append("\n").append(String.join("  \n", loads)).append("\n\n");
        return out.toString();
    }

    private final List<String> loads = new ArrayList<>();

    private String load(BenchEnv env, Path dataDir, String name, Catalog town, int from, int to, LocalDate today) throws IOException {
        Path marker = dataDir.resolve("loaded-" + name + "-" + from + "-" + to + "-" + today);
        if (!Files.exists(marker)) {
            CaseGenerator generator = new CaseGenerator(town, today, 40 + town.town().id().hashCode());
            Iterator<Map<String, AttributeValue>> items = new Iterator<>() {
                int next = from;

                @Override
                public boolean hasNext() {
                    return next < to;
                }

                @Override
                public Map<String, AttributeValue> next() {
                    if (next >= to) throw new NoSuchElementException();
                    return cn.banshi.cases.CaseItems.toItem(generator.record(next++));
                }
            };
            BulkLoader.Result r = new BulkLoader(env.client(ClientOverrideConfiguration.builder()), 8).load(Tables.physical(Tables.CASES), items);
            Files.writeString(marker, String.format("Loaded %s cases %,d–%,d of `%s`: %,d items, %,d batches, %,d retried, %.0f s, %.0f items/s.",
                    name, from, to, town.town().id(), r.items(), r.batches(), r.retried(), r.millis() / 1000.0, r.itemsPerSecond()));
        }
        loads.add(Files.readString(marker));
        return "";
    }

    private String measure(BenchEnv env, Path catalogs, String prefix, String label, int year, LocalDate today, List<String> towns)
            throws Exception {
        Map<String, String> scan = child("scan", env, catalogs, prefix, year, today, towns);
        Map<String, String> jobs = child("job", env, catalogs, prefix, year, today, towns);
        double jobMs = Double.parseDouble(jobs.get("millis"));
        double scanMs = Double.parseDouble(scan.get("millis"));
        StringBuilder per = new StringBuilder();
        for (String k : List.of("rule-of-law-annual", "ogi-annual", "next-year-plan")) {
            per.append(per.length() == 0 ? "" : ", ").append(String.format("%.1f", Double.parseDouble(jobs.get(k)) / 1000));
        }
        String perScan = String.format("%.1f, %.1f, %.1f", Double.parseDouble(scan.get("scan1")) / 1000,
                Double.parseDouble(scan.get("scan2")) / 1000, Double.parseDouble(scan.get("scan3")) / 1000);
        return String.format("| %s | %d | %,d | %.1f s%s | %.1f s (%s) | **%.2f×** | %.0f / %.0f MiB (%s) | %.0f / %.0f MiB |%n", label,
                towns.size() * 3, Long.parseLong(jobs.get("items")), jobMs / 1000, per.length() == 0 ? "" : " (" + per + ")", scanMs / 1000, perScan,
                jobMs / scanMs, mib(jobs.get("peakLive")), mib(jobs.get("peakHeap")), jobs.get("gcs"), mib(scan.get("peakLive")),
                mib(scan.get("peakHeap")));
    }

    private static double mib(String bytes) {
        return Long.parseLong(bytes) / 1048576.0;
    }

    private Map<String, String> child(String mode, BenchEnv env, Path catalogs, String prefix, int year, LocalDate today, List<String> towns)
            throws Exception {
        Path data = Files.createTempDirectory(work, "reports-run-");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dbanshi.tablePrefix=" + prefix, "-Dbanshi.root=" + env.root,
                "-cp", String.join(java.io.File.pathSeparator, catalogs.toAbsolutePath().toString(),
                        env.root.resolve("bench/target/classes").toString(), env.root.resolve("batch/target/classes").toString(),
                        env.root.resolve("batch/target/lib").toString() + "/*"),
                ReportsChild.class.getName(), mode, env.dynalite.endpoint(), data.toString(), Integer.toString(year), today.toString()));
        if (pagesPerCommit != null) cmd.add(1, "-D" + cn.banshi.batch.BatchConfiguration.PAGES_PER_COMMIT + "=" + pagesPerCommit);
        cmd.addAll(towns);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(mode + " child failed: " + output);
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(() -> new IllegalStateException(output));
        Map<String, String> result = new LinkedHashMap<>();
        for (String kv : line.substring(7).split(" ")) {
            String[] parts = kv.split("=", 2);
            result.put(parts[0], parts[1]);
        }
        System.err.println("reports: " + mode + " " + towns.size() + " town(s): " + line);
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
            Files.writeString(pkg.resolve(id + ".json"), gaocheng.replaceFirst("\"id\": \"gaocheng\"", "\"id\": \"" + id + "\""));
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

package cn.banshi.bench;

import cn.banshi.bench.attachments.AttachmentMemoryBench;
import cn.banshi.bench.coldstart.ColdStartBench;
import cn.banshi.bench.load.BulkLoadBench;
import cn.banshi.bench.reports.ReportsBench;
import cn.banshi.bench.scale.StaffListAtScaleBench;
import cn.banshi.bench.warm.WarmLatencyBench;
import cn.banshi.logging.Log;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmarks of docs/benchmarks.md and prints their section in Markdown (bench/run.sh). Each figure is
 * measured in the same run as its floor and given as a ratio.
 *
 * <p>{@code Bench [coldstart] [warm] [scale] [reports] [load] [--rounds N] [--cases N] [--iterations N]
 * [--levels N,N] [--towns N] [--per-town N] [--report-rounds N] [--report-jvm lambda,hotspot] [--pages-per-commit N] [--items N] [--puts N]
 * [attachments] [--attachment-rounds N]}; no names: the first three.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> which = new ArrayList<>();
        int rounds = 11;
        int cases = 200_000;
        int iterations = 1000;
        List<Integer> levels = List.of(50_000, 200_000);
        int towns = 50;
        int perTown = 4_000;
        int items = 50_000;
        int puts = 5_000;
        Integer pagesPerCommit = null;
        int reportRounds = 3;
        String reportJvms = "lambda,hotspot";
        int attachmentRounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--levels" ->
                    levels = Arrays.stream(args[++i].split(","))
                            .map(Integer::valueOf)
                            .toList();
                case "--towns" -> towns = Integer.parseInt(args[++i]);
                case "--per-town" -> perTown = Integer.parseInt(args[++i]);
                case "--items" -> items = Integer.parseInt(args[++i]);
                case "--puts" -> puts = Integer.parseInt(args[++i]);
                case "--report-rounds" -> reportRounds = Integer.parseInt(args[++i]);
                case "--report-jvm" -> reportJvms = args[++i];
                case "--pages-per-commit" -> pagesPerCommit = Integer.valueOf(args[++i]);
                case "--attachment-rounds" -> attachmentRounds = Integer.parseInt(args[++i]);
                default -> which.add(args[i]);
            }
        }
        if (which.isEmpty()) which.addAll(List.of("coldstart", "warm", "scale"));
        // the handlers still format every log line, as in Lambda; the lines go nowhere, so stdout is the report
        Log.redirect(new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8"));
        Path work = Path.of("bench", "target", "work");
        Files.createDirectories(work);
        StringBuilder out = new StringBuilder();
        out.append("## Run of ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\n\n");
        out.append("Machine: ").append(BenchEnv.machine()).append("  \n");
        out.append("Command: `bench/run.sh ").append(String.join(" ", args)).append("`\n\n");
        for (String name : which) {
            long started = System.nanoTime();
            String section = switch (name) {
                case "coldstart" -> {
                    try (BenchEnv env = new BenchEnv("cold-", null)) {
                        yield new ColdStartBench(env, work).run(rounds);
                    }
                }
                case "warm" -> {
                    try (BenchEnv env = new BenchEnv("warm-", null)) {
                        yield new WarmLatencyBench(env).run(iterations);
                    }
                }
                case "scale" -> {
                    Path data = work.resolve("scale-dynamodb");
                    try (BenchEnv env = new BenchEnv("scale-", data)) {
                        yield new StaffListAtScaleBench(env, data).run(cases);
                    }
                }
                case "reports" ->
                    new ReportsBench(work, pagesPerCommit, reportRounds, ReportsBench.Jvm.parse(reportJvms))
                            .run(levels, towns, perTown);
                case "load" -> {
                    try (BenchEnv env =
                            new BenchEnv("load-", work.resolve("load-dynamodb-" + System.currentTimeMillis()))) {
                        yield new BulkLoadBench(env).run(items, 8, puts);
                    }
                }
                case "attachments" -> new AttachmentMemoryBench(work).run(attachmentRounds);
                default ->
                    throw new IllegalArgumentException(
                            "unknown benchmark " + name + " (coldstart, warm, scale, reports, load, attachments)");
            };
            out.append(section)
                    .append(String.format("_(%s took %.0f s.)_%n%n", name, (System.nanoTime() - started) / 1e9));
            System.err.println(section);
        }
        Path result = work.resolve("result.md");
        Files.writeString(result, out.toString());
        System.out.println(out);
        System.err.println("written to " + result);
    }
}

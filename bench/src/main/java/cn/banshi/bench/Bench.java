package cn.banshi.bench;

import cn.banshi.bench.coldstart.ColdStartBench;
import cn.banshi.bench.scale.StaffListAtScaleBench;
import cn.banshi.bench.warm.WarmLatencyBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks of docs/benchmarks.md and prints their section in Markdown (bench/run.sh). Each figure is
 * measured in the same run as its floor and given as a ratio. Benchmarks 4 (report jobs at scale) and 5 (bulk
 * loading) are added by the report-jobs and bulk-loader work.
 *
 * <p>{@code Bench [coldstart] [warm] [scale] [--rounds N] [--cases N] [--iterations N]}; no names: all three.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> which = new ArrayList<>();
        int rounds = 11;
        int cases = 200_000;
        int iterations = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                default -> which.add(args[i]);
            }
        }
        if (which.isEmpty()) which.addAll(List.of("coldstart", "warm", "scale"));
        // the handlers still format every log line, as in Lambda; the lines go nowhere, so stdout is the report
        cn.banshi.logging.Log.redirect(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true, "UTF-8"));
        Path work = Path.of("bench", "target", "work");
        Files.createDirectories(work);
        StringBuilder out = new StringBuilder();
        out.append("## Run of ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
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
                default -> throw new IllegalArgumentException("unknown benchmark " + name + " (coldstart, warm, scale)");
            };
            out.append(section).append(String.format("_(%s took %.0f s.)_%n%n", name, (System.nanoTime() - started) / 1e9));
            System.err.println(section);
        }
        Path result = work.resolve("result.md");
        Files.writeString(result, out.toString());
        System.out.println(out);
        System.err.println("written to " + result);
    }
}

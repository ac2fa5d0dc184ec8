package cn.banshi.bench.attachments;

import cn.banshi.bench.coldstart.ColdStartBench;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Benchmark 6: the memory of processing a 40-megapixel JPEG (7300 × 5475, a phone's largest photos) in a fresh JVM
 * with the Lambda java17 runtime's flags for a 512 MB function ({@link ColdStartBench#LAMBDA_JAVA17_FLAGS}: heap at
 * most 445,645 KB), side by side with the floor: ImageIO decoding the same photo whole in the same kind of JVM.
 * Rounds interleaved (floor, checks, checks, floor, …); each figure the median of its rounds.
 */
public final class AttachmentMemoryBench {
    static final int WIDTH = 7300;
    static final int HEIGHT = 5475;
    static final long LAMBDA_MEMORY = 512L * 1024 * 1024;

    private final Path work;

    public AttachmentMemoryBench(Path work) {
        this.work = work;
    }

    record Result(long millis, long peakHeap, long peakLive, long rss, String out) {}

    public String run(int rounds) throws Exception {
        Path photo = photo(work.resolve("photo-40mp.jpg"));
        Map<String, List<Result>> results = new HashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = r % 2 == 0 ? List.of("decode", "checks") : List.of("checks", "decode");
            for (String mode : order)
                results.computeIfAbsent(mode, k -> new ArrayList<>()).add(child(mode, photo));
        }
        Result checks = median(results.get("checks"));
        Result floor = median(results.get("decode"));
        StringBuilder out = new StringBuilder("### 6. Memory: a 40-megapixel photo through the attachment checks\n\n");
        out.append(String.format(
                "A %d × %d JPEG (%.1f MP, %.1f MB, made by the bench) checked by `FileChecks` (bytes sniffed, structure"
                        + " walked, decoded with subsampling, scaled to 4096 px, re-encoded, thumbnail) in a fresh JVM"
                        + " with the Lambda java17 flags for 512 MB (`%s`), %d rounds interleaved with the floor (ImageIO"
                        + " decoding the photo whole, same flags); medians.%n%n",
                WIDTH,
                HEIGHT,
                WIDTH * (double) HEIGHT / 1e6,
                Files.size(photo) / 1e6,
                String.join(" ", ColdStartBench.LAMBDA_JAVA17_FLAGS),
                rounds));
        out.append("| run | output | wall time | peak heap (pools, garbage incl.) | peak heap after GC | peak RSS |"
                + " within 512 MB |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Result> row : List.of(Map.entry("checks", checks), Map.entry("floor: decode", floor))) {
            Result x = row.getValue();
            out.append(String.format(
                    "| %s | %s | %d ms | %.0f MB | %.0f MB | %.0f MB | %s |%n",
                    row.getKey(),
                    x.out(),
                    x.millis(),
                    x.peakHeap() / 1048576.0,
                    x.peakLive() / 1048576.0,
                    x.rss() / 1048576.0,
                    x.rss() > 0 && x.rss() < LAMBDA_MEMORY ? "yes" : "no"));
        }
        out.append(String.format(
                "%nRatios checks / floor: peak heap %.2f, peak heap after GC %.2f, peak RSS %.2f, wall time %.2f.%n%n",
                checks.peakHeap() / (double) floor.peakHeap(),
                checks.peakLive() / (double) Math.max(1, floor.peakLive()),
                checks.rss() / (double) floor.rss(),
                checks.millis() / (double) floor.millis()));
        return out.toString();
    }

    /** A photo-like JPEG: gradients, shapes and sensor-like noise, about 8 MB (a phone's 40-MP photos are 8 to 12 MB). */
    static Path photo(Path file) throws IOException {
        if (Files.exists(file)) return file;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 200), WIDTH, HEIGHT, new Color(60, 110, 40)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Random random = new Random(16);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(
                    random.nextInt(WIDTH), random.nextInt(HEIGHT), 50 + random.nextInt(900), 50 + random.nextInt(600));
        }
        g.dispose();
        byte[] row = new byte[WIDTH * 3];
        var raster = image.getRaster();
        for (int y = 0; y < HEIGHT; y++) {
            raster.getDataElements(0, y, WIDTH, 1, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = (byte) Math.max(0, Math.min(255, (row[x] & 0xff) + random.nextInt(41) - 20));
            }
            raster.setDataElements(0, y, WIDTH, 1, row);
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "jpeg", file.toFile());
        return file;
    }

    private Result child(String mode, Path photo) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ColdStartBench.LAMBDA_JAVA17_FLAGS);
        cmd.addAll(List.of(
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                AttachmentMemoryChild.class.getName(),
                mode,
                photo.toString()));
        Path stderr = Files.createTempFile(work, "attachments-", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        if (!ended) p.destroyForcibly().waitFor();
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        if (!ended || p.exitValue() != 0) {
            throw new IllegalStateException(mode + " child failed: "
                    + (errors.contains("OutOfMemoryError") ? "OutOfMemoryError" : errors.strip()));
        }
        String line = output.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no RESULT from " + mode + ": " + output + errors));
        Map<String, String> fields = new HashMap<>();
        for (String part : line.substring(7).split(" ")) {
            String[] kv = part.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return new Result(
                Long.parseLong(fields.get("millis")),
                Long.parseLong(fields.get("peakHeap")),
                Long.parseLong(fields.get("peakLive")),
                Long.parseLong(fields.get("rss")),
                fields.get("out"));
    }

    private static Result median(List<Result> runs) {
        return new Result(
                medianOf(runs.stream().mapToLong(Result::millis).toArray()),
                medianOf(runs.stream().mapToLong(Result::peakHeap).toArray()),
                medianOf(runs.stream().mapToLong(Result::peakLive).toArray()),
                medianOf(runs.stream().mapToLong(Result::rss).toArray()),
                runs.get(0).out());
    }

    private static long medianOf(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

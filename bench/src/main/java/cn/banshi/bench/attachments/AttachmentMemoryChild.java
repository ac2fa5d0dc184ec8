package cn.banshi.bench.attachments;

import cn.banshi.attachments.Checked;
import cn.banshi.attachments.FileChecks;
import cn.banshi.attachments.FilePurpose;
import cn.banshi.bench.HeapWatch;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * One measurement in a fresh JVM with the Lambda runtime's flags for 512 MB (started by {@link AttachmentMemoryBench}):
 * {@code checks FILE} runs the attachment checks on the photo (what the processing function does);
 * {@code decode FILE} is the floor: ImageIO decoding the photo whole, nothing else. Prints one line
 * {@code RESULT millis=… peakHeap=… peakLive=… rss=… out=WxH}: peak heap is the sum of the heap pools' peak usage
 * (garbage included), peak live the largest heap left after a collection, rss the process's peak resident set
 * (VmHWM: heap, metaspace, code, native buffers, the JVM itself).
 */
public final class AttachmentMemoryChild {
    private AttachmentMemoryChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        String out;
        if (mode.equals("checks")) {
            Checked checked;
            try (InputStream in = Files.newInputStream(file)) {
                checked = new FileChecks().check(in, Files.size(file), FilePurpose.PHOTO_OR_PDF);
            }
            if (!(checked instanceof Checked.Image image)) throw new IllegalStateException("not passed: " + checked);
            out = image.width() + "x" + image.height();
        } else {
            BufferedImage decoded = ImageIO.read(file.toFile());
            out = decoded.getWidth() + "x" + decoded.getHeight();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "RESULT millis=%d peakHeap=%d peakLive=%d rss=%d out=%s%n",
                millis, HeapWatch.peakHeap(), heap.peakLive(), peakRss(), out);
    }

    /** VmHWM of /proc/self/status in bytes, or -1 where there is none. */
    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (Exception none) {
            // not Linux
        }
        return -1;
    }
}

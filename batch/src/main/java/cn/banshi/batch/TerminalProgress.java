package cn.banshi.batch;

import java.io.PrintStream;

/**
 * The CLI's progress: on a terminal a bar redrawn in place ("[██████░░░░]  62% 扫描案件 3120/5000"); otherwise
 * one line per phase and one per 10% of the scan (or every 100 cases when the total is unknown).
 */
final class TerminalProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private final String label;
    private volatile String phase = "";
    private long lastStep = -1;
    private long lastDrawn;

    TerminalProgress(PrintStream err, boolean terminal, String label) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
    }

    @Override
    public boolean wantsTotal() {
        return terminal;
    }

    @Override
    public synchronized void phase(String name) {
        phase = name;
        if (terminal) draw(-1, 0);
        else err.println(label + ": " + name);
    }

    @Override
    public synchronized void scanned(long done, long total) {
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDrawn > 100_000_000L) {
                lastDrawn = now;
                draw(done, total);
            }
            return;
        }
        long step = total > 0 ? Math.min(10, done * 10 / total) : done / 100;
        if (step != lastStep) {
            lastStep = step;
            err.println(label + ": 扫描案件 scanned " + done + (total > 0 ? "/" + total : ""));
        }
    }

    private void draw(long done, long total) {
        StringBuilder line = new StringBuilder("\r").append(label).append(' ');
        if (done >= 0 && total > 0) {
            int percent = (int) Math.min(100, done * 100 / total);
            int filled = percent * WIDTH / 100;
            line.append('[')
                    .append("█".repeat(filled))
                    .append("░".repeat(WIDTH - filled))
                    .append("] ")
                    .append(String.format("%3d%% ", percent))
                    .append(phase)
                    .append(' ')
                    .append(done)
                    .append('/')
                    .append(total);
        } else if (done >= 0) {
            line.append(phase).append(' ').append(done);
        } else {
            line.append(phase);
        }
        line.append("\u001b[K");
        err.print(line);
        err.flush();
    }

    void finish() {
        if (terminal) err.println();
    }
}

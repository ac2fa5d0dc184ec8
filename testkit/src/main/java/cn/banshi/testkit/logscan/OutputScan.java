package cn.banshi.testkit.logscan;

import cn.banshi.logging.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads everything a test JVM writes to stdout and stderr (and so every log line of {@link Log}), line by line, as
 * it is written, and records each phone or ID number it finds with the test that was running. Installed once per
 * JVM by {@link OutputScanSession} before any test class loads; checked after every test by
 * {@link NoPersonalDataInOutput}. The output still reaches Surefire unchanged.
 */
public final class OutputScan {
    public record Finding(String test, String stream, String what) {}

    private static final List<Finding> FINDINGS = new ArrayList<>();
    private static volatile String currentTest = "(outside any test)";
    private static volatile PrintStream scannedOut;

    private OutputScan() {}

    public static synchronized void install() {
        if (scannedOut != null) return;
        PrintStream out = new PrintStream(new Tee(System.out, "stdout"), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new Tee(System.err, "stderr"), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        Log.redirect(out);
        scannedOut = out;
    }

    public static boolean installed() {
        return scannedOut != null && System.out == scannedOut;
    }

    /** What a finding is attributed to; the Jupiter extension sets it per test, other engines' hooks may too. */
    public static void currentTest(String test) {
        currentTest = test;
    }

    public static synchronized int mark() {
        return FINDINGS.size();
    }

    public static synchronized List<Finding> since(int mark) {
        return List.copyOf(FINDINGS.subList(Math.min(mark, FINDINGS.size()), FINDINGS.size()));
    }

    /** Fails if anything written since {@code mark} held personal data. */
    public static void assertCleanSince(int mark) {
        List<Finding> found = since(mark);
        if (!found.isEmpty()) {
            StringBuilder message = new StringBuilder("personal data written to the log (masked here):");
            for (Finding f : found)
                message.append("\n  ")
                        .append(f.what())
                        .append(" on ")
                        .append(f.stream())
                        .append(" during ")
                        .append(f.test());
            throw new AssertionError(message.toString());
        }
    }

    /** For the scan's own test, which writes a number on purpose. */
    static synchronized void forget(int mark) {
        FINDINGS.subList(Math.min(mark, FINDINGS.size()), FINDINGS.size()).clear();
    }

    static synchronized void record(String stream, String line) {
        for (String what : PersonalData.find(line)) FINDINGS.add(new Finding(currentTest, stream, what));
    }

    /** Passes bytes through and scans each completed line. */
    private static final class Tee extends OutputStream {
        private final OutputStream target;
        private final String name;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(OutputStream target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            target.write(b);
            if (b == '\n') flushLine();
            else line.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') flushLine();
                else line.write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            target.flush();
        }

        private void flushLine() {
            record(name, line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}

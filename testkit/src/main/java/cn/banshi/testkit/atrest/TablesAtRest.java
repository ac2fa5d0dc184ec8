package cn.banshi.testkit.atrest;

import cn.banshi.personaldata.KeyWrapper;
import cn.banshi.testkit.LocalDynamo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The table prefixes this test JVM made ({@link LocalDynamo#freshTables()} records each), which test made them, and
 * whether their tables were scanned: {@link NoPersonalDataAtRest} scans each prefix once, after the test class that
 * made it, before the tables are left behind.
 */
public final class TablesAtRest {
    private static final class Made {
        final String prefix;
        final String by;
        boolean scanned;

        Made(String prefix, String by) {
            this.prefix = prefix;
            this.by = by;
        }
    }

    private static final List<Made> MADE = new ArrayList<>();
    private static volatile String currentTest = "(outside any test)";
    private static DynamoDbClient client;
    private static String clientEndpoint;
    private static int prefixes;
    private static int items;
    private static long nanos;

    private TablesAtRest() {}

    /** Called by {@link LocalDynamo#freshTables()} for each prefix it makes. */
    public static synchronized void made(String prefix) {
        MADE.add(new Made(prefix, currentTest));
    }

    /** Which test is running, to say which one wrote what a scan finds. */
    public static void currentTest(String test) {
        currentTest = test;
    }

    public static synchronized int mark() {
        return MADE.size();
    }

    /**
     * Scans the tables of every prefix made since {@code mark} and not scanned yet, except the {@code skipped} tables,
     * and fails naming each finding (masked). A test engine without Jupiter's extensions (jqwik) calls this in its own
     * after-hook.
     */
    public static void assertCleanSince(int mark, Set<String> skipped) {
        List<String> found = new ArrayList<>();
        synchronized (TablesAtRest.class) {
            for (int i = mark; i < MADE.size(); i++) {
                Made made = MADE.get(i);
                if (made.scanned) continue;
                for (PlaintextScan.Finding f : scan(made, skipped).findings())
                    found.add(f + " (tables of " + made.by + ")");
            }
        }
        fail(found);
    }

    /**
     * For a test that runs its own DynamoDB (a dynalite of its own, on a data directory): scans the tables under
     * {@code prefix} there and fails like the class scan.
     */
    public static PlaintextScan.Result assertClean(DynamoDbClient dynamo, String prefix) {
        return assertClean(dynamo, prefix, SealedValues.thisJvmsKey());
    }

    /**
     * As above, opening sealed values with {@code keys} (another process's, e.g. a data directory's key file); returns
     * what it read.
     */
    public static PlaintextScan.Result assertClean(DynamoDbClient dynamo, String prefix, KeyWrapper keys) {
        PlaintextScan.Result result = PlaintextScan.scan(dynamo, prefix, Set.of(), keys);
        if (result.tables() == 0) throw new AssertionError("no tables under the prefix " + prefix + " to scan");
        fail(result.findings().stream().map(Object::toString).toList());
        return result;
    }

    private static void fail(List<String> found) {
        if (!found.isEmpty()) {
            throw new AssertionError("personal data in plaintext in the raw tables (masked here):\n  "
                    + String.join("\n  ", found)
                    + "\n(seal it: cn.banshi.personaldata.ProtectedAttributes; a test writing plaintext on purpose: "
                    + PlaintextAtRest.class.getSimpleName() + ")");
        }
    }

    /**
     * Scans the tables of the prefix made last (the running test's) now and returns what it found, for a test that
     * asserts on the scan itself; they count as scanned, so the class's own scan does not read them again.
     */
    public static PlaintextScan.Result scanLatest() {
        synchronized (TablesAtRest.class) {
            if (MADE.isEmpty()) throw new IllegalStateException("no tables made yet (LocalDynamo.freshTables)");
            return scan(MADE.get(MADE.size() - 1), Set.of());
        }
    }

    private static PlaintextScan.Result scan(Made made, Set<String> skipped) {
        long start = System.nanoTime();
        made.scanned = true;
        PlaintextScan.Result result = PlaintextScan.scan(client(), made.prefix, skipped);
        prefixes++;
        items += result.items();
        nanos += System.nanoTime() - start;
        return result;
    }

    /** What the scans of this JVM read and how long they took; null when nothing was made. */
    public static synchronized String summary() {
        if (MADE.isEmpty()) return null;
        long unscanned = MADE.stream().filter(m -> !m.scanned).count();
        return String.format(
                "Raw tables scanned for personal data in plaintext: %,d table prefixes, %,d items, %,d ms%s",
                prefixes,
                items,
                nanos / 1_000_000,
                unscanned == 0
                        ? ""
                        : String.format(" (%,d prefixes made after the last test class: not scanned)", unscanned));
    }

    private static DynamoDbClient client() {
        String endpoint = LocalDynamo.endpoint();
        if (client == null || !endpoint.equals(clientEndpoint)) {
            client = LocalDynamo.client();
            clientEndpoint = endpoint;
        }
        return client;
    }
}

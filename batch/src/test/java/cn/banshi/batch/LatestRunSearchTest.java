package cn.banshi.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Finding the latest run number without reading every earlier run (pure logic: no repository). */
class LatestRunSearchTest {

    @Test
    void findsTheLastOfRunsNumberedWithoutGaps() {
        for (long runs = 0; runs <= 300; runs++) {
            long last = runs;
            assertEquals(runs, LatestRun.lastPresent(r -> r >= 1 && r <= last), "runs: " + runs);
        }
    }

    @Test
    void lookupsGrowWithTheLogarithmOfTheRuns() {
        AtomicInteger lookups = new AtomicInteger();
        long found = LatestRun.lastPresent(r -> {
            lookups.incrementAndGet();
            return r <= 1_000;
        });
        assertEquals(1_000, found);
        // doubling to 1,024 (11 lookups) then bisecting 512…1,024 (9): a linear walk would take 1,001
        assertTrue(lookups.get() <= 2 * 11, "lookups: " + lookups.get());
    }
}

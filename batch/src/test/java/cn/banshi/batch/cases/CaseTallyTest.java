package cn.banshi.batch.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.banshi.json.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting, merging and the JSON a segment commits (pure logic). */
class CaseTallyTest {
    private static final ReportPeriod YEAR = ReportPeriod.of(2025, LocalDate.of(2026, 1, 10));

    @Test
    void countsWhatACaseWasInThePeriod() {
        CaseTally tally = new CaseTally();
        tally.add(
                new CaseFact(
                        "gaocheng",
                        "complaint",
                        "environment",
                        "v01",
                        LocalDate.of(2025, 3, 2),
                        LocalDate.of(2025, 3, 20),
                        LocalDate.of(2025, 3, 15),
                        true,
                        "resolved",
                        5,
                        null),
                YEAR);
        tally.add(
                new CaseFact(
                        "gaocheng",
                        "complaint",
                        "environment",
                        "v01",
                        LocalDate.of(2024, 12, 30),
                        LocalDate.of(2025, 1, 20),
                        null,
                        null,
                        null,
                        null,
                        null),
                YEAR);
        assertEquals(1, tally.get("received"));
        assertEquals(1, tally.get("received.type.complaint"));
        assertEquals(1, tally.get("received.month.03"));
        assertEquals(1, tally.get("received.category.complaint.environment"));
        assertEquals(1, tally.get("village.v01.received"));
        assertEquals(1, tally.get("onTime.type.complaint"));
        assertEquals(5, tally.get("village.v01.ratingSum"));
        assertEquals(1, tally.get("carriedOver.type.complaint"));
        assertEquals(1, tally.get("overdueOpen.type.complaint"));
        assertEquals(LocalDate.of(2025, 1, 20).toEpochDay(), tally.max("open.maxDue.type.complaint"));
        assertNull(tally.max("open.maxDue.type.dispute"));
        assertEquals(Map.of("complaint.environment", 1L), tally.withPrefix("received.category."));
    }

    @Test
    void mergedSegmentsEqualOneTallyOfAllCasesAndSurviveTheirJson() throws Exception {
        List<CaseFact> facts = randomFacts(5_000, new Random(7));
        CaseTally whole = new CaseTally();
        CaseTally[] segments = {new CaseTally(), new CaseTally(), new CaseTally()};
        for (int i = 0; i < facts.size(); i++) {
            whole.add(facts.get(i), YEAR);
            segments[i % 3].add(facts.get(i), YEAR);
        }
        CaseTally merged = new CaseTally();
        for (CaseTally segment : segments) merged.merge(CaseTally.fromJson(segment.toJson()));
        assertEquals(whole.toJson(), merged.toJson());
        assertEquals(whole.toJson(), CaseTally.fromJson(whole.toJson()).toJson());
        // the text is JSON that Jackson reads to the same numbers
        assertEquals(
                whole.get("received"),
                Json.parse(whole.toJson()).get("sums").get("received").longValue());
    }

    @Test
    void namesWithQuotesBackslashesAndControlCharactersRoundTrip() throws Exception {
        CaseTally tally = new CaseTally();
        String village = "v\"1\\x\n\u0001村";
        tally.add(
                new CaseFact(
                        "gaocheng",
                        "help",
                        null,
                        village,
                        LocalDate.of(2025, 5, 1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                YEAR);
        String json = tally.toJson();
        assertEquals(
                1,
                Json.parse(json)
                        .get("sums")
                        .get("village." + village + ".received")
                        .longValue());
        assertEquals(1, CaseTally.fromJson(json).get("village." + village + ".received"));
    }

    private static List<CaseFact> randomFacts(int n, Random random) {
        String[] types = {"complaint", "help", "enquiry", "suggestion", "dispute", "petition", "info-request"};
        String[] categories = {"environment", "traffic", null};
        String[] villages = {"v01", "v02", null};
        String[] kinds = {"natural-person", "legal-person", "other", "bogus"};
        String[] outcomes = {"resolved", "public", "not-held", null};
        List<CaseFact> facts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate received = LocalDate.of(2024, 10, 1).plusDays(random.nextInt(500));
            LocalDate due = received.plusDays(15 + random.nextInt(30));
            LocalDate finished = random.nextBoolean() ? received.plusDays(random.nextInt(60)) : null;
            facts.add(new CaseFact(
                    "gaocheng",
                    types[random.nextInt(types.length)],
                    categories[random.nextInt(3)],
                    villages[random.nextInt(3)],
                    received,
                    due,
                    finished,
                    finished == null ? null : random.nextBoolean(),
                    outcomes[random.nextInt(outcomes.length)],
                    finished != null && random.nextBoolean() ? 1 + random.nextInt(5) : null,
                    kinds[random.nextInt(kinds.length)]));
        }
        return facts;
    }
}

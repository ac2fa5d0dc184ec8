package cn.banshi.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The January schedules' input: the year before the run's day, whatever the job's default. */
class ReportRunRequestPreviousYearTest {
    @Test
    void previousYearIsTheYearBeforeTheRunsDay() {
        ReportRunRequest january = ReportRunRequest.fromMap(Map.of("job", "rule-of-law-annual", "year", "previous"));
        assertEquals(2026, january.year(LocalDate.of(2027, 1, 2)));
        assertEquals(2026, january.year(LocalDate.of(2026, 12, 31)) + 1);
        assertEquals(Map.of("job", "rule-of-law-annual", "year", "previous"), january.toMap());
        // without it, the work report's default is the current year
        assertEquals(
                2027,
                ReportRunRequest.fromMap(Map.of("job", "rule-of-law-annual")).year(LocalDate.of(2027, 1, 2)));
        assertEquals(
                2021,
                ReportRunRequest.fromMap(Map.of("job", "ogi-annual", "year", 2021))
                        .year(LocalDate.of(2027, 1, 2)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ReportRunRequest.fromMap(Map.of("job", "ogi-annual", "year", "last")));
    }
}

package cn.banshi.cases;

import java.time.LocalDate;

/**
 * A staff list query within one town. Every filter is optional; {@code village} is forced for village staff.
 * {@code overdueOn} lists open cases whose due date is before that day; {@code dueBefore} open cases due before;
 * {@code provisional} open cases whose due date is provisional (counted through a year whose notice is not loaded).
 */
public record CaseQuery(
        String town,
        String type,
        String status,
        String village,
        String category,
        LocalDate from,
        LocalDate to,
        LocalDate overdueOn,
        LocalDate dueBefore,
        boolean provisional,
        int limit,
        String cursor) {

    /** Open cases of {@code town} (or one village) due before {@code bound}. */
    public static CaseQuery openDueBefore(String town, String village, LocalDate bound, int limit) {
        return new CaseQuery(town, null, null, village, null, null, null, bound, null, false, limit, null);
    }
}

package cn.banshi.cases;

import java.time.LocalDate;

/**
 * A staff list query within one town. Every filter is optional; {@code village} is forced for village staff.
 * {@code overdueOn} lists open cases whose due date is before that day; {@code dueBefore} open cases due before.
 */
public record CaseQuery(String town, String type, String status, String village, String category,
                        LocalDate from, LocalDate to, LocalDate overdueOn, LocalDate dueBefore,
                        int limit, String cursor) {}

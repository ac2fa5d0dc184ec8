package cn.banshi.plans;

import cn.banshi.records.TownRecord;
import java.time.LocalDate;

/**
 * One arrangement for a year (the year of {@code targetDate}): who owns it (a department, not a person's
 * name), where, by when, and what became of it. {@code source} is {@value #STAFF} for items staff entered and
 * {@value #GENERATED} for those the next-year-plan job stored.
 */
public record PlanItem(
        String id,
        String town,
        String title,
        String description,
        String owner,
        String place,
        LocalDate targetDate,
        PlanStatus status,
        String source,
        long version)
        implements TownRecord {
    public static final String STAFF = "staff";
    public static final String GENERATED = "next-year-plan";

    public int year() {
        return targetDate.getYear();
    }
}

package cn.banshi.batch.cases;

import java.time.LocalDate;

/**
 * The year a report covers, in Beijing dates, up to {@code asOf} (the 31 December, or the day the report is
 * drafted if that is earlier).
 */
public record ReportPeriod(int year, LocalDate asOf) {

    public static ReportPeriod of(int year, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return new ReportPeriod(year, today.isBefore(end) ? today : end);
    }

    public LocalDate start() {
        return LocalDate.of(year, 1, 1);
    }

    public boolean contains(LocalDate d) {
        return d != null && !d.isBefore(start()) && !d.isAfter(asOf);
    }
}

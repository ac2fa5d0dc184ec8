package cn.banshi.calendar;

import cn.banshi.catalog.TimeLimit;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A period of {@code days} working or calendar days counted from {@code from} as day zero: how every due date that
 * is not an information request's pausable clock is derived. Stored with the case, so that a due date can be
 * recomputed from its own basis when a year's holiday notice is loaded.
 *
 * @param from day zero (receipt, registration, acceptance…)
 * @param days how many days, at least 0
 * @param unit working or calendar days
 */
public record Term(LocalDate from, int days, TimeLimit.Unit unit) {

    public Term {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unit, "unit");
        if (days < 0) throw new IllegalArgumentException("days must not be negative: " + days);
    }

    public static Term of(LocalDate from, TimeLimit limit) {
        return new Term(from, limit.days(), limit.unit());
    }

    public static Term calendarDays(LocalDate from, int days) {
        return new Term(from, days, TimeLimit.Unit.CALENDAR);
    }

    public static Term workingDays(LocalDate from, int days) {
        return new Term(from, days, TimeLimit.Unit.WORKING);
    }

    /** The same term, {@code extra} days longer (an extension). */
    public Term plus(int extra) {
        return new Term(from, days + extra, unit);
    }
}

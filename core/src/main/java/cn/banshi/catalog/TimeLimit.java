package cn.banshi.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * The default time allowed to finish a case, counted in working days (weekends, statutory holidays and
 * make-up working days as in the working-day calendar) or in calendar days.
 *
 * @param days a positive number of days
 * @param unit what kind of days are counted
 */
public record TimeLimit(int days, Unit unit) {

    /** How days are counted. {@link #code()} is the form used in JSON ({@code "working"}, {@code "calendar"}). */
    public enum Unit {
        WORKING("working"),
        CALENDAR("calendar");

        private final String code;

        Unit(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The unit with the given JSON code; empty for {@code null} or an unknown code. */
        public static Optional<Unit> fromCode(String code) {
            for (Unit u : values()) {
                if (u.code.equals(code)) {
                    return Optional.of(u);
                }
            }
            return Optional.empty();
        }
    }

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (days <= 0) {
            throw new IllegalArgumentException("time limit must be at least one day, got " + days);
        }
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(days, Unit.WORKING);
    }

    public static TimeLimit calendarDays(int days) {
        return new TimeLimit(days, Unit.CALENDAR);
    }
}

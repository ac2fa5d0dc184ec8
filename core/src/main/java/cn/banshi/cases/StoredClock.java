package cn.banshi.cases;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.WorkingDayClock;
import java.time.LocalDate;
import java.util.List;

/**
 * An information request's working-day clock as stored: the clock without its calendar. {@code used} is stored for
 * readers of the item; {@code runs} and {@code carried} are null for clocks stored before runs were recorded (their
 * {@code used} days are then read as carried). {@code pausedOn} is null while the clock runs.
 */
public record StoredClock(
        LocalDate countingFrom,
        int limit,
        int used,
        Integer carried,
        List<WorkingDayClock.Run> runs,
        LocalDate pausedOn) {

    public StoredClock {
        runs = runs == null ? null : List.copyOf(runs);
    }

    public static StoredClock of(WorkingDayClock clock) {
        return new StoredClock(
                clock.countingFrom(),
                clock.limit(),
                clock.usedWorkingDays(),
                clock.carriedWorkingDays(),
                clock.runs(),
                clock.pausedOn());
    }

    /** The clock, counted under {@code deadlines}' calendar. */
    public WorkingDayClock toClock(Deadlines deadlines) {
        if (runs == null) return new WorkingDayClock(deadlines, countingFrom, limit, used, pausedOn);
        return new WorkingDayClock(deadlines, countingFrom, limit, carried == null ? 0 : carried, runs, pausedOn);
    }
}

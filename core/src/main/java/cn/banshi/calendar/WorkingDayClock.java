package cn.banshi.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, pausable working-day clock, as used for the reply period of open-government-information
 * requests (政府信息公开条例 Arts. 30–33). Every operation returns a new clock; all counting goes through
 * {@link Deadlines}.
 *
 * <p>Semantics (day zero convention of {@link Deadlines#addWorkingDays}):
 * <ul>
 *   <li>{@link #start}: counting from the day of receipt as day zero, {@code limit} working days.</li>
 *   <li>{@link #pause}{@code (on)} (e.g. third-party consultation, Art. 33): the days used are the working
 *       days after the current day zero up to and including {@code on} — the pause day itself counts if
 *       it is a working day. While paused {@link #dueDate()} is {@link Optional#empty()}.</li>
 *   <li>{@link #resume}{@code (on)}: the remaining {@code limit − used} working days count from {@code on}
 *       as day zero, so the working days after the pause day up to and including the resume day are not
 *       counted. Pausing and resuming on the same day leaves the due date unchanged.</li>
 *   <li>{@link #restart}{@code (on, limit)} (corrected request received, Art. 30): the full period counts
 *       afresh from {@code on}; days used, any pause and any extension are discarded.</li>
 *   <li>{@link #extend}{@code (extra)} (Art. 33): adds {@code extra} (1..20) working days to the limit.
 *       That it happens only once is the workflow's rule, not enforced here.</li>
 * </ul>
 *
 * <p>The components are the persisted state. The days used before the current period are kept as the periods the
 * clock ran ({@code runs}), not as a number, so that the whole clock is counted again under a newer calendar (a
 * year's notice loaded after the clock ran through that year provisionally). {@code carriedWorkingDays} holds a
 * number used before the runs were recorded (clocks stored by earlier versions); it is 0 for new clocks.
 *
 * @param deadlines          the calculator (and through it the calendar) used for counting
 * @param countingFrom       day zero of the current running period (the receipt, resume or restart day)
 * @param limit              working days allowed in total, extensions included
 * @param carriedWorkingDays working days used before the recorded runs (fixed; 0 for clocks with every run recorded)
 * @param runs               the earlier running periods, each counting the working days after its {@code from} up to
 *                           and including its {@code to} (a pause day); the last one ends on {@code pausedOn} while
 *                           the clock is paused
 * @param pausedOn           the pause day, or {@code null} while running
 */
public record WorkingDayClock(
        Deadlines deadlines,
        LocalDate countingFrom,
        int limit,
        int carriedWorkingDays,
        List<Run> runs,
        LocalDate pausedOn) {

    /** A period the clock ran: the working days after {@code from} up to and including {@code to}. */
    public record Run(LocalDate from, LocalDate to) {
        public Run {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) throw new IllegalArgumentException("run ends " + to + " before it starts " + from);
        }
    }

    public WorkingDayClock {
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(countingFrom, "countingFrom");
        runs = List.copyOf(runs);
        if (limit < 0 || carriedWorkingDays < 0 || carriedWorkingDays > limit) {
            throw new IllegalArgumentException(
                    "need 0 <= usedWorkingDays <= limit: used=" + carriedWorkingDays + ", limit=" + limit);
        }
        if (pausedOn != null && pausedOn.isBefore(countingFrom)) {
            throw new IllegalArgumentException("pausedOn " + pausedOn + " is before countingFrom " + countingFrom);
        }
    }

    /** A clock with {@code usedWorkingDays} carried as a number (as stored before runs were recorded). */
    public WorkingDayClock(
            Deadlines deadlines, LocalDate countingFrom, int limit, int usedWorkingDays, LocalDate pausedOn) {
        this(deadlines, countingFrom, limit, usedWorkingDays, List.of(), pausedOn);
    }

    /** A running clock: {@code limit} working days counted from {@code receivedOn} as day zero. */
    public static WorkingDayClock start(Deadlines deadlines, LocalDate receivedOn, int limit) {
        return new WorkingDayClock(deadlines, receivedOn, limit, 0, List.of(), null);
    }

    public boolean isPaused() {
        return pausedOn != null;
    }

    /**
     * Stops the clock on {@code on}; the working days after {@code countingFrom} up to and including
     * {@code on} are added to the days used.
     *
     * @throws IllegalStateException    if already paused, or if {@code on} is after the due date (an
     *                                  overdue period cannot be paused back into time)
     * @throws IllegalArgumentException if {@code on} is before {@code countingFrom}
     */
    public WorkingDayClock pause(LocalDate on) {
        Objects.requireNonNull(on, "on");
        if (isPaused()) {
            throw new IllegalStateException("clock already paused on " + pausedOn);
        }
        if (on.isBefore(countingFrom)) {
            throw new IllegalArgumentException("cannot pause on " + on + ", before " + countingFrom);
        }
        int used = usedWorkingDays() + deadlines.workingDaysBetween(countingFrom, on);
        if (used > limit) {
            throw new IllegalStateException("cannot pause on " + on + ": the period already ended on "
                    + dueDate().orElseThrow());
        }
        List<Run> next = new ArrayList<>(runs);
        next.add(new Run(countingFrom, on));
        return new WorkingDayClock(deadlines, countingFrom, limit, carriedWorkingDays, next, on);
    }

    /**
     * Restarts a paused clock: the remaining working days count from {@code on} as day zero.
     *
     * @throws IllegalStateException    if not paused
     * @throws IllegalArgumentException if {@code on} is before the pause day
     */
    public WorkingDayClock resume(LocalDate on) {
        Objects.requireNonNull(on, "on");
        if (!isPaused()) {
            throw new IllegalStateException("clock is not paused");
        }
        if (on.isBefore(pausedOn)) {
            throw new IllegalArgumentException("cannot resume on " + on + ", before the pause on " + pausedOn);
        }
        return new WorkingDayClock(deadlines, on, limit, carriedWorkingDays, runs, null);
    }

    /**
     * The full period of {@code newLimit} working days counts afresh from {@code on} (running, nothing
     * used, no extension), whether the clock was running or paused.
     *
     * @throws IllegalArgumentException if {@code on} is before {@code countingFrom}
     */
    public WorkingDayClock restart(LocalDate on, int newLimit) {
        Objects.requireNonNull(on, "on");
        if (on.isBefore(countingFrom)) {
            throw new IllegalArgumentException("cannot restart on " + on + ", before " + countingFrom);
        }
        return new WorkingDayClock(deadlines, on, newLimit, 0, List.of(), null);
    }

    /**
     * Adds {@code extraWorkingDays} (1..{@value Deadlines#OGI_MAX_EXTENSION_WORKING_DAYS}) to the limit,
     * running or paused. Allowing it only once is the workflow's job.
     */
    public WorkingDayClock extend(int extraWorkingDays) {
        if (extraWorkingDays < 1 || extraWorkingDays > Deadlines.OGI_MAX_EXTENSION_WORKING_DAYS) {
            throw new IllegalArgumentException("extension must be 1.." + Deadlines.OGI_MAX_EXTENSION_WORKING_DAYS
                    + " working days: " + extraWorkingDays);
        }
        return new WorkingDayClock(
                deadlines, countingFrom, limit + extraWorkingDays, carriedWorkingDays, runs, pausedOn);
    }

    /** The same clock counted with another calculator (a calendar with a newly loaded year). */
    public WorkingDayClock countedWith(Deadlines other) {
        return new WorkingDayClock(other, countingFrom, limit, carriedWorkingDays, runs, pausedOn);
    }

    /**
     * Working days used before the current period (for a paused clock, up to and including the pause day): the carried
     * number plus every recorded run, counted with this clock's calendar.
     */
    public int usedWorkingDays() {
        int used = carriedWorkingDays;
        for (Run r : runs) used += deadlines.workingDaysBetween(r.from(), r.to());
        return used;
    }

    /**
     * {@code limit − usedWorkingDays()}: what is left as of {@code countingFrom} (or as of the pause); never below 0
     * (a newer calendar can make a run longer than it was when it was paused).
     */
    public int remainingWorkingDays() {
        return Math.max(0, limit - usedWorkingDays());
    }

    /** The first day the clock counted: the start of its first recorded run, else {@code countingFrom}. */
    public LocalDate firstCountedDay() {
        return runs.isEmpty() ? countingFrom : runs.get(0).from();
    }

    /** The due date of a running clock with whether it is provisional; empty while paused. */
    public Optional<Due> due() {
        return dueDate().map(date -> new Due(date, deadlines.firstProvisionalYear(firstCountedDay(), date)));
    }

    /**
     * The due date of a running clock: {@link #remainingWorkingDays()} working days after
     * {@code countingFrom}. Empty while paused — there is no due date until the clock resumes.
     */
    public Optional<LocalDate> dueDate() {
        if (isPaused()) {
            return Optional.empty();
        }
        return Optional.of(deadlines.addWorkingDays(countingFrom, remainingWorkingDays()));
    }

    /** Working days used as of {@code asOf} (inclusive), counting the running period; may exceed the limit. */
    public int usedWorkingDays(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return isPaused() ? usedWorkingDays() : usedWorkingDays() + deadlines.workingDaysBetween(countingFrom, asOf);
    }

    /** Whether the clock is running and {@code today} is after its due date. */
    public boolean isOverdue(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return dueDate().map(today::isAfter).orElse(false);
    }
}

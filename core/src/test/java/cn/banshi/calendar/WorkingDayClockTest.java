package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-counted expectations (2021: Sep 19–21 and Oct 1–7 off; Sat Sep 18, Sun Sep 26, Sat Oct 9 make-up).
 *
 * <p>Reference count from Wed 2021-09-01 (day 0): Sep 2 = 1, Sep 3 = 2, Sep 6–10 = 3..7, Sep 13–17 = 8..12,
 * Sat Sep 18 = 13, Sep 22 = 14, 23 = 15, 24 = 16, Sun Sep 26 = 17, 27 = 18, 28 = 19, Wed Sep 29 = 20.
 */
class WorkingDayClockTest {

    private final Deadlines deadlines = new Deadlines(WorkingDayCalendar.bundled());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void runningClockDueDate() {
        WorkingDayClock clock = deadlines.ogiReplyClock(d("2021-09-01"));
        assertFalse(clock.isPaused());
        assertEquals(Optional.of(d("2021-09-29")), clock.dueDate());
        assertEquals(0, clock.usedWorkingDays());
        assertEquals(20, clock.remainingWorkingDays());
        // Sep 2, 3, 6 used as of Mon Sep 6
        assertEquals(3, clock.usedWorkingDays(d("2021-09-06")));
    }

    @Test
    void pauseAndResume() {
        // Pause on Fri Sep 10: used = Sep 2, 3, 6, 7, 8, 9, 10 = 7 (the pause day counts); 13 remain.
        WorkingDayClock paused = deadlines.ogiReplyClock(d("2021-09-01")).pause(d("2021-09-10"));
        assertTrue(paused.isPaused());
        assertEquals(Optional.empty(), paused.dueDate());
        assertEquals(7, paused.usedWorkingDays());
        assertEquals(7, paused.usedWorkingDays(d("2021-10-01")), "paused time is not counted");
        assertEquals(13, paused.remainingWorkingDays());

        // Resume on Fri Oct 8 (day 0): Sat Oct 9 = 1, Oct 11–15 = 2..6, Oct 18–22 = 7..11, Mon 25 = 12, Tue 26 = 13.
        WorkingDayClock resumed = paused.resume(d("2021-10-08"));
        assertFalse(resumed.isPaused());
        assertEquals(Optional.of(d("2021-10-26")), resumed.dueDate());
        assertEquals(7, resumed.usedWorkingDays());
        // Oct 9, 11 used after resuming: 7 + 2
        assertEquals(9, resumed.usedWorkingDays(d("2021-10-11")));

        // Extension +20 => 33 from Oct 8: ... Oct 26 = 13, 27 = 14, 28 = 15, 29 = 16, Nov 1–5 = 17..21,
        // Nov 8–12 = 22..26, Nov 15–19 = 27..31, Mon Nov 22 = 32, Tue Nov 23 = 33.
        WorkingDayClock extended = resumed.extend(20);
        assertEquals(40, extended.limit());
        assertEquals(Optional.of(d("2021-11-23")), extended.dueDate());
    }

    @Test
    void pauseAndResumeOnTheSameDayChangesNothing() {
        WorkingDayClock clock = deadlines.ogiReplyClock(d("2021-09-01"));
        assertEquals(
                clock.dueDate(),
                clock.pause(d("2021-09-10")).resume(d("2021-09-10")).dueDate());
    }

    @Test
    void pauseOnAHolidayUsesNothingAndResumeCountsFromTheResumeDay() {
        // Start Thu Sep 30; pause Sun Oct 3: Oct 1–3 are off, so 0 used.
        WorkingDayClock paused = deadlines.ogiReplyClock(d("2021-09-30")).pause(d("2021-10-03"));
        assertEquals(0, paused.usedWorkingDays());
        // Resume Sun Oct 10 (day 0): Oct 11–15 = 1..5, 18–22 = 6..10, 25–29 = 11..15, Nov 1–5 = 16..20.
        assertEquals(
                Optional.of(d("2021-11-05")), paused.resume(d("2021-10-10")).dueDate());
    }

    @Test
    void pauseOnTheDueDateLeavesNothing() {
        // Paused on Wed Sep 29 = day 20: 0 remain; resuming on Fri Oct 8 makes Oct 8 itself the due date.
        WorkingDayClock paused = deadlines.ogiReplyClock(d("2021-09-01")).pause(d("2021-09-29"));
        assertEquals(20, paused.usedWorkingDays());
        assertEquals(
                Optional.of(d("2021-10-08")), paused.resume(d("2021-10-08")).dueDate());
    }

    @Test
    void cannotPauseAnOverduePeriod() {
        // Thu Sep 30 would be working day 21.
        WorkingDayClock clock = deadlines.ogiReplyClock(d("2021-09-01"));
        assertThrows(IllegalStateException.class, () -> clock.pause(d("2021-09-30")));
    }

    @Test
    void restartCountsTheFullPeriodAfresh() {
        // Correction received Fri Sep 24 (day 0): Sun Sep 26 = 1, 27 = 2, 28 = 3, 29 = 4, 30 = 5, Oct 1–7 off,
        // Fri Oct 8 = 6, Sat Oct 9 = 7, Oct 11–15 = 8..12, Oct 18–22 = 13..17, Oct 25 = 18, 26 = 19, Wed 27 = 20.
        WorkingDayClock original = deadlines.ogiReplyClock(d("2021-09-01"));
        WorkingDayClock restarted = original.restart(d("2021-09-24"), 20);
        assertEquals(Optional.of(d("2021-10-27")), restarted.dueDate());
        assertEquals(0, restarted.usedWorkingDays());
        // Restart from a paused, extended clock discards the pause, the used days and the extension.
        WorkingDayClock fromPaused = original.extend(20).pause(d("2021-09-10")).restart(d("2021-09-24"), 20);
        assertFalse(fromPaused.isPaused());
        assertEquals(20, fromPaused.limit());
        assertEquals(Optional.of(d("2021-10-27")), fromPaused.dueDate());
    }

    @Test
    void overdue() {
        WorkingDayClock clock = deadlines.ogiReplyClock(d("2021-09-30")); // due Wed 2021-11-03
        assertFalse(clock.isOverdue(d("2021-11-03")));
        assertTrue(clock.isOverdue(d("2021-11-04")));
        assertFalse(clock.pause(d("2021-10-08")).isOverdue(d("2022-01-01")), "a paused clock is never overdue");
    }

    @Test
    void invalidTransitions() {
        WorkingDayClock clock = deadlines.ogiReplyClock(d("2021-09-01"));
        WorkingDayClock paused = clock.pause(d("2021-09-10"));
        assertThrows(IllegalStateException.class, () -> paused.pause(d("2021-09-13")));
        assertThrows(IllegalStateException.class, () -> clock.resume(d("2021-09-13")));
        assertThrows(IllegalArgumentException.class, () -> paused.resume(d("2021-09-09")));
        assertThrows(IllegalArgumentException.class, () -> clock.pause(d("2021-08-31")));
        assertThrows(IllegalArgumentException.class, () -> clock.restart(d("2021-08-31"), 20));
        assertThrows(IllegalArgumentException.class, () -> clock.extend(0));
        assertThrows(IllegalArgumentException.class, () -> clock.extend(21));
        assertThrows(
                IllegalArgumentException.class, () -> new WorkingDayClock(deadlines, d("2021-09-01"), 20, 21, null));
    }

    @Test
    void restoredFromItsComponents() {
        WorkingDayClock paused = deadlines.ogiReplyClock(d("2021-09-01")).pause(d("2021-09-10"));
        WorkingDayClock restored = new WorkingDayClock(
                deadlines,
                paused.countingFrom(),
                paused.limit(),
                paused.carriedWorkingDays(),
                paused.runs(),
                paused.pausedOn());
        assertEquals(paused, restored);
        WorkingDayClock legacy = new WorkingDayClock(
                deadlines, paused.countingFrom(), paused.limit(), paused.usedWorkingDays(), paused.pausedOn());
        assertEquals(
                paused.resume(d("2021-09-20")).dueDate(),
                legacy.resume(d("2021-09-20")).dueDate(),
                "a clock stored with a used count (earlier versions) counts the same");
    }

    @Test
    void runsAreCountedAgainUnderANewerCalendar() {
        // paused on Wed 2026-12-30 after running from Mon 2026-12-21 (7 working days); resumed in January 2027
        WorkingDayCalendar without2027 = WorkingDayCalendar.bundled();
        Deadlines provisional = new Deadlines(without2027);
        WorkingDayClock clock = provisional
                .ogiReplyClock(d("2026-12-21"))
                .pause(d("2026-12-30"))
                .resume(d("2027-01-04"));
        // 13 days left from Mon 4 Jan: Jan 5–8 = 4, Jan 11–15 = 9, Jan 18–21 = 13 → Thu 21 January, provisional
        assertEquals(Optional.of(new Due(d("2027-01-21"), 2027)), clock.due());
        // the notice makes Saturday 2027-01-16 a working day (hypothetically): one day earlier, final
        YearArrangement notice =
                new YearArrangement(2027, "国办发明电〔2026〕N号", Set.of(d("2027-01-01")), Set.of(d("2027-01-16")));
        Deadlines loaded = new Deadlines(without2027.with(notice));
        assertEquals(
                Optional.of(new Due(d("2027-01-20"), 0)),
                clock.countedWith(loaded).due());
    }
}

package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Expected dates are counted by hand in the comments (day of receipt = day zero; count working days
 * only), not derived from the implementation. 2021: Oct 1–7 off, Sat Oct 9 and Sun Sep 26 and Sat Sep 18
 * make-up; Feb 11–17 off, Sat Feb 20 make-up. 2022: Jan 1–3 off.
 */
class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(WorkingDayCalendar.bundled());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void zeroWorkingDaysIsTheStartDayEvenOnAHoliday() {
        assertEquals(d("2021-10-03"), deadlines.addWorkingDays(d("2021-10-03"), 0));
        assertThrows(IllegalArgumentException.class, () -> deadlines.addWorkingDays(d("2021-10-03"), -1));
    }

    @Test
    void replyDueAcrossNationalDay() {
        // Received Thu 2021-09-30 (day 0). Oct 1–7 off.
        // Fri Oct 8 = 1, Sat Oct 9 (make-up) = 2, Sun Oct 10 not counted,
        // Mon–Fri Oct 11–15 = 3..7, Oct 18–22 = 8..12, Oct 25–29 = 13..17,
        // Mon Nov 1 = 18, Tue Nov 2 = 19, Wed Nov 3 = 20.
        assertEquals(d("2021-11-03"), deadlines.ogiReplyDue(d("2021-09-30")));
        assertEquals(d("2021-11-03"), deadlines.addWorkingDays(d("2021-09-30"), 20));
        // Oct 29 is only the 17th working day:
        assertEquals(17, deadlines.workingDaysBetween(d("2021-09-30"), d("2021-10-29")));
        assertEquals(20, deadlines.workingDaysBetween(d("2021-09-30"), d("2021-11-03")));
    }

    @Test
    void receivedOnAHoliday() {
        // Received Sun 2021-10-03 (holiday) = day 0; Oct 4–7 off; Oct 8 = 1, Oct 9 = 2, ... as above: Nov 3 = 20.
        assertEquals(d("2021-11-03"), deadlines.ogiReplyDue(d("2021-10-03")));
        // Correction notice, 7 working days: Oct 8 = 1, Oct 9 = 2, Oct 11..15 = 3..7.
        assertEquals(d("2021-10-15"), deadlines.ogiCorrectionNoticeDue(d("2021-10-03")));
    }

    @Test
    void receivedOnAMakeUpSaturday() {
        // Received Sat 2021-10-09 (make-up working day) = day 0; Sun Oct 10 not counted;
        // Oct 11–15 = 1..5, Oct 18–22 = 6..10, Oct 25–29 = 11..15, Nov 1–5 = 16..20.
        assertEquals(d("2021-11-05"), deadlines.ogiReplyDue(d("2021-10-09")));
        // Received Sat 2021-09-18 (make-up) = day 0; Sep 19–21 off; Wed 22 = 1, Thu 23 = 2, Fri 24 = 3,
        // Sat 25 no, Sun 26 (make-up) = 4, Mon 27 = 5, Tue 28 = 6, Wed 29 = 7.
        assertEquals(d("2021-09-29"), deadlines.ogiCorrectionNoticeDue(d("2021-09-18")));
    }

    @Test
    void springFestival2021() {
        // Received Wed 2021-02-10 = day 0; Feb 11–17 off; Thu 18 = 1, Fri 19 = 2, Sat 20 (make-up) = 3,
        // Sun 21 no, Mon 22 = 4, Tue 23 = 5, Wed 24 = 6, Thu 25 = 7.
        assertEquals(d("2021-02-25"), deadlines.ogiCorrectionNoticeDue(d("2021-02-10")));
    }

    @Test
    void acrossTheYearEnd() {
        // Received Fri 2021-12-24 = day 0; Mon–Fri Dec 27–31 = 1..5; 2022 Jan 1–3 off;
        // Tue Jan 4..Fri Jan 7 = 6..9; Jan 10–14 = 10..14; Jan 17–21 = 15..19; Mon Jan 24 = 20.
        assertEquals(d("2022-01-24"), deadlines.ogiReplyDue(d("2021-12-24")));
    }

    @Test
    void aYearWithoutANoticeIsCountedProvisionally() {
        // Thu 2026-12-24: Dec 25 = 1, Dec 28–31 = 2..5; 2027 (no notice loaded): Fri Jan 1 元旦 off,
        // Jan 4–8 = 6..10, Jan 11–15 = 11..15, Jan 18–22 = 16..20.
        Due due = deadlines.due(Term.workingDays(d("2026-12-24"), 20));
        assertEquals(new Due(d("2027-01-22"), 2027), due);
        assertEquals("（暂定：2027年节假日安排公布后确定）", Due.remarkZh(due.provisionalYear()));
        // a count that stays inside 2026 is final
        assertEquals(new Due(d("2026-12-29"), 0), deadlines.due(Term.workingDays(d("2026-12-24"), 3)));
        // calendar days through 2027 are marked provisional too (the rule: the count passes through the year)
        assertEquals(new Due(d("2027-02-22"), 2027), deadlines.due(Term.calendarDays(d("2026-12-24"), 60)));
    }

    @Test
    void aYearOutsideTheSupportedRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> deadlines.addWorkingDays(d("1999-12-20"), 5));
    }

    @Test
    void workingDaysBetween() {
        assertEquals(0, deadlines.workingDaysBetween(d("2021-10-01"), d("2021-10-07")));
        assertEquals(0, deadlines.workingDaysBetween(d("2021-10-08"), d("2021-10-08")));
        assertEquals(0, deadlines.workingDaysBetween(d("2021-10-08"), d("2021-10-01")));
        // after Fri Oct 8: Sat Oct 9 (make-up) = 1, Mon Oct 11 = 2
        assertEquals(2, deadlines.workingDaysBetween(d("2021-10-08"), d("2021-10-11")));
    }

    @Test
    void onOrNextWorkingDay() {
        assertEquals(d("2021-10-08"), deadlines.onOrNextWorkingDay(d("2021-10-01")));
        assertEquals(d("2021-10-09"), deadlines.onOrNextWorkingDay(d("2021-10-09")));
        assertEquals(d("2021-10-11"), deadlines.onOrNextWorkingDay(d("2021-10-10")));
    }

    @Test
    void calendarDayRulesForPetitionsAndMediation() {
        LocalDate sep1 = d("2021-09-01");
        assertEquals(d("2021-09-11"), deadlines.addCalendarDays(sep1, 10));
        assertEquals(d("2021-09-16"), deadlines.petitionForwardDue(sep1));
        assertEquals(d("2021-09-16"), deadlines.petitionAcknowledgementDue(sep1));
        // Sep has 30 days: Sep 1 + 29 = Sep 30, + 60 = Oct 31 (a Sunday; calendar days are not moved).
        assertEquals(d("2021-10-31"), deadlines.petitionHandlingDue(sep1));
        assertEquals(d("2021-11-30"), deadlines.petitionExtendedHandlingDue(d("2021-10-31"), 30));
        assertThrows(IllegalArgumentException.class, () -> deadlines.petitionExtendedHandlingDue(sep1, 31));
        // Jan 15 + 30 = Feb 14 (2021)
        assertEquals(d("2021-02-14"), deadlines.petitionReviewRequestDeadline(d("2021-01-15")));
        assertEquals(d("2021-02-14"), deadlines.petitionReviewOpinionDue(d("2021-01-15")));
        assertEquals(d("2021-02-14"), deadlines.petitionReReviewRequestDeadline(d("2021-01-15")));
        assertEquals(d("2021-02-14"), deadlines.petitionReReviewOpinionDue(d("2021-01-15")));
        // Objection is 5 working days: from Thu 2021-09-30: Oct 8 = 1, Oct 9 = 2, Oct 11, 12, 13 = 3..5.
        assertEquals(d("2021-10-13"), deadlines.petitionObjectionDue(d("2021-09-30")));
        assertEquals(d("2021-02-28"), deadlines.mediationTargetDate(d("2021-01-31")));
    }

    @Test
    void thirdPartyAnswerDue() {
        // Mon 2021-09-13 = day 0: 14–17 = 1..4, Sat 18 (make-up) = 5, 19–21 off, 22, 23, 24 = 6..8,
        // Sun 26 (make-up) = 9, 27, 28, 29, 30 = 10..13, Oct 1–7 off, Fri Oct 8 = 14, Sat Oct 9 = 15.
        assertEquals(d("2021-10-09"), deadlines.ogiThirdPartyAnswerDue(d("2021-09-13")));
    }

    @Test
    void addAndBetweenAreInversesAndDueDatesAreWorkingDays() {
        WorkingDayCalendar cal = deadlines.calendar();
        for (LocalDate s = d("2020-01-01"); s.isBefore(d("2026-10-01")); s = s.plusDays(1)) {
            for (int n = 1; n <= 40; n += 13) {
                LocalDate due = deadlines.addWorkingDays(s, n);
                assertEquals(n, deadlines.workingDaysBetween(s, due), s + " + " + n);
                assertEquals(true, cal.isWorkingDay(due), s + " + " + n);
            }
        }
    }
}

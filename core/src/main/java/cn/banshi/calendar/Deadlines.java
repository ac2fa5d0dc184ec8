package cn.banshi.calendar;

import cn.banshi.catalog.TimeLimit;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The one place every due date in the product is computed.
 *
 * <p>Counting rule (as in mature request trackers): the start day (day of receipt) is day zero; step
 * forward one day at a time, counting only working days; the due date is the day the count reaches
 * N. So N working days from a Friday before a normal weekend ends on a Friday N days later, and a
 * request received on a holiday or weekend starts counting on the next working day as day one.
 *
 * <p>Calendar-day periods count the same way over every day: start + N. They are <em>not</em> moved
 * off a holiday here; callers that must apply the "period ending on a holiday ends on the next working
 * day" rule can use {@link #onOrNextWorkingDay(LocalDate)} explicitly.
 *
 * <p>Years without a loaded State Council notice are counted provisionally ({@link WorkingDayCalendar}); {@link #due}
 * says whether a due date relied on such a year.
 */
public final class Deadlines {

    /** 政府信息公开条例 Art. 33: reply within 20 working days of receipt. */
    public static final int OGI_REPLY_WORKING_DAYS = 20;
    /** Art. 33: one extension of at most 20 working days. */
    public static final int OGI_MAX_EXTENSION_WORKING_DAYS = 20;
    /** Art. 30: tell the applicant what to correct within 7 working days of receipt. */
    public static final int OGI_CORRECTION_NOTICE_WORKING_DAYS = 7;
    /** Art. 32: a consulted third party has 15 working days to answer. */
    public static final int OGI_THIRD_PARTY_WORKING_DAYS = 15;

    /** 信访工作条例: forward or assign within 15 days of registration. */
    public static final int PETITION_FORWARD_DAYS = 15;
    /** The receiving body tells the petitioner within 15 days that it was received. */
    public static final int PETITION_ACKNOWLEDGE_DAYS = 15;
    /** A body that is not responsible objects within 5 working days. */
    public static final int PETITION_OBJECTION_WORKING_DAYS = 5;
    /** Handling is finished within 60 days of acceptance. */
    public static final int PETITION_HANDLING_DAYS = 60;
    /** A complex case may be extended once by at most 30 days. */
    public static final int PETITION_MAX_EXTENSION_DAYS = 30;
    /** Review / re-review: request within 30 days; opinion due within 30 days. */
    public static final int PETITION_REVIEW_REQUEST_DAYS = 30;

    public static final int PETITION_REVIEW_OPINION_DAYS = 30;

    private final WorkingDayCalendar calendar;

    public Deadlines(WorkingDayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    // ---- the primitives ------------------------------------------------------------------------

    /**
     * {@code start} is day zero; the result is the day on which the count of working days after
     * {@code start} reaches {@code n}. {@code n == 0} returns {@code start}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        requireNonNegative(n);
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** {@code start + n} calendar days ({@code n >= 0}). */
    public LocalDate addCalendarDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        requireNonNegative(n);
        return start.plusDays(n);
    }

    /**
     * Working days after {@code from} up to and including {@code toInclusive}; 0 if
     * {@code toInclusive} is not after {@code from}. Inverse of {@link #addWorkingDays}: for any
     * n &gt; 0, {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate toInclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "toInclusive");
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** {@code date} if it is a working day, otherwise the next working day. */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate d = date;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The first year from {@code from}'s to {@code to}'s that the calendar counts provisionally, or 0 when every year
     * of the span is loaded.
     */
    public int firstProvisionalYear(LocalDate from, LocalDate to) {
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (calendar.isProvisional(y)) return y;
        }
        return 0;
    }

    /** The end of {@code term}, provisional when the count passes through a year not loaded. */
    public Due due(Term term) {
        LocalDate date = term.unit() == TimeLimit.Unit.WORKING
                ? addWorkingDays(term.from(), term.days())
                : addCalendarDays(term.from(), term.days());
        return new Due(date, firstProvisionalYear(term.from(), date));
    }

    /** A running working-day clock with {@code limit} working days from {@code receivedOn}. */
    public WorkingDayClock startClock(LocalDate receivedOn, int limit) {
        return WorkingDayClock.start(this, receivedOn, limit);
    }

    // ---- open government information (政府信息公开条例) -----------------------------------------

    /** Art. 33: reply due 20 working days after receipt (before any pause or extension). */
    public LocalDate ogiReplyDue(LocalDate receivedOn) {
        return addWorkingDays(receivedOn, OGI_REPLY_WORKING_DAYS);
    }

    /** Art. 30: correction notice (补正告知) due 7 working days after receipt. */
    public LocalDate ogiCorrectionNoticeDue(LocalDate receivedOn) {
        return addWorkingDays(receivedOn, OGI_CORRECTION_NOTICE_WORKING_DAYS);
    }

    /** Art. 32: a third party's answer is due 15 working days after it received the consultation. */
    public LocalDate ogiThirdPartyAnswerDue(LocalDate consultationReceivedOn) {
        return addWorkingDays(consultationReceivedOn, OGI_THIRD_PARTY_WORKING_DAYS);
    }

    /** The pausable reply clock for a request received on {@code receivedOn} (20 working days). */
    public WorkingDayClock ogiReplyClock(LocalDate receivedOn) {
        return startClock(receivedOn, OGI_REPLY_WORKING_DAYS);
    }

    // ---- petitions (信访工作条例), calendar days unless stated ------------------------------------

    /** Forward or assign within 15 days of registering the petition. */
    public LocalDate petitionForwardDue(LocalDate registeredOn) {
        return addCalendarDays(registeredOn, PETITION_FORWARD_DAYS);
    }

    /** The receiving body tells the petitioner within 15 days that it was received and how it will be handled. */
    public LocalDate petitionAcknowledgementDue(LocalDate receivedOn) {
        return addCalendarDays(receivedOn, PETITION_ACKNOWLEDGE_DAYS);
    }

    /** A body that is not responsible objects within 5 <em>working</em> days. */
    public LocalDate petitionObjectionDue(LocalDate receivedOn) {
        return addWorkingDays(receivedOn, PETITION_OBJECTION_WORKING_DAYS);
    }

    /** Handling finished within 60 days of acceptance. */
    public LocalDate petitionHandlingDue(LocalDate acceptedOn) {
        return addCalendarDays(acceptedOn, PETITION_HANDLING_DAYS);
    }

    /**
     * The handling due date after the one extension of {@code extraDays} (1..30) calendar days. "Once"
     * is enforced by the workflow.
     */
    public LocalDate petitionExtendedHandlingDue(LocalDate handlingDue, int extraDays) {
        if (extraDays < 1 || extraDays > PETITION_MAX_EXTENSION_DAYS) {
            throw new IllegalArgumentException(
                    "extension must be 1.." + PETITION_MAX_EXTENSION_DAYS + " days: " + extraDays);
        }
        return addCalendarDays(handlingDue, extraDays);
    }

    /** Last day to ask for a review (复查): 30 days after the written reply was received. */
    public LocalDate petitionReviewRequestDeadline(LocalDate replyReceivedOn) {
        return addCalendarDays(replyReceivedOn, PETITION_REVIEW_REQUEST_DAYS);
    }

    /** The review opinion is due 30 days after the review request was received. */
    public LocalDate petitionReviewOpinionDue(LocalDate reviewRequestReceivedOn) {
        return addCalendarDays(reviewRequestReceivedOn, PETITION_REVIEW_OPINION_DAYS);
    }

    /** Last day to ask for a re-review (复核): 30 days after the review opinion was received. */
    public LocalDate petitionReReviewRequestDeadline(LocalDate reviewOpinionReceivedOn) {
        return addCalendarDays(reviewOpinionReceivedOn, PETITION_REVIEW_REQUEST_DAYS);
    }

    /** The re-review opinion is due 30 days after the re-review request was received. */
    public LocalDate petitionReReviewOpinionDue(LocalDate reReviewRequestReceivedOn) {
        return addCalendarDays(reReviewRequestReceivedOn, PETITION_REVIEW_OPINION_DAYS);
    }

    // ---- dispute mediation (人民调解工作若干规定 Art. 33) -------------------------------------------

    /** A dispute is generally resolved within one month of acceptance (same day-of-month, clamped). */
    public LocalDate mediationTargetDate(LocalDate acceptedOn) {
        Objects.requireNonNull(acceptedOn, "acceptedOn");
        return acceptedOn.plusMonths(1);
    }

    private static void requireNonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Deadlines other && calendar.equals(other.calendar);
    }

    @Override
    public int hashCode() {
        return calendar.hashCode();
    }

    @Override
    public String toString() {
        return "Deadlines[" + calendar + "]";
    }
}

package cn.banshi.cases;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Term;
import cn.banshi.calendar.WorkingDayClock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Information requests: the form's non-personal choices ({@code applicantKind}, {@code form}, {@code delivery}), the
 * reply clock (null until it first changes: a fresh 20-working-day clock from receipt), the correction, the third
 * party's answer due date, the one extension, the reply text and the withdrawal's reason. {@code corrected} and
 * {@code extended} are null where the item has no such attribute ({@code extended} is stored false after a
 * correction).
 */
public record InfoRequestDetails(
        String applicantKind,
        String form,
        String delivery,
        StoredClock clock,
        LocalDate correctBy,
        LocalDate correctionRequestedOn,
        Boolean corrected,
        Boolean extended,
        String extensionReason,
        LocalDate thirdPartyDue,
        String reply,
        String withdrawReason,
        Supervision supervision)
        implements CaseDetails {
    public static final InfoRequestDetails EMPTY = of(null, null, null);

    /** A new request's details. */
    public static InfoRequestDetails of(String applicantKind, String form, String delivery) {
        return new InfoRequestDetails(
                applicantKind, form, delivery, null, null, null, null, null, null, null, null, null, Supervision.NONE);
    }

    public boolean isExtended() {
        return Boolean.TRUE.equals(extended);
    }

    public boolean isCorrected() {
        return Boolean.TRUE.equals(corrected);
    }

    /** The stored clock, or a fresh reply clock from {@code receivedOn} when none was stored yet. */
    public WorkingDayClock clock(Deadlines deadlines, LocalDate receivedOn) {
        return clock == null ? deadlines.ogiReplyClock(receivedOn) : clock.toClock(deadlines);
    }

    public InfoRequestDetails withClock(WorkingDayClock next) {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                StoredClock.of(next),
                correctBy,
                correctionRequestedOn,
                corrected,
                extended,
                extensionReason,
                thirdPartyDue,
                reply,
                withdrawReason,
                supervision);
    }

    public InfoRequestDetails correctionRequested(LocalDate by, LocalDate on) {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                clock,
                by,
                on,
                corrected,
                extended,
                extensionReason,
                thirdPartyDue,
                reply,
                withdrawReason,
                supervision);
    }

    /** Corrected: the clock restarts, and with it the right to one extension. */
    public InfoRequestDetails correctionReceived() {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                clock,
                correctBy,
                correctionRequestedOn,
                true,
                false,
                extensionReason,
                thirdPartyDue,
                reply,
                withdrawReason,
                supervision);
    }

    public InfoRequestDetails withThirdPartyDue(LocalDate next) {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                clock,
                correctBy,
                correctionRequestedOn,
                corrected,
                extended,
                extensionReason,
                next,
                reply,
                withdrawReason,
                supervision);
    }

    public InfoRequestDetails extendedFor(String reason) {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                clock,
                correctBy,
                correctionRequestedOn,
                corrected,
                true,
                reason,
                thirdPartyDue,
                reply,
                withdrawReason,
                supervision);
    }

    public InfoRequestDetails withReply(String next) {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                clock,
                correctBy,
                correctionRequestedOn,
                corrected,
                extended,
                extensionReason,
                thirdPartyDue,
                next,
                withdrawReason,
                supervision);
    }

    public InfoRequestDetails withWithdrawReason(String next) {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                clock,
                correctBy,
                correctionRequestedOn,
                corrected,
                extended,
                extensionReason,
                thirdPartyDue,
                reply,
                next,
                supervision);
    }

    /** Information requests count on their clock, never on a term. */
    @Override
    public Optional<Term> storedTerm() {
        return Optional.empty();
    }

    @Override
    public CaseDetails withTerm(Term next) {
        throw new UnsupportedOperationException("information requests count on their working-day clock");
    }

    @Override
    public InfoRequestDetails withSupervision(Supervision next) {
        return new InfoRequestDetails(
                applicantKind,
                form,
                delivery,
                clock,
                correctBy,
                correctionRequestedOn,
                corrected,
                extended,
                extensionReason,
                thirdPartyDue,
                reply,
                withdrawReason,
                next);
    }
}

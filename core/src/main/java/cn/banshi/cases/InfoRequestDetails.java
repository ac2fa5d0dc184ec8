package cn.banshi.cases;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Term;
import cn.banshi.calendar.WorkingDayClock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

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
        return change(d -> d.clock = StoredClock.of(next));
    }

    public InfoRequestDetails correctionRequested(LocalDate by, LocalDate on) {
        return change(d -> {
            d.correctBy = by;
            d.correctionRequestedOn = on;
        });
    }

    /** Corrected: the clock restarts, and with it the right to one extension. */
    public InfoRequestDetails correctionReceived() {
        return change(d -> {
            d.corrected = true;
            d.extended = false;
        });
    }

    public InfoRequestDetails withThirdPartyDue(LocalDate next) {
        return change(d -> d.thirdPartyDue = next);
    }

    public InfoRequestDetails extendedFor(String reason) {
        return change(d -> {
            d.extended = true;
            d.extensionReason = reason;
        });
    }

    public InfoRequestDetails withReply(String next) {
        return change(d -> d.reply = next);
    }

    public InfoRequestDetails withWithdrawReason(String next) {
        return change(d -> d.withdrawReason = next);
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
        return change(d -> d.supervision = next);
    }

    private InfoRequestDetails change(Consumer<Draft> edit) {
        Draft d = new Draft(this);
        edit.accept(d);
        return d.build();
    }

    /** A copy to change: each step sets what it changes, and the next record is built once. */
    private static final class Draft {
        String applicantKind;
        String form;
        String delivery;
        StoredClock clock;
        LocalDate correctBy;
        LocalDate correctionRequestedOn;
        Boolean corrected;
        Boolean extended;
        String extensionReason;
        LocalDate thirdPartyDue;
        String reply;
        String withdrawReason;
        Supervision supervision;

        Draft(InfoRequestDetails r) {
            applicantKind = r.applicantKind;
            form = r.form;
            delivery = r.delivery;
            clock = r.clock;
            correctBy = r.correctBy;
            correctionRequestedOn = r.correctionRequestedOn;
            corrected = r.corrected;
            extended = r.extended;
            extensionReason = r.extensionReason;
            thirdPartyDue = r.thirdPartyDue;
            reply = r.reply;
            withdrawReason = r.withdrawReason;
            supervision = r.supervision;
        }

        InfoRequestDetails build() {
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
                    supervision);
        }
    }
}

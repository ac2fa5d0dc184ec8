package cn.banshi.workflow;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Due;
import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a case's due date comes from: at intake, the category's time limit counted from the day of receipt (an
 * information request's 20-working-day clock); later, the term or clock its last dated step stored. Recomputing a due
 * date (a year's notice loaded) counts that stored basis again.
 */
public final class CaseDeadlines {
    private CaseDeadlines() {}

    /** A new case's first due date and its details with the date's basis. */
    public record Start(Due due, CaseDetails details) {}

    /**
     * The first due date of a new case received on {@code receivedOn}, its basis added to {@code details}
     * (information requests keep no basis until their clock first changes: a fresh clock from the day of receipt).
     */
    public static Start atIntake(
            CaseType type, String category, LocalDate receivedOn, Catalog catalog, Deadlines d, CaseDetails details) {
        if (type == CaseType.INFO_REQUEST)
            return new Start(d.ogiReplyClock(receivedOn).due().orElseThrow(), details);
        Term term = Term.of(receivedOn, catalog.limitFor(category, type).orElseThrow());
        return new Start(d.due(term), details.withTerm(term));
    }

    /**
     * The due date the case's stored basis gives under {@code d}; empty while the clock is stopped (awaiting
     * correction, consulting a third party) or when the basis is unknown (a case stored by an earlier version after
     * a dated step: its date was counted under a loaded year and stays as it is).
     */
    static Optional<Due> current(CaseRecord c, Catalog catalog, Deadlines d) {
        if (c.type() == CaseType.INFO_REQUEST) {
            if (c.status() == CaseStatus.AWAITING_CORRECTION) return Optional.empty();
            return c.details(InfoRequestDetails.class).clock(d, c.receivedOn()).due();
        }
        Optional<Term> stored = c.details().storedTerm();
        if (stored.isPresent()) return Optional.of(d.due(stored.get()));
        boolean intakeTermInForce =
                (c.type() != CaseType.PETITION && c.type() != CaseType.DISPUTE) || c.status() == CaseStatus.SUBMITTED;
        if (!intakeTermInForce) return Optional.empty();
        return catalog.limitFor(c.category(), c.type()).map(limit -> d.due(Term.of(c.receivedOn(), limit)));
    }
}

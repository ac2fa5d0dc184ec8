package cn.banshi.workflow;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Due;
import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a case's due date comes from: at intake, the category's time limit counted from the day of receipt (an
 * information request's 20-working-day clock); later, the term or clock its last dated step stored. Recomputing a due
 * date (a year's notice loaded) counts that stored basis again.
 */
public final class CaseDeadlines {
    private CaseDeadlines() {}

    /**
     * The first due date of a new case received on {@code receivedOn}; its basis is written into {@code details}
     * (information requests keep no basis until their clock first changes: a fresh clock from the day of receipt).
     */
    public static Due atIntake(CaseType type, String category, LocalDate receivedOn, Catalog catalog, Deadlines d,
            ObjectNode details) {
        if (type == CaseType.INFO_REQUEST) return d.ogiReplyClock(receivedOn).due().orElseThrow();
        Term term = Term.of(receivedOn, catalog.limitFor(category, type).orElseThrow());
        StoredDeadlines.put(details, term);
        return d.due(term);
    }

    /**
     * The due date the case's stored basis gives under {@code d}; empty while the clock is stopped (awaiting
     * correction, consulting a third party) or when the basis is unknown (a case stored by an earlier version after
     * a dated step: its date was counted under a loaded year and stays as it is).
     */
    static Optional<Due> current(CaseRecord c, Catalog catalog, Deadlines d) {
        if (c.type() == CaseType.INFO_REQUEST) {
            if (c.status().equals("awaiting-correction")) return Optional.empty();
            return StoredDeadlines.clock(c.details(), d, c.receivedOn()).due();
        }
        Optional<Term> stored = StoredDeadlines.term(c.details());
        if (stored.isPresent()) return Optional.of(d.due(stored.get()));
        boolean intakeTermInForce = (c.type() != CaseType.PETITION && c.type() != CaseType.DISPUTE)
                || c.status().equals("submitted");
        if (!intakeTermInForce) return Optional.empty();
        return catalog.limitFor(c.category(), c.type()).map(limit -> d.due(Term.of(c.receivedOn(), limit)));
    }
}

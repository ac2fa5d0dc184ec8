package cn.banshi.workflow;

import cn.banshi.calendar.Due;
import cn.banshi.calendar.Term;
import cn.banshi.calendar.WorkingDayClock;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.CaseLinks;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.cases.Rating;
import cn.banshi.cases.Resolution;
import cn.banshi.cases.Supervision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The changes one action makes to a case; {@link #build()} gives the next version with one history entry more. */
public final class CaseEdit {
    private final CaseRecord before;
    private final ActionContext context;
    private CaseStatus status;
    private String village;
    private LocalDate dueDate;
    private int dueProvisionalYear;
    private CaseDetails details;
    private Resolution resolution;
    private Rating rating;
    private CaseLinks links;
    private String publicNote;
    private String note;

    CaseEdit(CaseRecord before, ActionContext context) {
        this.before = before;
        this.context = context;
        this.status = before.status();
        this.village = before.village();
        this.dueDate = before.dueDate();
        this.dueProvisionalYear = before.dueProvisionalYear();
        this.details = before.details();
        this.resolution = before.resolution();
        this.rating = before.rating();
        this.links = before.links();
    }

    /** The case's links to other cases (merged duplicates, an earlier case). */
    public CaseEdit links(CaseLinks next) {
        this.links = next;
        return this;
    }

    /** The case is open again: no resolution (an unmerge). */
    CaseEdit reopen() {
        this.resolution = null;
        return this;
    }

    public CaseEdit status(CaseStatus next) {
        this.status = next;
        return this;
    }

    public CaseEdit village(String next) {
        this.village = next;
        return this;
    }

    /** The due date becomes the end of {@code term}, which is kept with the case (its basis for recomputing). */
    public CaseEdit due(Term term) {
        details = details.withTerm(term);
        return due(context.deadlines().due(term));
    }

    /** The clock is kept with the case; the due date is its due date, none while it is paused. */
    public CaseEdit due(WorkingDayClock clock) {
        details = ((InfoRequestDetails) details).withClock(clock);
        Optional<Due> due = clock.due();
        return due.isPresent() ? due(due.get()) : noDueDate();
    }

    /** No due date while the statutory clock is stopped (awaiting the applicant's correction). */
    public CaseEdit noDueDate() {
        this.dueDate = null;
        this.dueProvisionalYear = 0;
        return this;
    }

    CaseEdit due(Due due) {
        this.dueDate = due.date();
        this.dueProvisionalYear = due.provisionalYear();
        supervision(details.supervision().withoutPending());
        return this;
    }

    public CaseEdit publicNote(String text) {
        this.publicNote = text;
        return this;
    }

    public CaseEdit note(String text) {
        this.note = text;
        return this;
    }

    public CaseEdit rating(Rating next) {
        this.rating = next;
        return this;
    }

    public CaseDetails details() {
        return details;
    }

    /** Changes the details of the case's family {@code family}. */
    public <T extends CaseDetails> CaseEdit details(Class<T> family, UnaryOperator<T> change) {
        this.details = change.apply(family.cast(details));
        return this;
    }

    /** Changes the supervision marks (overdue, pending due date). */
    public CaseEdit supervision(Supervision next) {
        this.details = details.withSupervision(next);
        return this;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public int dueProvisionalYear() {
        return dueProvisionalYear;
    }

    /** Marks the case finished on {@code on}; on time when {@code on} is not after the due date in force. */
    public CaseEdit finish(LocalDate on, String outcome) {
        boolean onTime = dueDate == null || !on.isAfter(dueDate);
        this.resolution = new Resolution(context.now(), on, onTime, outcome, null);
        return this;
    }

    public CaseEdit agreementFulfilled(boolean fulfilled) {
        Resolution r = resolution;
        this.resolution = new Resolution(r.at(), r.on(), r.onTime(), r.outcome(), fulfilled);
        return this;
    }

    CaseRecord build(CaseAction action) {
        List<HistoryEntry> history = new ArrayList<>(before.history());
        history.add(new HistoryEntry(
                history.size() + 1,
                context.now(),
                context.actor(),
                action,
                before.status(),
                status,
                publicNote,
                note,
                context.effectiveOn()));
        return before.toBuilder()
                .village(village)
                .status(status)
                .version(before.version() + 1)
                .dueDate(dueDate)
                .dueProvisionalYear(dueProvisionalYear)
                .details(details)
                .history(history)
                .resolution(resolution)
                .rating(rating)
                .links(links)
                .build();
    }

    public Instant now() {
        return context.now();
    }
}

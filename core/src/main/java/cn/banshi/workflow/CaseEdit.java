package cn.banshi.workflow;

import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.Rating;
import cn.banshi.cases.Resolution;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The changes one action makes to a case; {@link #build()} gives the next version with one history entry more. */
public final class CaseEdit {
    private final CaseRecord before;
    private final ActionContext context;
    private String status;
    private String village;
    private LocalDate dueDate;
    private final ObjectNode details;
    private Resolution resolution;
    private Rating rating;
    private String publicNote;
    private String note;

    CaseEdit(CaseRecord before, ActionContext context) {
        this.before = before;
        this.context = context;
        this.status = before.status();
        this.village = before.village();
        this.dueDate = before.dueDate();
        this.details = before.details().deepCopy();
        this.resolution = before.resolution();
        this.rating = before.rating();
    }

    public CaseEdit status(String next) { this.status = next; return this; }
    public CaseEdit village(String next) { this.village = next; return this; }
    public CaseEdit dueDate(LocalDate next) { this.dueDate = next; return this; }
    public CaseEdit publicNote(String text) { this.publicNote = text; return this; }
    public CaseEdit note(String text) { this.note = text; return this; }
    public CaseEdit rating(Rating next) { this.rating = next; return this; }
    public ObjectNode details() { return details; }
    public LocalDate dueDate() { return dueDate; }

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

    CaseRecord build(String action) {
        List<HistoryEntry> history = new ArrayList<>(before.history());
        history.add(new HistoryEntry(history.size() + 1, context.now(), context.actor(), action, before.status(), status,
                publicNote, note));
        return new CaseRecord(before.trackingNo(), before.town(), before.type(), before.category(), village,
                before.title(), before.description(), before.channel(), status, before.version() + 1,
                before.receivedAt(), before.receivedOn(), dueDate, before.personal(), details, before.accessHash(),
                history, resolution, rating);
    }

    public Instant now() { return context.now(); }
}

package cn.banshi.workflow;

import cn.banshi.calendar.Due;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.Rating;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Entry point: which actions a case allows, and applying one (with the case's workflow). */
public final class Workflows {
    private static final Workflow HOTLINE = new HotlineWorkflow();
    private static final Workflow DISPUTE = new DisputeWorkflow();
    private static final Workflow PETITION = new PetitionWorkflow();
    private static final Workflow INFO_REQUEST = new InfoRequestWorkflow();

    /** The actor of the system's own entries (the sweep's marks, recomputed deadlines). */
    public static final String SYSTEM = "system";

    private Workflows() {}

    static Workflow of(CaseType type) {
        return switch (type) {
            case DISPUTE -> DISPUTE;
            case PETITION -> PETITION;
            case INFO_REQUEST -> INFO_REQUEST;
            default -> HOTLINE;
        };
    }

    public static List<CaseAction> allowedActions(CaseRecord c, ActionContext context) {
        return of(c.type()).allowedActions(c, context);
    }

    /**
     * The next version of the case after {@code action}. The request's {@code action} and
     * {@code expectedVersion} fields are the caller's; every other field of {@code fields} belongs to the action.
     */
    public static CaseRecord apply(CaseRecord c, String action, Fields fields, ActionContext context) {
        Workflow workflow = of(c.type());
        Optional<CaseAction> known = CaseAction.find(action);
        LocalDate effectiveOn = Actions.effectiveOn(fields, c, workflow.datedActions(), known, context);
        ActionContext effective = effectiveOn == null ? context : context.effectiveOn(effectiveOn);
        List<CaseAction> allowed = allowedActions(c, effective);
        if (known.isEmpty() || !allowed.contains(known.get())) throw actionNotAllowed(action, allowed);
        CaseEdit edit = new CaseEdit(c, effective);
        workflow.apply(c, known.get(), fields, edit, effective);
        return edit.build(known.get());
    }

    /** Whether an action may carry {@code effectiveOn} (it starts or stops a statutory clock). */
    public static boolean isDated(CaseType type, CaseAction action) {
        return of(type).datedActions().contains(action);
    }

    /** The citizen's rating, once, after the case was finished (not for rejected or withdrawn cases). */
    public static CaseRecord rate(CaseRecord c, Rating rating) {
        if (!canBeRated(c)) {
            throw Errors.ratingNotAllowed(c.rating() != null);
        }
        CaseEdit edit = new CaseEdit(c, new ActionContext("citizen", rating.at(), null, null));
        edit.rating(rating).publicNote("您的评价：" + rating.score() + " 分");
        return edit.build(CaseAction.RATE);
    }

    public static boolean canBeRated(CaseRecord c) {
        return c.rating() == null
                && c.resolution() != null
                && !c.resolution().outcome().equals("rejected")
                && c.status() != CaseStatus.WITHDRAWN
                && c.status() != CaseStatus.MERGED;
    }

    /** The overdue sweep's mark: an internal history entry, the status unchanged. */
    public static CaseRecord markOverdue(CaseRecord c, Instant now) {
        CaseEdit edit = new CaseEdit(c, new ActionContext(SYSTEM, now, null, null));
        edit.supervision(c.details().supervision().withOverdueSince(c.dueDate().plusDays(1)));
        edit.note("已超过办理期限（" + c.dueDate() + "），已提醒督办");
        return edit.build(CaseAction.MARK_OVERDUE);
    }

    /**
     * The case with its due date counted again from its stored basis under {@code context}'s calendar (a year's notice
     * was loaded, or an earlier version stored it without a due date); empty when nothing changes. The citizen's
     * timeline says what changed; an overdue mark is cleared when the date moves (the next sweep marks it again if the
     * new date has passed too).
     *
     * @param noticeYear the year whose notice was loaded, or 0 when a missing due date is filled in
     */
    public static Optional<CaseRecord> recomputeDue(CaseRecord c, ActionContext context, int noticeYear) {
        if (!c.status().isOpen()) return Optional.empty();
        Optional<Due> next = CaseDeadlines.current(c, context.catalog(), context.deadlines());
        if (next.isEmpty()) return Optional.empty();
        Due due = next.get();
        if (due.date().equals(c.dueDate()) && due.provisionalYear() == c.dueProvisionalYear()) return Optional.empty();
        CaseEdit edit = new CaseEdit(c, context);
        edit.due(due);
        // a moved date is looked at afresh by the next sweep (its alert is withdrawn)
        if (!due.date().equals(c.dueDate()))
            edit.supervision(edit.details().supervision().withOverdueSince(null));
        String basis = noticeYear == 0 ? "" : "依国务院" + noticeYear + "年节假日安排，";
        String change = c.dueDate() == null
                ? "办理期限确定为 " + due.date()
                : due.date().equals(c.dueDate())
                        ? "办理期限 " + due.date() + " 不变"
                        : "办理期限由 " + c.dueDate() + " 调整为 " + due.date();
        edit.publicNote(basis + change + Due.remarkZh(due.provisionalYear()));
        return Optional.of(edit.build(CaseAction.RECOMPUTE_DUE));
    }

    public static ApiException actionNotAllowed(String action, List<CaseAction> allowed) {
        return Errors.actionNotAllowed(
                action, allowed.stream().map(CaseAction::code).toList());
    }
}

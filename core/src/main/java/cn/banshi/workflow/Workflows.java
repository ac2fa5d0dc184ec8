package cn.banshi.workflow;

import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Entry point: which actions a case allows, and applying one (with the case's workflow). */
public final class Workflows {
    private static final Workflow HOTLINE = new HotlineWorkflow();
    private static final Workflow DISPUTE = new DisputeWorkflow();
    private static final Workflow PETITION = new PetitionWorkflow();
    private static final Workflow INFO_REQUEST = new InfoRequestWorkflow();

    private Workflows() {}

    static Workflow of(CaseType type) {
        return switch (type) {
            case DISPUTE -> DISPUTE;
            case PETITION -> PETITION;
            case INFO_REQUEST -> INFO_REQUEST;
            default -> HOTLINE;
        };
    }

    public static List<String> allowedActions(CaseRecord c, ActionContext context) {
        return of(c.type()).allowedActions(c, context);
    }

    /**
     * The next version of the case after {@code action}. The body's {@code action} and
     * {@code expectedVersion} fields are the caller's; everything else belongs to the action.
     */
    public static CaseRecord apply(CaseRecord c, String action, JsonNode body, ActionContext context) {
        List<String> allowed = allowedActions(c, context);
        if (!allowed.contains(action)) throw actionNotAllowed(action, allowed);
        CaseEdit edit = new CaseEdit(c, context);
        of(c.type()).apply(c, action, Fields.root(body), edit, context);
        return edit.build(action);
    }

    /** The citizen's rating, once, after the case was finished (not for rejected or withdrawn cases). */
    public static CaseRecord rate(CaseRecord c, cn.banshi.cases.Rating rating) {
        if (!canBeRated(c)) {
            throw Errors.ratingNotAllowed(c.rating() != null);
        }
        CaseEdit edit = new CaseEdit(c, new ActionContext("citizen", rating.at(), null, null));
        edit.rating(rating).publicNote("您的评价：" + rating.score() + " 分");
        return edit.build("rate");
    }

    public static boolean canBeRated(CaseRecord c) {
        return c.rating() == null && c.resolution() != null
                && !c.resolution().outcome().equals("rejected") && !c.status().equals("withdrawn");
    }

    /** The overdue sweep's mark: an internal history entry, the status unchanged. */
    public static CaseRecord markOverdue(CaseRecord c, java.time.Instant now, java.time.LocalDate today) {
        CaseEdit edit = new CaseEdit(c, new ActionContext("system", now, null, null));
        edit.details().put("overdueSince", c.dueDate().plusDays(1).toString());
        edit.note("已超过办理期限（" + c.dueDate() + "），已提醒督办");
        return edit.build("mark-overdue");
    }

    public static ApiException actionNotAllowed(String action, List<String> allowed) {
        return Errors.actionNotAllowed(action, allowed);
    }
}

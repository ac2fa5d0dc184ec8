package cn.banshi.workflow;

import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.ApiException;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
            throw new ApiException(422, "RATING_NOT_ALLOWED", c.rating() != null ? "您已评价过该事项" : "事项办结后才能评价",
                    c.rating() != null ? "This case has already been rated" : "A case can be rated once it is resolved", "score");
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
        return new ActionNotAllowed(action, allowed);
    }

    /** 422 with the actions the current state does allow. */
    public static final class ActionNotAllowed extends ApiException {
        private final List<String> allowed;

        ActionNotAllowed(String action, List<String> allowed) {
            super(422, "ACTION_NOT_ALLOWED", "当前状态下不能执行该操作，可执行：" + (allowed.isEmpty() ? "无" : String.join("、", allowed)),
                    "Action '" + action + "' is not allowed in the current state; allowed: " + allowed, "action");
            this.allowed = List.copyOf(allowed);
        }

        public List<String> allowed() {
            return allowed;
        }

        @Override
        public void describe(com.fasterxml.jackson.databind.node.ObjectNode error) {
            ArrayNode array = error.putArray("allowedActions");
            allowed.forEach(array::add);
        }
    }
}

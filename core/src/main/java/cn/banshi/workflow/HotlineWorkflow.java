package cn.banshi.workflow;

import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.cases.CaseRecord;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.util.List;
import java.util.Set;

/**
 * Complaints, help, enquiries and suggestions: the 12345 closed loop (受理 → 派单 → 办理 → 答复 → 办结 → 回访).
 * The due date is the category's limit from receipt, set at intake.
 */
final class HotlineWorkflow implements Workflow {
    private static final Set<String> DATED = Set.of("reject", "resolve");

    @Override
    public Set<String> datedActions() {
        return DATED;
    }

    @Override
    public List<String> allowedActions(CaseRecord c, ActionContext context) {
        return switch (c.status()) {
            case "submitted" -> List.of("accept", "reject");
            case "accepted" -> List.of("assign", "reply");
            case "assigned" -> List.of("reply", "assign");
            case "replied" -> List.of("resolve");
            case "resolved" -> List.of("close");
            default -> List.of();
        };
    }

    @Override
    public void apply(CaseRecord c, String action, Fields f, CaseEdit edit, ActionContext context) {
        switch (action) {
            case "accept" -> {
                only(f);
                edit.status("accepted").publicNote("已受理，正在安排办理");
            }
            case "reject" -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                edit.status("rejected").publicNote("不予受理：" + reason).finish(context.on(), "rejected");
            }
            case "assign" -> assign(f, edit, context);
            case "reply" -> {
                only(f, "reply");
                String reply = f.requiredText("reply", 2, 2000);
                edit.status("replied").publicNote("答复：" + reply);
            }
            case "resolve" -> {
                only(f);
                edit.status("resolved").publicNote("已办结").finish(context.on(), "resolved");
            }
            case "close" -> {
                only(f, "followUp");
                f.optionalString("followUp", 2, 500).ifPresent(text -> edit.details().put("followUp", text));
                edit.status("closed").publicNote("已回访，办结归档");
            }
            default -> throw new IllegalStateException(action);
        }
        note(f, edit);
    }

    /** Dispatch to a village (its staff then see the case) or to a named department. */
    static void assign(Fields f, CaseEdit edit, ActionContext context) {
        only(f, "village", "department");
        var village = f.optionalString("village", 1, 64);
        var department = f.optionalString("department", 2, 50);
        if (village.isPresent() == department.isPresent()) {
            throw Errors.invalidValue(f.path("village"), "village 或 department 二选一 / exactly one of village, department");
        }
        if (village.isPresent()) {
            if (context.catalog().village(village.get()).isEmpty()) throw Errors.unknownVillage(f.path("village"));
            edit.village(village.get());
            edit.details().put("assignedTo", "village:" + village.get());
            edit.publicNote("已派单至" + context.catalog().village(village.get()).get().name() + "办理");
        } else {
            edit.details().put("assignedTo", "department:" + department.get());
            edit.publicNote("已派单至" + department.get() + "办理");
        }
        edit.status("assigned");
    }
}

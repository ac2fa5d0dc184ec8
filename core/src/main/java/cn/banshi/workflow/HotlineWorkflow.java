package cn.banshi.workflow;

import static cn.banshi.cases.CaseAction.ACCEPT;
import static cn.banshi.cases.CaseAction.ASSIGN;
import static cn.banshi.cases.CaseAction.CLOSE;
import static cn.banshi.cases.CaseAction.REJECT;
import static cn.banshi.cases.CaseAction.REPLY;
import static cn.banshi.cases.CaseAction.RESOLVE;
import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.HotlineDetails;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.util.List;
import java.util.Set;

/**
 * Complaints, help, enquiries and suggestions: the 12345 closed loop (受理 → 派单 → 办理 → 答复 → 办结 → 回访).
 * The due date is the category's limit from receipt, set at intake.
 */
final class HotlineWorkflow implements Workflow {
    private static final Set<CaseAction> DATED = Set.of(REJECT, RESOLVE);

    @Override
    public Set<CaseAction> datedActions() {
        return DATED;
    }

    @Override
    public List<CaseAction> allowedActions(CaseRecord c, ActionContext context) {
        return switch (c.status()) {
            case SUBMITTED -> List.of(ACCEPT, REJECT);
            case ACCEPTED -> List.of(ASSIGN, REPLY);
            case ASSIGNED -> List.of(REPLY, ASSIGN);
            case REPLIED -> List.of(RESOLVE);
            case RESOLVED -> List.of(CLOSE);
            default -> List.of();
        };
    }

    @Override
    public void apply(CaseRecord c, CaseAction action, Fields f, CaseEdit edit, ActionContext context) {
        switch (action) {
            case ACCEPT -> {
                only(f);
                edit.status(CaseStatus.ACCEPTED).publicNote("已受理，正在安排办理");
            }
            case REJECT -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                edit.status(CaseStatus.REJECTED).publicNote("不予受理：" + reason).finish(context.on(), "rejected");
            }
            case ASSIGN -> assign(f, edit, context);
            case REPLY -> {
                only(f, "reply");
                String reply = f.requiredText("reply", 2, 2000);
                edit.status(CaseStatus.REPLIED).publicNote("答复：" + reply);
            }
            case RESOLVE -> {
                only(f);
                edit.status(CaseStatus.RESOLVED).publicNote("已办结").finish(context.on(), "resolved");
            }
            case CLOSE -> {
                only(f, "followUp");
                f.optionalString("followUp", 2, 500)
                        .ifPresent(text -> edit.details(HotlineDetails.class, d -> d.withFollowUp(text)));
                edit.status(CaseStatus.CLOSED).publicNote("已回访，办结归档");
            }
            default -> throw new IllegalStateException(action.code());
        }
        note(f, edit);
    }

    /** Dispatch to a village (its staff then see the case) or to a named department. */
    static void assign(Fields f, CaseEdit edit, ActionContext context) {
        only(f, "village", "department");
        var village = f.optionalString("village", 1, 64);
        var department = f.optionalString("department", 2, 50);
        if (village.isPresent() == department.isPresent()) {
            throw Errors.invalidValue(
                    f.path("village"), "village 或 department 二选一 / exactly one of village, department");
        }
        if (village.isPresent()) {
            if (context.catalog().village(village.get()).isEmpty()) throw Errors.unknownVillage(f.path("village"));
            edit.village(village.get());
            edit.details(HotlineDetails.class, d -> d.withAssignedTo(HotlineDetails.toVillage(village.get())));
            edit.publicNote(
                    "已派单至" + context.catalog().village(village.get()).get().name() + "办理");
        } else {
            edit.details(HotlineDetails.class, d -> d.withAssignedTo(HotlineDetails.toDepartment(department.get())));
            edit.publicNote("已派单至" + department.get() + "办理");
        }
        edit.status(CaseStatus.ASSIGNED);
    }
}

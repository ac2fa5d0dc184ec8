package cn.banshi.workflow;

import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.calendar.Deadlines;
import cn.banshi.cases.CaseRecord;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Petitions (信访工作条例 2022, calendar days): register, forward or assign within 15 days; the handling body
 * tells the petitioner within 15 days; finish within 60 days of acceptance, one extension of at most 30 days;
 * review (复查) and re-review (复核), each asked within 30 days of the reply and answered within 30.
 */
final class PetitionWorkflow implements Workflow {

    @Override
    public List<String> allowedActions(CaseRecord c, ActionContext context) {
        return switch (c.status()) {
            case "submitted" -> List.of("register", "reject");
            case "registered" -> List.of("forward");
            case "forwarded" -> List.of("acknowledge");
            case "in-progress" -> c.details().path("extended").asBoolean(false) ? List.of("reply") : List.of("reply", "extend");
            case "under-review" -> List.of("review-reply");
            case "resolved" -> {
                List<String> actions = new ArrayList<>();
                int reviews = c.details().path("reviews").asInt(0);
                LocalDate lastReply = LocalDate.parse(c.details().path("lastRepliedOn").asText(context.today().toString()));
                if (reviews < 2 && !context.today().isAfter(context.deadlines().petitionReviewRequestDeadline(lastReply))) {
                    actions.add("request-review");
                }
                yield actions;
            }
            default -> List.of();
        };
    }

    @Override
    public void apply(CaseRecord c, String action, Fields f, CaseEdit edit, ActionContext context) {
        Deadlines d = context.deadlines();
        LocalDate today = context.today();
        switch (action) {
            case "register" -> {
                only(f);
                edit.details().put("registeredOn", today.toString());
                edit.status("registered").dueDate(d.petitionForwardDue(today)).publicNote("信访事项已登记");
            }
            case "reject" -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                edit.status("rejected").publicNote("不予受理：" + reason).finish(today, "rejected");
            }
            case "forward" -> {
                only(f, "handlingBody");
                String body = f.requiredString("handlingBody", 2, 100);
                edit.details().put("handlingBody", body);
                edit.status("forwarded").dueDate(d.petitionAcknowledgementDue(today)).publicNote("已转送（交办）" + body + "办理");
            }
            case "acknowledge" -> {
                only(f);
                edit.details().put("acceptedOn", today.toString());
                LocalDate due = d.petitionHandlingDue(today);
                edit.status("in-progress").dueDate(due).publicNote("已受理，将于 " + due + " 前办结");
            }
            case "extend" -> {
                only(f, "days", "reason");
                int days = f.requiredInt("days", 1, Deadlines.PETITION_MAX_EXTENSION_DAYS);
                String reason = f.requiredString("reason", 2, 500);
                LocalDate due = d.petitionExtendedHandlingDue(edit.dueDate(), days);
                edit.details().put("extended", true).put("extensionReason", reason);
                edit.dueDate(due).publicNote("因" + reason + "，办理期限延长至 " + due);
            }
            case "reply" -> {
                only(f, "opinion");
                String opinion = f.requiredText("opinion", 2, 2000);
                edit.details().put("lastRepliedOn", today.toString());
                edit.status("resolved").publicNote("已出具书面处理意见：" + opinion).finish(today, "resolved");
            }
            case "request-review" -> {
                only(f, "receivedOn");
                LocalDate lastReply = LocalDate.parse(c.details().path("lastRepliedOn").asText());
                LocalDate requested = Actions.pastDate(f, "receivedOn", lastReply, context);
                if (requested.isAfter(d.petitionReviewRequestDeadline(lastReply))) {
                    throw Errors.outOfRange(f.path("receivedOn"), "已超过 30 日的复查（复核）申请期限",
                            "past the 30-day window for a review request");
                }
                int reviews = c.details().path("reviews").asInt(0) + 1;
                edit.details().put("reviews", reviews);
                edit.status("under-review").dueDate(d.petitionReviewOpinionDue(requested))
                        .publicNote(reviews == 1 ? "已收到复查申请" : "已收到复核申请");
            }
            case "review-reply" -> {
                only(f, "opinion");
                String opinion = f.requiredText("opinion", 2, 2000);
                int reviews = c.details().path("reviews").asInt(1);
                edit.details().put("lastRepliedOn", today.toString());
                edit.status("resolved").publicNote((reviews == 1 ? "复查意见：" : "复核意见：") + opinion);
            }
            default -> throw new IllegalStateException(action);
        }
        note(f, edit);
    }
}

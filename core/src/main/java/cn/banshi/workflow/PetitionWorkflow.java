package cn.banshi.workflow;

import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseRecord;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Petitions (信访工作条例 2022, calendar days): register, forward or assign within 15 days; the handling body
 * tells the petitioner within 15 days; finish within 60 days of acceptance, one extension of at most 30 days;
 * review (复查) and re-review (复核), each asked within 30 days of the reply and answered within 30.
 */
final class PetitionWorkflow implements Workflow {
    private static final Set<String> DATED = Set.of("register", "reject", "forward", "acknowledge", "extend", "reply",
            "review-reply");

    @Override
    public Set<String> datedActions() {
        return DATED;
    }

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
        LocalDate on = context.on();
        switch (action) {
            case "register" -> {
                only(f);
                edit.details().put("registeredOn", on.toString());
                edit.status("registered").due(Term.calendarDays(on, Deadlines.PETITION_FORWARD_DAYS))
                        .publicNote("信访事项已登记");
            }
            case "reject" -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                edit.status("rejected").publicNote("不予受理：" + reason).finish(on, "rejected");
            }
            case "forward" -> {
                only(f, "handlingBody");
                String body = f.requiredString("handlingBody", 2, 100);
                edit.details().put("handlingBody", body).put("forwardedOn", on.toString());
                edit.status("forwarded").due(Term.calendarDays(on, Deadlines.PETITION_ACKNOWLEDGE_DAYS))
                        .publicNote("已转送（交办）" + body + "办理");
            }
            case "acknowledge" -> {
                only(f);
                edit.details().put("acceptedOn", on.toString());
                edit.status("in-progress").due(Term.calendarDays(on, Deadlines.PETITION_HANDLING_DAYS));
                edit.publicNote("已受理，将于 " + InfoRequestWorkflow.dueText(edit) + " 前办结");
            }
            case "extend" -> {
                only(f, "days", "reason");
                int days = f.requiredInt("days", 1, Deadlines.PETITION_MAX_EXTENSION_DAYS);
                String reason = f.requiredString("reason", 2, 500);
                // cases stored before terms were kept: the handling due date in force is day zero of the extension
                Term handling = StoredDeadlines.term(c.details()).orElse(Term.calendarDays(c.dueDate(), 0));
                edit.details().put("extended", true).put("extensionReason", reason);
                edit.due(handling.plus(days)).publicNote("因" + reason + "，办理期限延长至 " + InfoRequestWorkflow.dueText(edit));
            }
            case "reply" -> {
                only(f, "opinion");
                String opinion = f.requiredText("opinion", 2, 2000);
                edit.details().put("lastRepliedOn", on.toString());
                edit.status("resolved").publicNote("已出具书面处理意见：" + opinion).finish(on, "resolved");
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
                edit.status("under-review").due(Term.calendarDays(requested, Deadlines.PETITION_REVIEW_OPINION_DAYS))
                        .publicNote(reviews == 1 ? "已收到复查申请" : "已收到复核申请");
            }
            case "review-reply" -> {
                only(f, "opinion");
                String opinion = f.requiredText("opinion", 2, 2000);
                int reviews = c.details().path("reviews").asInt(1);
                edit.details().put("lastRepliedOn", on.toString());
                edit.status("resolved").publicNote((reviews == 1 ? "复查意见：" : "复核意见：") + opinion);
            }
            default -> throw new IllegalStateException(action);
        }
        note(f, edit);
    }
}

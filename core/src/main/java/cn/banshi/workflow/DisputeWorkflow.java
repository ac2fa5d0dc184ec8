package cn.banshi.workflow;

import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.TimeLimit;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * People's mediation (人民调解): resolved within the category's limit from acceptance (one month by default,
 * 人民调解工作若干规定 Art. 33); the result is agreement reached or not, and later whether it was fulfilled.
 */
final class DisputeWorkflow implements Workflow {
    static final Set<String> RESULTS = Set.of("agreement-reached", "no-agreement");
    private static final Set<String> DATED = Set.of("accept", "reject", "resolve");

    @Override
    public Set<String> datedActions() {
        return DATED;
    }

    @Override
    public List<String> allowedActions(CaseRecord c, ActionContext context) {
        return switch (c.status()) {
            case "submitted" -> List.of("accept", "reject");
            case "accepted" -> List.of("assign-mediator");
            case "mediating" -> List.of("record-session", "resolve");
            case "resolved" -> {
                List<String> actions = new ArrayList<>();
                if ("agreement-reached".equals(c.resolution().outcome()) && c.resolution().agreementFulfilled() == null) {
                    actions.add("record-fulfilment");
                }
                actions.add("close");
                yield actions;
            }
            default -> List.of();
        };
    }

    @Override
    public void apply(CaseRecord c, String action, Fields f, CaseEdit edit, ActionContext context) {
        switch (action) {
            case "accept" -> {
                only(f);
                TimeLimit limit = context.catalog().limitFor(c.category(), c.type()).orElse(TimeLimit.calendarDays(30));
                edit.details().put("acceptedOn", context.on().toString());
                edit.status("accepted").due(Term.of(context.on(), limit));
                edit.publicNote("调解申请已受理，原则上于 " + InfoRequestWorkflow.dueText(edit) + " 前调结");
            }
            case "reject" -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                edit.status("rejected").publicNote("不予受理：" + reason).finish(context.on(), "rejected");
            }
            case "assign-mediator" -> {
                only(f, "mediator");
                edit.details().put("mediator", f.requiredString("mediator", 2, 50));
                edit.status("mediating").publicNote("已指派人民调解员");
            }
            case "record-session" -> {
                only(f, "date", "summary");
                LocalDate date = Actions.pastDate(f, "date", c.receivedOn(), context);
                String summary = f.requiredText("summary", 2, 2000);
                ArrayNode sessions = edit.details().has("sessions") ? (ArrayNode) edit.details().get("sessions")
                        : edit.details().putArray("sessions");
                sessions.addObject().put("date", date.toString()).put("summary", summary);
                edit.publicNote("已于 " + date + " 组织调解");
            }
            case "resolve" -> {
                only(f, "result", "summary");
                String result = f.requiredCode("result", RESULTS);
                f.optionalString("summary", 2, 2000).ifPresent(s -> edit.details().put("resultSummary", s));
                edit.status("resolved").finish(context.on(), result)
                        .publicNote(result.equals("agreement-reached") ? "调解成功，已达成调解协议" : "调解未达成协议，已告知其他解决途径");
            }
            case "record-fulfilment" -> {
                only(f, "fulfilled");
                boolean fulfilled = f.optionalBoolean("fulfilled").orElseThrow(() -> Errors.required(f.path("fulfilled")));
                edit.agreementFulfilled(fulfilled).publicNote(fulfilled ? "调解协议已履行" : "调解协议未履行");
            }
            case "close" -> {
                only(f);
                edit.status("closed").publicNote("已回访，归档");
            }
            default -> throw new IllegalStateException(action);
        }
        note(f, edit);
    }
}

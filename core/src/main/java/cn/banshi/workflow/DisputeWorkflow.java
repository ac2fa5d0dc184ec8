package cn.banshi.workflow;

import static cn.banshi.cases.CaseAction.ACCEPT;
import static cn.banshi.cases.CaseAction.ASSIGN_MEDIATOR;
import static cn.banshi.cases.CaseAction.CLOSE;
import static cn.banshi.cases.CaseAction.RECORD_FULFILMENT;
import static cn.banshi.cases.CaseAction.RECORD_SESSION;
import static cn.banshi.cases.CaseAction.REJECT;
import static cn.banshi.cases.CaseAction.RESOLVE;
import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.DisputeDetails;
import cn.banshi.catalog.TimeLimit;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
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
    private static final Set<CaseAction> DATED = Set.of(ACCEPT, REJECT, RESOLVE);

    @Override
    public Set<CaseAction> datedActions() {
        return DATED;
    }

    @Override
    public List<CaseAction> allowedActions(CaseRecord c, ActionContext context) {
        return switch (c.status()) {
            case SUBMITTED -> List.of(ACCEPT, REJECT);
            case ACCEPTED -> List.of(ASSIGN_MEDIATOR);
            case MEDIATING -> List.of(RECORD_SESSION, RESOLVE);
            case RESOLVED -> {
                List<CaseAction> actions = new ArrayList<>();
                if ("agreement-reached".equals(c.resolution().outcome())
                        && c.resolution().agreementFulfilled() == null) {
                    actions.add(RECORD_FULFILMENT);
                }
                actions.add(CLOSE);
                yield actions;
            }
            default -> List.of();
        };
    }

    @Override
    public void apply(CaseRecord c, CaseAction action, Fields f, CaseEdit edit, ActionContext context) {
        switch (action) {
            case ACCEPT -> {
                only(f);
                TimeLimit limit =
                        context.catalog().limitFor(c.category(), c.type()).orElse(TimeLimit.calendarDays(30));
                edit.details(DisputeDetails.class, d -> d.withAcceptedOn(context.on()));
                edit.status(CaseStatus.ACCEPTED).due(Term.of(context.on(), limit));
                edit.publicNote("调解申请已受理，原则上于 " + InfoRequestWorkflow.dueText(edit) + " 前调结");
            }
            case REJECT -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                edit.status(CaseStatus.REJECTED).publicNote("不予受理：" + reason).finish(context.on(), "rejected");
            }
            case ASSIGN_MEDIATOR -> {
                only(f, "mediator");
                String mediator = f.requiredString("mediator", 2, 50);
                edit.details(DisputeDetails.class, d -> d.withMediator(mediator));
                edit.status(CaseStatus.MEDIATING).publicNote("已指派人民调解员");
            }
            case RECORD_SESSION -> {
                only(f, "date", "summary");
                LocalDate date = Actions.pastDate(f, "date", c.receivedOn(), context);
                String summary = f.requiredText("summary", 2, 2000);
                edit.details(DisputeDetails.class, d -> d.withSession(new DisputeDetails.Session(date, summary)));
                edit.publicNote("已于 " + date + " 组织调解");
            }
            case RESOLVE -> {
                only(f, "result", "summary");
                String result = f.requiredCode("result", RESULTS);
                f.optionalString("summary", 2, 2000)
                        .ifPresent(s -> edit.details(DisputeDetails.class, d -> d.withResultSummary(s)));
                edit.status(CaseStatus.RESOLVED)
                        .finish(context.on(), result)
                        .publicNote(result.equals("agreement-reached") ? "调解成功，已达成调解协议" : "调解未达成协议，已告知其他解决途径");
            }
            case RECORD_FULFILMENT -> {
                only(f, "fulfilled");
                boolean fulfilled =
                        f.optionalBoolean("fulfilled").orElseThrow(() -> Errors.required(f.path("fulfilled")));
                edit.agreementFulfilled(fulfilled).publicNote(fulfilled ? "调解协议已履行" : "调解协议未履行");
            }
            case CLOSE -> {
                only(f);
                edit.status(CaseStatus.CLOSED).publicNote("已回访，归档");
            }
            default -> throw new IllegalStateException(action.code());
        }
        note(f, edit);
    }
}

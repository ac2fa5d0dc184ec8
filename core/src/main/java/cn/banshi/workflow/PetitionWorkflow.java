package cn.banshi.workflow;

import static cn.banshi.cases.CaseAction.ACKNOWLEDGE;
import static cn.banshi.cases.CaseAction.EXTEND;
import static cn.banshi.cases.CaseAction.FORWARD;
import static cn.banshi.cases.CaseAction.REGISTER;
import static cn.banshi.cases.CaseAction.REJECT;
import static cn.banshi.cases.CaseAction.REPLY;
import static cn.banshi.cases.CaseAction.REQUEST_REVIEW;
import static cn.banshi.cases.CaseAction.REVIEW_REPLY;
import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.PetitionDetails;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Petitions (信访工作条例 2022, calendar days): register, forward or assign within 15 days; the handling body
 * tells the petitioner within 15 days; finish within 60 days of acceptance, one extension of at most 30 days;
 * review (复查) and re-review (复核), each asked within 30 days of the reply and answered within 30.
 */
final class PetitionWorkflow implements Workflow {
    private static final Set<CaseAction> DATED =
            Set.of(REGISTER, REJECT, FORWARD, ACKNOWLEDGE, EXTEND, REPLY, REVIEW_REPLY);

    @Override
    public Set<CaseAction> datedActions() {
        return DATED;
    }

    @Override
    public List<CaseAction> allowedActions(CaseRecord c, ActionContext context) {
        PetitionDetails p = c.details(PetitionDetails.class);
        return switch (c.status()) {
            case SUBMITTED -> List.of(REGISTER, REJECT);
            case REGISTERED -> List.of(FORWARD);
            case FORWARDED -> List.of(ACKNOWLEDGE);
            case IN_PROGRESS -> p.isExtended() ? List.of(REPLY) : List.of(REPLY, EXTEND);
            case UNDER_REVIEW -> List.of(REVIEW_REPLY);
            case RESOLVED -> {
                List<CaseAction> actions = new ArrayList<>();
                LocalDate lastReply = p.lastRepliedOn() != null ? p.lastRepliedOn() : context.today();
                if (p.reviewCount() < 2
                        && !context.today().isAfter(context.deadlines().petitionReviewRequestDeadline(lastReply))) {
                    actions.add(REQUEST_REVIEW);
                }
                yield actions;
            }
            default -> List.of();
        };
    }

    @Override
    public void apply(CaseRecord c, CaseAction action, Fields f, CaseEdit edit, ActionContext context) {
        Deadlines d = context.deadlines();
        LocalDate on = context.on();
        PetitionDetails p = c.details(PetitionDetails.class);
        switch (action) {
            case REGISTER -> {
                only(f);
                edit.details(PetitionDetails.class, x -> x.registered(on));
                edit.status(CaseStatus.REGISTERED)
                        .due(Term.calendarDays(on, Deadlines.PETITION_FORWARD_DAYS))
                        .publicNote("信访事项已登记");
            }
            case REJECT -> {
                only(f, "reason", EarlierCase.GROUND, EarlierCase.FIELD);
                Optional<String> ground = f.optionalCode(EarlierCase.GROUND, Set.of(EarlierCase.REPEAT_PETITION));
                if (ground.isPresent()) {
                    // 信访工作条例: the same facts and grounds, already handled, reviewed and re-reviewed
                    String earlier = EarlierCase.required(f);
                    String reason = f.optionalString("reason", 2, 500).orElse(EarlierCase.REPEAT_PETITION_ZH);
                    edit.links(c.linksOrNone().withEarlierCase(earlier))
                            .status(CaseStatus.REJECTED)
                            .publicNote("不予受理：" + reason + "（在先信访事项 " + earlier + "）")
                            .finish(on, "rejected");
                } else {
                    if (f.has(EarlierCase.FIELD)) {
                        throw Errors.notAllowed(
                                f.path(EarlierCase.FIELD),
                                "只有以重复信访为由不予受理时才关联在先事项",
                                "earlierCase goes with ground repeat-petition");
                    }
                    String reason = f.requiredString("reason", 2, 500);
                    edit.status(CaseStatus.REJECTED)
                            .publicNote("不予受理：" + reason)
                            .finish(on, "rejected");
                }
            }
            case FORWARD -> {
                only(f, "handlingBody");
                String body = f.requiredString("handlingBody", 2, 100);
                edit.details(PetitionDetails.class, x -> x.forwarded(body, on));
                edit.status(CaseStatus.FORWARDED)
                        .due(Term.calendarDays(on, Deadlines.PETITION_ACKNOWLEDGE_DAYS))
                        .publicNote("已转送（交办）" + body + "办理");
            }
            case ACKNOWLEDGE -> {
                only(f);
                edit.details(PetitionDetails.class, x -> x.accepted(on));
                edit.status(CaseStatus.IN_PROGRESS).due(Term.calendarDays(on, Deadlines.PETITION_HANDLING_DAYS));
                edit.publicNote("已受理，将于 " + InfoRequestWorkflow.dueText(edit) + " 前办结");
            }
            case EXTEND -> {
                only(f, "days", "reason");
                int days = f.requiredInt("days", 1, Deadlines.PETITION_MAX_EXTENSION_DAYS);
                String reason = f.requiredString("reason", 2, 500);
                // cases stored before terms were kept: the handling due date in force is day zero of the extension
                Term handling = p.storedTerm().orElse(Term.calendarDays(c.dueDate(), 0));
                edit.details(PetitionDetails.class, x -> x.extendedFor(reason));
                edit.due(handling.plus(days))
                        .publicNote("因" + reason + "，办理期限延长至 " + InfoRequestWorkflow.dueText(edit));
            }
            case REPLY -> {
                only(f, "opinion");
                String opinion = f.requiredText("opinion", 2, 2000);
                edit.details(PetitionDetails.class, x -> x.repliedOn(on));
                edit.status(CaseStatus.RESOLVED)
                        .publicNote("已出具书面处理意见：" + opinion)
                        .finish(on, "resolved");
            }
            case REQUEST_REVIEW -> {
                only(f, "receivedOn");
                LocalDate lastReply = p.lastRepliedOn();
                LocalDate requested = Actions.pastDate(f, "receivedOn", lastReply, context);
                if (requested.isAfter(d.petitionReviewRequestDeadline(lastReply))) {
                    throw Errors.outOfRange(
                            f.path("receivedOn"), "已超过 30 日的复查（复核）申请期限", "past the 30-day window for a review request");
                }
                int reviews = p.reviewCount() + 1;
                edit.details(PetitionDetails.class, x -> x.withReviews(reviews));
                edit.status(CaseStatus.UNDER_REVIEW)
                        .due(Term.calendarDays(requested, Deadlines.PETITION_REVIEW_OPINION_DAYS))
                        .publicNote(reviews == 1 ? "已收到复查申请" : "已收到复核申请");
            }
            case REVIEW_REPLY -> {
                only(f, "opinion");
                String opinion = f.requiredText("opinion", 2, 2000);
                // the review being answered is at least the first
                int reviews = Math.max(1, p.reviewCount());
                edit.details(PetitionDetails.class, x -> x.repliedOn(on));
                edit.status(CaseStatus.RESOLVED).publicNote((reviews == 1 ? "复查意见：" : "复核意见：") + opinion);
            }
            default -> throw new IllegalStateException(action.code());
        }
        note(f, edit);
    }
}

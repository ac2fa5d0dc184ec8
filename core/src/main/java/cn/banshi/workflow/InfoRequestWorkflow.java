package cn.banshi.workflow;

import static cn.banshi.cases.CaseAction.ANSWER;
import static cn.banshi.cases.CaseAction.CONSULT_THIRD_PARTY;
import static cn.banshi.cases.CaseAction.EXTEND;
import static cn.banshi.cases.CaseAction.RECEIVE_CORRECTION;
import static cn.banshi.cases.CaseAction.REQUEST_CORRECTION;
import static cn.banshi.cases.CaseAction.THIRD_PARTY_REPLIED;
import static cn.banshi.cases.CaseAction.WITHDRAW;
import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Due;
import cn.banshi.calendar.WorkingDayClock;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Open-government-information requests (政府信息公开条例 Arts. 30–33), on a pausable working-day clock kept in
 * {@code details.clock}: correction within 7 working days of receipt stops it, the corrected request restarts
 * the 20 days; consulting a third party pauses it; one extension of 20 working days.
 */
final class InfoRequestWorkflow implements Workflow {
    static final Set<String> OUTCOMES = Set.of(
            "disclosed",
            "partially-disclosed",
            "withheld:state-secret",
            "withheld:prohibited-by-law",
            "withheld:security-stability",
            "withheld:third-party-rights",
            "withheld:internal-affairs",
            "withheld:process-information",
            "withheld:enforcement-files",
            "withheld:administrative-query",
            "unavailable:not-held",
            "unavailable:needs-creation",
            "unavailable:unclear-after-correction",
            "not-processed:petition-complaint",
            "not-processed:duplicate",
            "not-processed:publication",
            "not-processed:excessive",
            "not-processed:confirmation",
            "other:no-correction",
            "other:fee-unpaid",
            "other:other");
    /** How long the applicant is given to correct, unless the notice says otherwise. */
    static final int DEFAULT_CORRECTION_WORKING_DAYS = 15;

    /** Actions that start or stop the statutory clock and may be recorded after the fact ({@code effectiveOn}). */
    private static final Set<CaseAction> DATED =
            Set.of(REQUEST_CORRECTION, CONSULT_THIRD_PARTY, THIRD_PARTY_REPLIED, EXTEND, WITHDRAW);

    @Override
    public Set<CaseAction> datedActions() {
        return DATED;
    }

    @Override
    public List<CaseAction> allowedActions(CaseRecord c, ActionContext context) {
        List<CaseAction> actions = new ArrayList<>();
        InfoRequestDetails details = c.details(InfoRequestDetails.class);
        boolean extended = details.isExtended();
        switch (c.status()) {
            case SUBMITTED -> {
                if (!details.isCorrected()
                        && !context.on().isAfter(context.deadlines().ogiCorrectionNoticeDue(c.receivedOn()))) {
                    actions.add(REQUEST_CORRECTION);
                }
                actions.add(ANSWER);
                actions.add(CONSULT_THIRD_PARTY);
                if (!extended) actions.add(EXTEND);
                actions.add(WITHDRAW);
            }
            case IN_PROGRESS -> {
                actions.add(ANSWER);
                actions.add(CONSULT_THIRD_PARTY);
                if (!extended) actions.add(EXTEND);
                actions.add(WITHDRAW);
            }
            case AWAITING_CORRECTION -> {
                actions.add(RECEIVE_CORRECTION);
                if (context.today().isAfter(details.correctBy())) actions.add(ANSWER);
                actions.add(WITHDRAW);
            }
            case CONSULTING_THIRD_PARTY -> {
                actions.add(THIRD_PARTY_REPLIED);
                actions.add(WITHDRAW);
            }
            default -> {}
        }
        return actions;
    }

    @Override
    public void apply(CaseRecord c, CaseAction action, Fields f, CaseEdit edit, ActionContext context) {
        Deadlines d = context.deadlines();
        LocalDate on = context.on();
        InfoRequestDetails details = c.details(InfoRequestDetails.class);
        WorkingDayClock clock = details.clock(d, c.receivedOn());
        switch (action) {
            case REQUEST_CORRECTION -> {
                only(f, "items", "correctBy");
                String items = f.requiredText("items", 2, 2000);
                LocalDate correctBy =
                        f.optionalDate("correctBy").orElse(d.addWorkingDays(on, DEFAULT_CORRECTION_WORKING_DAYS));
                if (!correctBy.isAfter(on)) {
                    throw Errors.outOfRange(f.path("correctBy"), "补正期限须晚于告知之日", "must be after the notice's day");
                }
                edit.details(InfoRequestDetails.class, x -> x.correctionRequested(correctBy, on));
                edit.status(CaseStatus.AWAITING_CORRECTION)
                        .noDueDate()
                        .publicNote("请于 " + correctBy + " 前补正申请：" + items + "（答复期限自收到补正之日起重新计算）");
            }
            case RECEIVE_CORRECTION -> {
                only(f, "receivedOn");
                LocalDate requestedOn = details.correctionRequestedOn();
                LocalDate receivedOn = Actions.pastDate(f, "receivedOn", requestedOn, context);
                WorkingDayClock restarted = clock.restart(receivedOn, Deadlines.OGI_REPLY_WORKING_DAYS);
                edit.details(InfoRequestDetails.class, InfoRequestDetails::correctionReceived);
                edit.status(CaseStatus.IN_PROGRESS).due(restarted).publicNote("已收到补正材料，答复期限重新计算至 " + dueText(edit));
            }
            case CONSULT_THIRD_PARTY -> {
                only(f, "thirdParty");
                // who the third party is may identify a person: only in the internal note, never public
                edit.note("征求第三方意见：" + f.requiredString("thirdParty", 2, 100));
                if (clock.dueDate().isPresent() && on.isAfter(clock.dueDate().get())) {
                    throw Errors.deadlinePassed();
                }
                LocalDate thirdPartyDue = d.ogiThirdPartyAnswerDue(on);
                edit.details(InfoRequestDetails.class, x -> x.withThirdPartyDue(thirdPartyDue));
                edit.status(CaseStatus.CONSULTING_THIRD_PARTY)
                        .due(clock.pause(on))
                        .publicNote("正在征求第三方意见，所需时间不计入答复期限");
                return;
            }
            case THIRD_PARTY_REPLIED -> {
                only(f);
                edit.status(CaseStatus.IN_PROGRESS).due(clock.resume(on)).publicNote("第三方意见已回复，答复期限至 " + dueText(edit));
            }
            case EXTEND -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                edit.details(InfoRequestDetails.class, x -> x.extendedFor(reason));
                edit.due(clock.extend(Deadlines.OGI_MAX_EXTENSION_WORKING_DAYS))
                        .publicNote("经政府信息公开工作机构负责人同意，答复期限延长至 " + dueText(edit));
            }
            case ANSWER -> {
                only(f, "outcome", "repliedOn", "reply", EarlierCase.FIELD);
                String outcome = f.requiredCode("outcome", OUTCOMES);
                if (outcome.equals(EarlierCase.OGI_DUPLICATE)) {
                    // 重复申请: linked to the earlier request (checked against the store by the caller)
                    edit.links(c.linksOrNone().withEarlierCase(EarlierCase.required(f)));
                } else if (f.has(EarlierCase.FIELD)) {
                    throw Errors.notAllowed(
                            f.path(EarlierCase.FIELD),
                            "只有“重复申请”才关联在先申请",
                            "Only not-processed:duplicate refers to an earlier request");
                }
                boolean awaiting = c.status() == CaseStatus.AWAITING_CORRECTION;
                if (awaiting != outcome.equals("other:no-correction")) {
                    throw Errors.notAllowed(
                            f.path("outcome"),
                            awaiting ? "申请人逾期未补正的，只能以“逾期不补正”办结" : "只有逾期未补正的申请才能以“逾期不补正”办结",
                            awaiting
                                    ? "An uncorrected request can only be closed as other:no-correction"
                                    : "other:no-correction applies only to requests awaiting correction");
                }
                LocalDate repliedOn = Actions.pastDate(f, "repliedOn", c.receivedOn(), context);
                f.optionalString("reply", 2, 2000)
                        .ifPresent(text -> edit.details(InfoRequestDetails.class, x -> x.withReply(text)));
                edit.status(CaseStatus.ANSWERED).finish(repliedOn, outcome).publicNote("已于 " + repliedOn + " 作出答复");
            }
            case WITHDRAW -> {
                only(f, "reason");
                f.optionalString("reason", 2, 500)
                        .ifPresent(r -> edit.details(InfoRequestDetails.class, x -> x.withWithdrawReason(r)));
                edit.status(CaseStatus.WITHDRAWN).finish(on, "other:other").publicNote("申请人已撤回申请");
            }
            default -> throw new IllegalStateException(action.code());
        }
        note(f, edit);
    }

    /** The due date just set, with the provisional remark when it is one. */
    static String dueText(CaseEdit edit) {
        return edit.dueDate() + Due.remarkZh(edit.dueProvisionalYear());
    }
}

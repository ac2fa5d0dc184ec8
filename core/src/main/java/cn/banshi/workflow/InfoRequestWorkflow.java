package cn.banshi.workflow;

import static cn.banshi.workflow.Actions.note;
import static cn.banshi.workflow.Actions.only;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.WorkingDayClock;
import cn.banshi.cases.CaseRecord;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    static final Set<String> OUTCOMES = Set.of("disclosed", "partially-disclosed",
            "withheld:state-secret", "withheld:prohibited-by-law", "withheld:security-stability",
            "withheld:third-party-rights", "withheld:internal-affairs", "withheld:process-information",
            "withheld:enforcement-files", "withheld:administrative-query",
            "unavailable:not-held", "unavailable:needs-creation", "unavailable:unclear-after-correction",
            "not-processed:petition-complaint", "not-processed:duplicate", "not-processed:publication",
            "not-processed:excessive", "not-processed:confirmation",
            "other:no-correction", "other:fee-unpaid", "other:other");
    /** How long the applicant is given to correct, unless the notice says otherwise. */
    static final int DEFAULT_CORRECTION_WORKING_DAYS = 15;

    @Override
    public List<String> allowedActions(CaseRecord c, ActionContext context) {
        List<String> actions = new ArrayList<>();
        boolean extended = c.details().path("extended").asBoolean(false);
        switch (c.status()) {
            case "submitted" -> {
                if (!c.details().path("corrected").asBoolean(false)
                        && !context.today().isAfter(context.deadlines().ogiCorrectionNoticeDue(c.receivedOn()))) {
                    actions.add("request-correction");
                }
                actions.add("answer");
                actions.add("consult-third-party");
                if (!extended) actions.add("extend");
                actions.add("withdraw");
            }
            case "in-progress" -> {
                actions.add("answer");
                actions.add("consult-third-party");
                if (!extended) actions.add("extend");
                actions.add("withdraw");
            }
            case "awaiting-correction" -> {
                actions.add("receive-correction");
                LocalDate correctBy = LocalDate.parse(c.details().path("correctBy").asText());
                if (context.today().isAfter(correctBy)) actions.add("answer");
                actions.add("withdraw");
            }
            case "consulting-third-party" -> {
                actions.add("third-party-replied");
                actions.add("withdraw");
            }
            default -> { }
        }
        return actions;
    }

    @Override
    public void apply(CaseRecord c, String action, Fields f, CaseEdit edit, ActionContext context) {
        Deadlines d = context.deadlines();
        LocalDate today = context.today();
        WorkingDayClock clock = clock(c, d);
        switch (action) {
            case "request-correction" -> {
                only(f, "items", "correctBy");
                String items = f.requiredText("items", 2, 2000);
                LocalDate correctBy = f.optionalDate("correctBy")
                        .orElse(d.addWorkingDays(today, DEFAULT_CORRECTION_WORKING_DAYS));
                if (!correctBy.isAfter(today)) {
                    throw Errors.outOfRange(f.path("correctBy"), "补正期限须晚于今天", "must be after today");
                }
                edit.details().put("correctBy", correctBy.toString()).put("correctionRequestedOn", today.toString());
                edit.status("awaiting-correction").dueDate(null)
                        .publicNote("请于 " + correctBy + " 前补正申请：" + items + "（答复期限自收到补正之日起重新计算）");
            }
            case "receive-correction" -> {
                only(f, "receivedOn");
                LocalDate requestedOn = LocalDate.parse(c.details().path("correctionRequestedOn").asText());
                LocalDate receivedOn = Actions.pastDate(f, "receivedOn", requestedOn, context);
                WorkingDayClock restarted = clock.restart(receivedOn, Deadlines.OGI_REPLY_WORKING_DAYS);
                store(edit, restarted);
                edit.details().put("corrected", true).put("extended", false);
                LocalDate due = restarted.dueDate().orElseThrow();
                edit.status("in-progress").dueDate(due).publicNote("已收到补正材料，答复期限重新计算至 " + due);
            }
            case "consult-third-party" -> {
                only(f, "thirdParty");
                f.requiredString("thirdParty", 2, 100);
                // who the third party is may identify a person: only in the internal note, never public
                edit.note("征求第三方意见：" + f.requiredString("thirdParty", 2, 100));
                if (clock.dueDate().isPresent() && today.isAfter(clock.dueDate().get())) {
                    throw Errors.deadlinePassed();
                }
                store(edit, clock.pause(today));
                edit.details().put("thirdPartyDue", d.ogiThirdPartyAnswerDue(today).toString());
                edit.status("consulting-third-party").dueDate(null).publicNote("正在征求第三方意见，所需时间不计入答复期限");
                return;
            }
            case "third-party-replied" -> {
                only(f);
                WorkingDayClock resumed = clock.resume(today);
                store(edit, resumed);
                LocalDate due = resumed.dueDate().orElseThrow();
                edit.status("in-progress").dueDate(due).publicNote("第三方意见已回复，答复期限至 " + due);
            }
            case "extend" -> {
                only(f, "reason");
                String reason = f.requiredString("reason", 2, 500);
                WorkingDayClock extended = clock.extend(Deadlines.OGI_MAX_EXTENSION_WORKING_DAYS);
                store(edit, extended);
                edit.details().put("extended", true).put("extensionReason", reason);
                LocalDate due = extended.dueDate().orElseThrow();
                edit.dueDate(due).publicNote("经政府信息公开工作机构负责人同意，答复期限延长至 " + due);
            }
            case "answer" -> {
                only(f, "outcome", "repliedOn", "reply");
                String outcome = f.requiredCode("outcome", OUTCOMES);
                boolean awaiting = c.status().equals("awaiting-correction");
                if (awaiting != outcome.equals("other:no-correction")) {
                    throw Errors.notAllowed(f.path("outcome"),
                            awaiting ? "申请人逾期未补正的，只能以“逾期不补正”办结" : "只有逾期未补正的申请才能以“逾期不补正”办结",
                            awaiting ? "An uncorrected request can only be closed as other:no-correction"
                                    : "other:no-correction applies only to requests awaiting correction");
                }
                LocalDate repliedOn = Actions.pastDate(f, "repliedOn", c.receivedOn(), context);
                f.optionalString("reply", 2, 2000).ifPresent(text -> edit.details().put("reply", text));
                edit.status("answered").finish(repliedOn, outcome).publicNote("已于 " + repliedOn + " 作出答复");
            }
            case "withdraw" -> {
                only(f, "reason");
                f.optionalString("reason", 2, 500).ifPresent(r -> edit.details().put("withdrawReason", r));
                edit.status("withdrawn").finish(today, "other:other").publicNote("申请人已撤回申请");
            }
            default -> throw new IllegalStateException(action);
        }
        note(f, edit);
    }

    static WorkingDayClock clock(CaseRecord c, Deadlines d) {
        JsonNode stored = c.details().get("clock");
        if (stored == null) return d.ogiReplyClock(c.receivedOn());
        return new WorkingDayClock(d, LocalDate.parse(stored.get("countingFrom").asText()), stored.get("limit").asInt(),
                stored.get("used").asInt(), stored.hasNonNull("pausedOn") ? LocalDate.parse(stored.get("pausedOn").asText()) : null);
    }

    private static void store(CaseEdit edit, WorkingDayClock clock) {
        ObjectNode node = edit.details().putObject("clock");
        node.put("countingFrom", clock.countingFrom().toString());
        node.put("limit", clock.limit());
        node.put("used", clock.usedWorkingDays());
        if (clock.pausedOn() == null) node.putNull("pausedOn");
        else node.put("pausedOn", clock.pausedOn().toString());
    }
}

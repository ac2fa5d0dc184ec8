package cn.banshi.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.json.Json;
import cn.banshi.tracking.TrackingHandler;
import cn.banshi.upkeep.DailyJobs;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 (retention, legal hold, the person's rights) through real events on dynalite with the clock injected:
 * the sweep erases exactly the finished, unheld cases whose retention has passed; town admins hold and release; the
 * citizen copies their own data (nothing of the other party) and asks for correction or deletion, which becomes a
 * task due in 15 working days that a town admin answers.
 */
class PersonalDataApiTest extends ApiTestSupport {
    record Filed(String no, String code) {}

    @BeforeEach
    void setUp() {
        setUpApp("2021-07-01T09:00");
    }

    Filed file(ObjectNode body) {
        JsonNode receipt = submitOnline("complaints", body);
        return new Filed(
                receipt.get("trackingNo").asText(), receipt.get("accessCode").asText());
    }

    Filed resolved(ObjectNode body) {
        Filed f = file(body);
        act(f.no(), "accept");
        act(f.no(), "reply", "reply", "已安排保洁人员清理。");
        act(f.no(), "resolve");
        return f;
    }

    static ObjectNode from(String name, String phone) {
        ObjectNode body = complaint();
        ((ObjectNode) body.get("submitter")).put("name", name).put("phone", phone);
        return body;
    }

    void setClock(String beijing) {
        clock.set(LocalDateTime.parse(beijing).atZone(ChinaTime.ZONE).toInstant());
    }

    /** The daily sweep's function, as EventBridge Scheduler starts it. */
    void sweep() {
        DailyJobs.run(app, Set.of("gaocheng"));
    }

    JsonNode detail(String no) {
        var r = staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, ADMIN, null, null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    APIGatewayV2HTTPResponse hold(String no, String action, String role, String village, String reason) {
        ObjectNode fields = Json.object().put("action", action);
        if (reason != null) fields.put("reason", reason);
        return act(no, app.cases().find(no).orElseThrow().version(), role, village, fields);
    }

    APIGatewayV2HTTPResponse copy(Filed f) {
        return call(
                new PersonalDataHandler(app),
                Events.get("/api/v1/track/{trackingNo}/personal-data", "/api/v1/track/" + f.no() + "/personal-data")
                        .header("x-access-code", f.code()));
    }

    APIGatewayV2HTTPResponse ask(Filed f, String kind, String text) {
        return call(
                new PersonalDataHandler(app),
                Events.post(
                                "/api/v1/track/{trackingNo}/personal-data-requests",
                                "/api/v1/track/" + f.no() + "/personal-data-requests",
                                Json.write(Json.object().put("kind", kind).put("text", text)))
                        .header("x-access-code", f.code()));
    }

    APIGatewayV2HTTPResponse tasks(String role, String village, Map<String, String> query) {
        Events e = as(
                Events.get("/api/v1/admin/personal-data-requests", "/api/v1/admin/personal-data-requests"),
                role,
                village);
        if (query != null) e.query(query);
        return call(new PersonalDataRequestsHandler(app), e);
    }

    APIGatewayV2HTTPResponse answer(String id, String role, String outcome, String text) {
        return call(
                new PersonalDataRequestsHandler(app),
                as(
                        Events.post(
                                "/api/v1/admin/personal-data-requests/{requestId}/answer",
                                "/api/v1/admin/personal-data-requests/" + id + "/answer",
                                Json.write(Json.object().put("outcome", outcome).put("answer", text))),
                        role,
                        null));
    }

    @Test
    void theSweepErasesExactlyTheFinishedUnheldCasesWhoseRetentionPassed() {
        Filed expired = resolved(from("王小明", "13912345671"));
        Filed held = resolved(from("王小红", "13912345672"));
        Filed open = file(from("王小刚", "13912345673"));
        setClock("2021-09-01T09:00");
        Filed later = resolved(from("王小强", "13912345674"));

        JsonNode heldView = json(hold(held.no(), "legal-hold", ADMIN, null, "申请人已提起行政诉讼"));
        assertEquals("申请人已提起行政诉讼", heldView.at("/legalHold/reason").asText());

        // the last day kept: nothing goes
        setClock("2024-07-01T23:00");
        sweep();
        for (Filed f : List.of(expired, held, open, later)) {
            assertFalse(app.cases().find(f.no()).orElseThrow().isPersonalErased(), f.no());
        }

        // the day after: only the expired, unheld, finished case
        setClock("2024-07-02T08:30");
        sweep();
        CaseRecord erased = app.cases().find(expired.no()).orElseThrow();
        assertTrue(erased.isPersonalErased());
        assertFalse(app.cases().find(held.no()).orElseThrow().isPersonalErased(), "held");
        assertFalse(app.cases().find(open.no()).orElseThrow().isPersonalErased(), "open");
        assertFalse(app.cases().find(later.no()).orElseThrow().isPersonalErased(), "not yet");

        JsonNode shown = detail(expired.no());
        String personal = shown.get("personal").toString();
        assertFalse(personal.contains("王小明") || personal.contains("13912345671") || personal.contains("梅家渎村东河桥边"));
        assertEquals(false, shown.at("/personal/submitter/anonymous").asBoolean(true));
        assertTrue(shown.has("personalErasedAt"));
        JsonNode last = shown.get("history").get(shown.get("history").size() - 1);
        assertEquals("erase-personal", last.get("action").asText());
        assertEquals("system", last.get("actor").asText());
        // what the reports read is untouched
        assertEquals("resolved", shown.get("status").asText());
        assertEquals("河道有垃圾", shown.get("title").asText());
        assertEquals("resolved", shown.at("/resolution/outcome").asText());
        // the citizen can still track it and is told
        JsonNode tracked = json(call(
                new TrackingHandler(app),
                Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + expired.no())
                        .header("x-access-code", expired.code())));
        assertTrue(tracked.get("timeline").toString().contains(PersonalErasure.RETENTION_NOTE));

        // idempotent: a second sweep the same day writes nothing
        long version = app.cases().find(expired.no()).orElseThrow().version();
        sweep();
        assertEquals(version, app.cases().find(expired.no()).orElseThrow().version());

        // released, the held case goes at the next run; the later one when its own time comes
        JsonNode released = json(hold(held.no(), "release-hold", ADMIN, null, "诉讼已终结"));
        assertFalse(released.has("legalHold"));
        sweep();
        assertTrue(app.cases().find(held.no()).orElseThrow().isPersonalErased());
        assertFalse(app.cases().find(later.no()).orElseThrow().isPersonalErased());
        setClock("2024-09-02T08:30");
        sweep();
        assertTrue(app.cases().find(later.no()).orElseThrow().isPersonalErased());
        assertFalse(app.cases().find(open.no()).orElseThrow().isPersonalErased(), "open cases are never erased");
    }

    /** The case store with {@code before} run once, just before the first write (a clerk commits first). */
    CaseStore racing(Runnable before) {
        CaseStore real = app.cases();
        boolean[] done = {false};
        return (CaseStore) Proxy.newProxyInstance(
                CaseStore.class.getClassLoader(), new Class<?>[] {CaseStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("update") && !done[0]) {
                        done[0] = true;
                        before.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    RetentionJob job(CaseStore store) {
        return new RetentionJob(store, app.catalogs(), app.dataRequests(), PersonalFiles.NONE, clock);
    }

    @Test
    void aClerksActionRacingTheErasureIsNeverLostAndAHoldRacingItWins() {
        Filed closedMeanwhile = resolved(from("王小明", "13912345671"));
        Filed heldMeanwhile = resolved(from("王小红", "13912345672"));
        setClock("2024-07-02T08:30");

        RetentionJob.Run run = job(racing(() -> act(closedMeanwhile.no(), "close", "followUp", "回访满意")))
                .run("gaocheng");
        CaseRecord closed = app.cases().find(closedMeanwhile.no()).orElseThrow();
        assertEquals("closed", closed.status().code(), "the clerk's step stands");
        assertTrue(closed.isPersonalErased(), "and the job erased the fresh version");
        List<String> steps =
                closed.history().stream().map(h -> h.action().code()).toList();
        assertEquals(List.of("close", "erase-personal"), steps.subList(steps.size() - 2, steps.size()));
        assertEquals(2, run.erased());

        Filed third = resolved(from("王小刚", "13912345673"));
        setClock("2027-07-02T08:30");
        RetentionJob.Run second = job(racing(() -> hold(third.no(), "legal-hold", ADMIN, null, "行政诉讼中")))
                .run("gaocheng");
        assertEquals(0, second.erased());
        assertFalse(app.cases().find(third.no()).orElseThrow().isPersonalErased(), "held meanwhile: left");
        assertTrue(app.cases().find(heldMeanwhile.no()).orElseThrow().isPersonalErased());
    }

    @Test
    void aCaseThatCannotBeErasedNowDoesNotKeepTheOthersAndTheRunFails() {
        Filed failing = resolved(from("王小明", "13912345671"));
        Filed fine = resolved(from("王小红", "13912345672"));
        setClock("2024-07-02T08:30");
        PersonalFiles brokenStore = c -> {
            if (c.trackingNo().equals(failing.no())) throw new IllegalStateException("file store unreachable");
        };
        RetentionJob job = new RetentionJob(app.cases(), app.catalogs(), app.dataRequests(), brokenStore, clock);
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> job.run("gaocheng"));
        assertTrue(failed.getMessage().contains("1 case(s)"), failed.getMessage());
        assertTrue(app.cases().find(fine.no()).orElseThrow().isPersonalErased(), "the other case is erased");
        assertFalse(app.cases().find(failing.no()).orElseThrow().isPersonalErased(), "nothing half-done");
        // the next run, with the store back, erases it
        assertEquals(1, job(app.cases()).run("gaocheng").erased());
        assertTrue(app.cases().find(failing.no()).orElseThrow().isPersonalErased());
    }

    @Test
    void aRunStopsAfterThreeFailuresInARowTheStoreIsDown() {
        setClock("2021-07-01T09:00");
        for (int i = 0; i < 5; i++) resolved(from("王小明", "1391234567" + i));
        setClock("2024-07-02T08:30");
        int[] tried = {0};
        PersonalFiles down = c -> {
            tried[0]++;
            throw new IllegalStateException("file store unreachable");
        };
        RetentionJob job = new RetentionJob(app.cases(), app.catalogs(), app.dataRequests(), down, clock);
        assertThrows(IllegalStateException.class, () -> job.run("gaocheng"));
        assertEquals(RetentionJob.FAILURES_IN_A_ROW, tried[0], "not every case: the store is down");
    }

    @Test
    void onlyTownAdminsHoldAndReleaseWithAReasonAndBothAreInTheHistoryAndAudit() {
        Filed f = file(complaint());
        assertEquals(
                List.of("mark-spam", "merge-as-duplicate", "legal-hold"),
                list(detail(f.no()).get("otherActions")));
        assertError(hold(f.no(), "legal-hold", VILLAGE, "meijiadu", "诉讼"), 403, "FORBIDDEN", "role");
        assertError(hold(f.no(), "legal-hold", AUDITOR, null, "诉讼"), 403, "FORBIDDEN", "role");
        assertError(hold(f.no(), "legal-hold", ADMIN, null, null), 400, "REQUIRED", "reason");
        assertError(hold(f.no(), "release-hold", ADMIN, null, "未曾冻结"), 422, "ACTION_NOT_ALLOWED", "action");
        JsonNode held = json(hold(f.no(), "legal-hold", ADMIN, null, "行政复议中"));
        assertEquals(List.of("mark-spam", "merge-as-duplicate", "release-hold"), list(held.get("otherActions")));
        assertError(hold(f.no(), "legal-hold", ADMIN, null, "再次"), 422, "ACTION_NOT_ALLOWED", "action");
        // a stale version is refused
        ObjectNode stale = Json.object().put("action", "release-hold").put("reason", "复议结束");
        assertError(act(f.no(), 1, ADMIN, null, stale), 409, "VERSION_CONFLICT", "expectedVersion");
        // the workflow goes on while held
        assertEquals("accepted", act(f.no(), "accept").get("status").asText());
        JsonNode released = json(hold(f.no(), "release-hold", ADMIN, null, "复议结束"));
        List<String> actions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        released.get("history").forEach(h -> {
            actions.add(h.get("action").asText());
            notes.add(h.get("note").asText(""));
        });
        assertEquals(List.of("submit", "legal-hold", "accept", "release-hold"), actions);
        assertTrue(notes.contains("行政复议中") && notes.contains("复议结束"));
        JsonNode audit = json(staffGet(
                "/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, Map.of("event", "action:legal-hold")));
        assertEquals(f.no(), audit.at("/items/0/trackingNo").asText());
    }

    @Test
    void theCopyHoldsThePersonsOwnDataAndNothingOfOthersAndIsAudited() {
        ObjectNode dispute = from("周小燕", "13955556666").put("type", "dispute").put("category", "dispute-neighbour");
        dispute.putArray("parties").addObject().put("name", "赵四").put("phone", "13800001111");
        Filed mine = file(dispute);
        Filed other = file(from("钱大伟", "13977778888"));

        var response = copy(mine);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        JsonNode c = json(response);
        assertEquals("周小燕", c.at("/personal/submitter/name").asText());
        assertEquals("13955556666", c.at("/personal/submitter/phone").asText());
        assertEquals("梅家渎村东河桥边", c.at("/personal/location/address").asText());
        assertEquals(1, c.get("otherParties").asInt());
        String body = response.getBody();
        for (String others : List.of("赵四", "13800001111", "钱大伟", "13977778888", other.no())) {
            assertFalse(body.contains(others), others);
        }
        // a wrong code is the tracking 404
        assertError(copy(new Filed(mine.no(), "00000-00000")), 404, "NOT_FOUND", "trackingNo");
        JsonNode audit = json(staffGet(
                "/api/v1/admin/audit",
                "/api/v1/admin/audit",
                ADMIN,
                null,
                Map.of("event", "citizen-copy-personal-data")));
        assertEquals(1, audit.get("items").size());
        assertEquals(mine.no(), audit.at("/items/0/trackingNo").asText());
        assertEquals("citizen", audit.at("/items/0/sub").asText());
    }

    @Test
    void aCorrectionRequestIsATaskDueInFifteenWorkingDaysThatATownAdminAnswers() {
        setClock("2021-09-27T10:00"); // the National Day week is within the 15 working days
        Filed f = file(from("孙丽", "13911112222"));
        Filed other = file(from("李强", "13933334444"));
        var made = ask(f, "correction", "我的电话号码应为13911112223");
        assertEquals(201, made.getStatusCode(), made.getBody());
        JsonNode r = json(made);
        assertEquals(f.no() + "-01", r.get("id").asText());
        assertEquals("2021-10-22", r.get("dueDate").asText());
        assertEquals("open", r.get("state").asText());
        assertError(ask(f, "rename", "x"), 400, "INVALID_VALUE", "kind");
        assertError(ask(new Filed(f.no(), "00000-00000"), "correction", "改名"), 404, "NOT_FOUND", "trackingNo");
        assertEquals(201, ask(other, "deletion", "请删除我的信息").getStatusCode());
        assertEquals(201, ask(f, "deletion", "请删除我的地址").getStatusCode());
        assertEquals(201, ask(f, "correction", "地址有误").getStatusCode());
        assertError(ask(f, "correction", "第四件"), 409, "TOO_MANY_OPEN_REQUESTS", "kind");

        // the task list: town admins and auditors, open first by due date, without the words
        assertError(tasks(VILLAGE, "meijiadu", null), 403, "FORBIDDEN", "role");
        JsonNode list = json(tasks(ADMIN, null, null));
        assertEquals(4, list.get("items").size());
        assertTrue(list.get("items").get(0).get("text").isNull());
        assertFalse(list.toString().contains("13911112223"));
        JsonNode auditorsView = json(tasks(AUDITOR, null, Map.of("trackingNo", f.no())));
        assertTrue(auditorsView.at("/items/0/text").isNull());
        JsonNode onCase = json(tasks(ADMIN, null, Map.of("trackingNo", f.no())));
        assertEquals(3, onCase.get("items").size());
        assertEquals("我的电话号码应为13911112223", onCase.at("/items/0/text").asText());
        JsonNode audit = json(staffGet(
                "/api/v1/admin/audit",
                "/api/v1/admin/audit",
                ADMIN,
                null,
                Map.of("event", "view-personal-data-requests")));
        assertEquals(f.no(), audit.at("/items/0/trackingNo").asText());

        // overdue after the due date
        setClock("2021-10-25T09:00");
        assertTrue(json(tasks(ADMIN, null, null)).at("/items/0/overdue").asBoolean());

        // answered: refused with a reason, once; the citizen reads it with their copy
        assertError(answer(f.no() + "-01", AUDITOR, "refused", "理由"), 403, "FORBIDDEN", "role");
        JsonNode refused = json(answer(f.no() + "-01", ADMIN, "refused", "经核实原号码13911112222无误，不予更正"));
        assertEquals("refused", refused.get("state").asText());
        assertError(answer(f.no() + "-01", ADMIN, "done", "已更正"), 409, "REQUEST_ANSWERED", "requestId");
        assertError(answer(f.no() + "-09", ADMIN, "done", "已更正"), 404, "NOT_FOUND", "requestId");
        JsonNode c = json(copy(f));
        assertEquals("refused", c.at("/requests/0/state").asText());
        assertEquals("经核实原号码13911112222无误，不予更正", c.at("/requests/0/answer").asText());
        assertEquals(3, json(tasks(ADMIN, null, null)).get("items").size(), "three open left");

        // a deletion granted on an open case is refused; once finished it erases at once
        String deletion = f.no() + "-02";
        assertError(answer(deletion, ADMIN, "done", "已删除"), 409, "ERASURE_NOT_ALLOWED", "outcome");
        act(f.no(), "accept");
        act(f.no(), "reply", "reply", "已处理。");
        act(f.no(), "resolve");
        assertEquals(
                "done",
                json(answer(deletion, ADMIN, "done", "已删除您的个人信息")).get("state").asText());
        CaseRecord gone = app.cases().find(f.no()).orElseThrow();
        assertTrue(gone.isPersonalErased());
        assertNull(gone.personal().submitter().phone());
        JsonNode requests = json(copy(f)).get("requests");
        assertTrue(requests.findValues("text").stream().allMatch(JsonNode::isNull));
        // the answers go too (the refused correction's named the phone), but the granted deletion's, which the
        // citizen reads now
        for (JsonNode request : requests) {
            String id = request.get("id").asText();
            if (id.equals(deletion))
                assertEquals("已删除您的个人信息", request.get("answer").asText());
            else assertTrue(request.get("answer").isNull(), id);
        }
        assertFalse(app.dataRequests().ofCase("gaocheng", f.no()).toString().contains("13911112222"));
        assertFalse(app.cases().find(other.no()).orElseThrow().isPersonalErased());
    }
}

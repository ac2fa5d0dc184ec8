package cn.banshi.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.FreeText;
import cn.banshi.cases.PendingNotice;
import cn.banshi.duplicates.SimilarCasesHandler;
import cn.banshi.json.Json;
import cn.banshi.overdue.OverdueSweep;
import cn.banshi.overdue.OverdueSweepHandler;
import cn.banshi.staff.StaffCasesHandler;
import cn.banshi.store.Tables;
import cn.banshi.tracking.TrackingHandler;
import cn.banshi.upkeep.DailyJobs;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 18, free text that staff mark as personal, through real events on dynalite: the clerk's text replaces the
 * citizen's everywhere it is shown (detail, list, export, tracking, similar cases, waiting messages, overdue alerts),
 * the citizen's words move into the sealed personal data (shown to staff who see personal data and in the citizen's
 * copy, never to auditors, erased with the rest), with a history entry and an audit entry that name the part only.
 */
class PersonalTextApiTest extends ApiTestSupport {
    static final String PHONE = "13955501234";
    static final String DESCRIPTION = "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理，请回电" + PHONE + "。";
    static final String REDACTED = "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理，请回电＊＊＊。";

    @BeforeEach
    void setUp() {
        setUpApp("2021-07-01T09:00");
    }

    record Filed(String no, String code) {}

    Filed file(String title, String description) {
        ObjectNode body = complaint().put("title", title).put("description", description);
        ((ObjectNode) body.get("submitter")).put("notify", "sms");
        JsonNode receipt = submitOnline("complaints", body);
        return new Filed(
                receipt.get("trackingNo").asText(), receipt.get("accessCode").asText());
    }

    long version(String no) {
        return app.cases().find(no).orElseThrow().version();
    }

    APIGatewayV2HTTPResponse mark(String no, String role, String village, ObjectNode body) {
        return call(
                new StaffCasesHandler(app),
                as(
                        Events.post(
                                "/api/v1/admin/cases/{trackingNo}/personal-text",
                                "/api/v1/admin/cases/" + no + "/personal-text",
                                Json.write(body)),
                        role,
                        village));
    }

    APIGatewayV2HTTPResponse mark(String no, String field, String text) {
        return mark(
                no,
                ADMIN,
                null,
                Json.object().put("field", field).put("text", text).put("expectedVersion", version(no)));
    }

    JsonNode detail(String no, String role, String village) {
        var r = staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, role, village, null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    JsonNode copy(Filed f) {
        var r = call(
                new PersonalDataHandler(app),
                Events.get("/api/v1/track/{trackingNo}/personal-data", "/api/v1/track/" + f.no() + "/personal-data")
                        .header("x-access-code", f.code()));
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    @Test
    void aClerksRedactedTextIsShownEverywhereAndTheCitizensWordsOnlyWherePersonalDataIs() {
        Filed f = file("河道有垃圾", DESCRIPTION);
        Filed other = file("河道垃圾无人清理", "梅家渎村东侧河道漂浮大量生活垃圾，无人清理，气味很大。");
        JsonNode statsBefore = json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, null));
        assertEquals(
                List.of("title", "description"),
                list(detail(f.no(), VILLAGE, "meijiadu").get("markableTexts")),
                "the village's clerk may mark them");
        assertEquals(List.of(), list(detail(f.no(), AUDITOR, null).get("markableTexts")), "auditors may not");

        long before = version(f.no());
        var marked = mark(
                f.no(),
                VILLAGE,
                "meijiadu",
                Json.object().put("field", "description").put("text", REDACTED).put("expectedVersion", before));
        assertEquals(200, marked.getStatusCode(), marked.getBody());
        JsonNode view = json(marked);
        assertEquals(REDACTED, view.get("description").asText());
        assertEquals(before + 1, view.get("version").asLong());
        assertEquals(DESCRIPTION, view.at("/personal/markedTexts/description").asText());
        JsonNode last = view.get("history").get(view.get("history").size() - 1);
        assertEquals("mark-personal-text", last.get("action").asText());
        assertEquals("submitted", last.get("from").asText());
        assertEquals("submitted", last.get("to").asText());
        assertTrue(last.get("publicNote").isNull());
        assertFalse(last.toString().contains(PHONE), "the history names the part only");

        // staff who see personal data see the words (the view audited as before); auditors do not
        assertEquals(
                DESCRIPTION,
                detail(f.no(), ADMIN, null)
                        .at("/personal/markedTexts/description")
                        .asText());
        JsonNode audited = detail(f.no(), AUDITOR, null);
        assertFalse(audited.toString().contains(PHONE), audited.toString());
        assertEquals(REDACTED, audited.get("description").asText());

        // the audit log: the mark, with the part and without the text
        JsonNode audit = json(staffGet(
                "/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, Map.of("event", "mark-personal-text")));
        assertEquals(f.no(), audit.at("/items/0/trackingNo").asText());
        assertEquals("description", audit.at("/items/0/detail").asText());
        assertEquals("village-staff", audit.at("/items/0/role").asText());

        // the table: the visible copy is redacted, the words are in the sealed personal attribute
        Map<String, AttributeValue> raw = dynamo.getItem(
                        b -> b.tableName(Tables.physical(Tables.CASES)).key(Map.of("pk", AttributeValue.fromS(f.no()))))
                .item();
        assertEquals(REDACTED, raw.get("description").s());
        assertTrue(raw.get("personal").b() != null, "sealed");
        assertFalse(raw.toString().contains(PHONE), "no plaintext copy of the phone in the item");

        // the citizen's copy: the case as it shows, and their own words
        JsonNode c = copy(f);
        assertEquals(REDACTED, c.get("description").asText());
        assertEquals(DESCRIPTION, c.at("/personal/markedTexts/description").asText());

        // the public side: tracking and similar-case suggestions
        var tracked = call(
                new TrackingHandler(app),
                Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + f.no())
                        .header("x-access-code", f.code()));
        assertFalse(tracked.getBody().contains(PHONE));
        var similar = call(
                new SimilarCasesHandler(app),
                as(
                        Events.get(
                                "/api/v1/admin/cases/{trackingNo}/similar",
                                "/api/v1/admin/cases/" + other.no() + "/similar"),
                        ADMIN,
                        null));
        assertEquals(200, similar.getStatusCode(), similar.getBody());
        assertTrue(similar.getBody().contains(f.no()), "still found as similar: " + similar.getBody());
        assertFalse(similar.getBody().contains(PHONE));

        // counts do not change: the year's figures are the same
        JsonNode statsAfter = json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, null));
        assertEquals(statsBefore, statsAfter);
    }

    @Test
    void aMarkedTitleReachesTheListTheExportTheWaitingMessagesAndTheOverdueAlert() {
        String title = "河道垃圾 王小明" + PHONE;
        String redacted = "河道垃圾 王＊＊＊";
        Filed f = file(title, "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。");
        assertTrue(
                app.cases().find(f.no()).orElseThrow().outbox().stream()
                        .anyMatch(n -> title.equals(n.params().get("title"))),
                "the receipt waits for the dispatcher with the title");
        // overdue: the sweep raises an alert that copies the title
        at("2021-09-01T08:00");
        new OverdueSweepHandler(app, Set.of("gaocheng")).handleRequest(Map.of(), null);
        JsonNode alerts = json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", ADMIN, null, null));
        assertTrue(alerts.toString().contains(PHONE), "the alert copied the title");

        var marked = mark(f.no(), "title", redacted);
        assertEquals(200, marked.getStatusCode(), marked.getBody());
        CaseRecord stored = app.cases().find(f.no()).orElseThrow();
        assertEquals(redacted, stored.title());
        assertEquals(title, stored.personal().markedTexts().get(FreeText.TITLE));
        for (PendingNotice n : stored.outbox()) {
            assertFalse(n.params().toString().contains(PHONE), n.id());
        }
        JsonNode list = json(staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, null));
        assertTrue(list.toString().contains(redacted) && !list.toString().contains(PHONE), list.toString());
        var csv = staffGet("/api/v1/admin/cases/export", "/api/v1/admin/cases/export", ADMIN, null, null);
        assertTrue(csv.getBody().contains(redacted) && !csv.getBody().contains(PHONE), csv.getBody());
        JsonNode retitled = json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", ADMIN, null, null));
        assertFalse(retitled.toString().contains(PHONE), retitled.toString());
        assertTrue(retitled.toString().contains(redacted));

        // marked again (a name left over): the text shown changes, the words kept stay the citizen's
        assertEquals(200, mark(f.no(), "title", "河道垃圾 ＊＊＊").getStatusCode());
        CaseRecord twice = app.cases().find(f.no()).orElseThrow();
        assertEquals("河道垃圾 ＊＊＊", twice.title());
        assertEquals(title, twice.personal().markedTexts().get(FreeText.TITLE));
    }

    @Test
    void aTitleMarkedWhileTheSweepRaisesItsAlertStillReachesTheAlert() {
        String title = "河道垃圾 王小明" + PHONE;
        String redacted = "河道垃圾 王＊＊＊";
        Filed f = file(title, "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。");
        at("2021-09-01T08:00");
        // the sweep has read the case (old title); a town admin marks the title before the sweep writes anything (no
        // alert yet to retitle)
        CaseStore real = app.unopenedCases();
        boolean[] done = {false};
        CaseStore racing = (CaseStore) Proxy.newProxyInstance(
                CaseStore.class.getClassLoader(), new Class<?>[] {CaseStore.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("forEachOpenDueBefore") && !done[0]) {
                        done[0] = true;
                        assertEquals(200, mark(f.no(), "title", redacted).getStatusCode());
                    }
                    return result;
                });
        new OverdueSweep(dynamo, racing, clock, app.recompute()).sweep("gaocheng");
        assertTrue(done[0], "the sweep met the mark");
        JsonNode alerts = json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", ADMIN, null, null));
        assertTrue(alerts.toString().contains(redacted), alerts.toString());
        assertFalse(alerts.toString().contains(PHONE), "the alert carries the title as it is now");
    }

    @Test
    void aMarkedDescriptionChangesNoWaitingMessage() {
        // the citizen typed the same words as title and description
        Filed f = file("村口路灯已坏两周夜间出行不便", "村口路灯已坏两周夜间出行不便");
        List<PendingNotice> before = app.cases().find(f.no()).orElseThrow().outbox();
        assertFalse(before.isEmpty(), "the receipt waits for the dispatcher");
        // the description's words were once replaced wherever a message's parameter held them: here, its title
        var marked = mark(f.no(), "description", "村口路灯已坏两周，＊＊＊");
        assertEquals(200, marked.getStatusCode(), marked.getBody());
        assertEquals(before, app.cases().find(f.no()).orElseThrow().outbox(), "only a title mark retitles messages");
    }

    @Test
    void badMarksAreRefusedWithTheirCodesAndStoreNothing() {
        Filed f = file("河道有垃圾", DESCRIPTION);
        long v = version(f.no());
        assertError(mark(f.no(), "status", "x"), 400, "INVALID_VALUE", "field");
        assertError(mark(f.no(), "ratingComment", "＊＊＊"), 400, "INVALID_VALUE", "field");
        assertError(mark(f.no(), "description", "   "), 400, "REQUIRED", "text");
        assertError(mark(f.no(), "description", DESCRIPTION + "，另外还有一件事要反映给政府部门处理一下，谢谢"), 400, "TOO_LONG", "text");
        assertError(mark(f.no(), "description", DESCRIPTION), 422, "TEXT_UNCHANGED", "text");
        assertError(mark(f.no(), "title", "河道\n有垃圾"), 400, "INVALID_FORMAT", "text");
        assertError(
                mark(
                        f.no(),
                        ADMIN,
                        null,
                        Json.object()
                                .put("field", "description")
                                .put("text", REDACTED)
                                .put("expectedVersion", v)
                                .put("note", "电话")),
                400,
                "UNKNOWN_FIELD",
                "note");
        assertError(
                mark(
                        f.no(),
                        AUDITOR,
                        null,
                        Json.object()
                                .put("field", "description")
                                .put("text", REDACTED)
                                .put("expectedVersion", v)),
                403,
                "FORBIDDEN",
                "role");
        assertError(
                mark(
                        f.no(),
                        VILLAGE,
                        "hongxing",
                        Json.object()
                                .put("field", "description")
                                .put("text", REDACTED)
                                .put("expectedVersion", v)),
                404,
                "NOT_FOUND",
                "trackingNo");
        assertEquals(v, version(f.no()), "nothing stored");
        act(f.no(), "accept");
        assertError(
                mark(
                        f.no(),
                        ADMIN,
                        null,
                        Json.object()
                                .put("field", "description")
                                .put("text", REDACTED)
                                .put("expectedVersion", v)),
                409,
                "VERSION_CONFLICT",
                "expectedVersion");
        assertEquals(200, mark(f.no(), "description", REDACTED).getStatusCode());
    }

    @Test
    void theErasureTakesTheCitizensWordsAndAnErasedCaseIsNotMarkedAgain() {
        Filed f = file("河道有垃圾", DESCRIPTION);
        act(f.no(), "accept");
        assertEquals(200, mark(f.no(), "description", REDACTED).getStatusCode());
        act(f.no(), "reply", "reply", "已安排保洁人员清理。");
        act(f.no(), "resolve");
        // the citizen rated with a phone in the comment: that can be marked too
        var rated = call(
                new TrackingHandler(app),
                Events.post(
                                "/api/v1/track/{trackingNo}/rating",
                                "/api/v1/track/" + f.no() + "/rating",
                                Json.write(Json.object().put("score", 5).put("comment", "很满意，有事打" + PHONE)))
                        .header("x-access-code", f.code()));
        assertEquals(200, rated.getStatusCode(), rated.getBody());
        assertEquals(
                List.of("title", "description", "ratingComment"),
                list(detail(f.no(), ADMIN, null).get("markableTexts")));
        JsonNode view = json(mark(f.no(), "ratingComment", "很满意，有事打＊＊＊"));
        assertEquals("很满意，有事打＊＊＊", view.at("/rating/comment").asText());
        assertEquals(5, view.at("/rating/score").asInt());
        assertEquals(
                "很满意，有事打" + PHONE,
                view.at("/personal/markedTexts/ratingComment").asText());

        // retention passes (3 years for complaints): the daily upkeep erases the words with the rest
        at("2024-07-02T08:30");
        DailyJobs.run(app, Set.of("gaocheng"));
        CaseRecord erased = app.cases().find(f.no()).orElseThrow();
        assertTrue(erased.isPersonalErased());
        assertEquals(Map.of(), erased.personal().markedTexts());
        assertEquals(REDACTED, erased.description(), "the redacted text stays for the reports");
        JsonNode shown = detail(f.no(), ADMIN, null);
        assertFalse(shown.toString().contains(PHONE), shown.toString());
        assertEquals(List.of(), list(shown.get("markableTexts")));
        assertError(mark(f.no(), "title", "河道＊＊＊"), 409, "PERSONAL_DATA_ERASED", "trackingNo");
    }
}

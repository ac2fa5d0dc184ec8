package cn.banshi.reports.drafts;

import static cn.banshi.api.ApiTestSupport.ADMIN;
import static cn.banshi.api.ApiTestSupport.AUDITOR;
import static cn.banshi.api.ApiTestSupport.VILLAGE;
import static cn.banshi.api.ApiTestSupport.as;
import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static cn.banshi.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.AppContext;
import cn.banshi.api.Events;
import cn.banshi.digest.Sha256;
import cn.banshi.json.Json;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.ReportMember;
import cn.banshi.reports.document.Doc;
import cn.banshi.staff.StaffCasesHandler;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import cn.banshi.upkeep.DailyJobs;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Drafts through the real handlers and events: the generated document is what a run stores (draft/doc.json),
 * written here with a figure that a "newer run" changes.
 */
class ReportDraftsApiTest {
    static final String DRAFT = "/api/v1/admin/report-drafts/{year}/{job}";
    static final String OGI = "/api/v1/admin/report-drafts/2021/ogi-annual";
    static final String PUBLIC = "/api/v1/towns/{town}/reports";
    static final String PUBLIC_FILE = "/api/v1/towns/{town}/reports/{year}/{job}/{version}/{file}";

    @TempDir
    Path data;

    private FileReportStore store;
    private MutableClock clock;
    private DynamoDbClient dynamo;
    private ReportDraftsHandler drafts;
    private PublishedReportsHandler published;

    @BeforeEach
    void setUp() {
        store = new FileReportStore(data.resolve("reports"));
        clock = MutableClock.at("2022-01-15T09:00");
        dynamo = LocalDynamo.freshTables();
        AppContext app = new AppContext(dynamo, clock, store);
        drafts = new ReportDraftsHandler(app);
        published = new PublishedReportsHandler(app);
    }

    /** What a run of the disclosure report stores: received {@code received} requests. */
    private void generate(int received) {
        Doc doc = new Doc("高塍镇2021年政府信息公开工作年度报告");
        doc.heading(1, "一、总体情况");
        doc.para("2021年，高塍镇认真贯彻落实《中华人民共和国政府信息公开条例》。");
        doc.para("全年新收政府信息公开申请" + received + "件，上年结转5件。");
        doc.heading(1, "二、收到和处理政府信息公开申请情况");
        doc.table(new Doc.Table(
                "表1 申请情况",
                List.of(3, 1),
                List.of(List.of(Doc.Cell.text("项目"), Doc.Cell.text("件数"))),
                List.of("项目", "件数"),
                List.of(List.of(Doc.Cell.label("新收", 0), Doc.Cell.number(received))),
                null));
        doc.heading(1, "三、存在的主要问题及改进情况");
        doc.para("主动公开的及时性有待提高。");
        doc.signature("高塍镇人民政府", LocalDate.of(2022, 1, 3));
        byte[] figures = ("{\"requests\":{\"new\":" + received + "}}").getBytes(StandardCharsets.UTF_8);
        store.putMember(
                "gaocheng",
                2021,
                ReportKind.OGI_ANNUAL,
                ReportMember.draftDocument(),
                new DraftSource(doc, LocalDate.of(2022, 1, 3), figures).toBytes());
    }

    private APIGatewayV2HTTPResponse get(String role) {
        return call(drafts, as(Events.get(DRAFT, OGI), role, role.equals(VILLAGE) ? "fucun" : null));
    }

    private JsonNode draft() {
        APIGatewayV2HTTPResponse r = get(ADMIN);
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    private APIGatewayV2HTTPResponse post(String what, ObjectNode body) {
        return call(drafts, as(Events.post(DRAFT + "/" + what, OGI + "/" + what, Json.write(body)), ADMIN, null));
    }

    private JsonNode change(long version, String action, String... pairs) {
        ObjectNode body = Json.object().put("version", version).put("action", action);
        for (int i = 0; i < pairs.length; i += 2) body.put(pairs[i], pairs[i + 1]);
        APIGatewayV2HTTPResponse r = post("changes", body);
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    private static JsonNode block(JsonNode draft, String id) {
        for (JsonNode b : draft.get("blocks")) if (b.get("id").asText().equals(id)) return b;
        return null;
    }

    private static List<String> ids(JsonNode draft) {
        List<String> ids = new ArrayList<>();
        draft.get("blocks").forEach(b -> ids.add(b.get("id").asText()));
        return ids;
    }

    private JsonNode approve(long version) {
        APIGatewayV2HTTPResponse r = post("approval", Json.object().put("version", version));
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    private APIGatewayV2HTTPResponse publish(ObjectNode body) {
        return post("publications", body);
    }

    private APIGatewayV2HTTPResponse publicFile(String href) {
        return call(published, Events.get(PUBLIC_FILE, href));
    }

    @Test
    @DisplayName(
            "blocks have ids from the document's structure; edits are stored with who and when, and a stale version is 409")
    void editsWithIdsAndOptimisticLocking() {
        assertError(get(ADMIN), 404, "NOT_FOUND", "job");
        generate(50);
        JsonNode d = draft();
        assertEquals(0, d.get("version").asInt());
        assertEquals(List.of("s1", "s1.p1", "s1.p2", "s2", "s2.t1", "s3", "s3.p1", "sig"), ids(d));
        assertEquals("全年新收政府信息公开申请50件，上年结转5件。", block(d, "s1.p2").get("text").asText());
        assertFalse(block(d, "s2.t1").get("editable").asBoolean());

        JsonNode edited = change(0, "edit", "id", "s3.p1", "text", "主动公开的及时性有待提高，原因是信息报送流程较长。");
        assertEquals(1, edited.get("version").asInt());
        JsonNode b = block(edited, "s3.p1");
        assertEquals("主动公开的及时性有待提高，原因是信息报送流程较长。", b.get("text").asText());
        assertTrue(b.get("edited").asBoolean());
        assertEquals("town-admin@gaocheng", b.get("editedBy").asText());
        assertEquals("2022-01-15T09:00:00+08:00", b.get("editedAt").asText());

        // the second editor still holds version 0
        APIGatewayV2HTTPResponse stale = post(
                "changes",
                Json.object()
                        .put("version", 0)
                        .put("action", "edit")
                        .put("id", "s1.p1")
                        .put("text", "另一稿"));
        assertError(stale, 409, "DRAFT_CHANGED", "version");
        assertEquals(1, json(stale).get("error").get("currentVersion").asInt());
        assertEquals(
                "2021年，高塍镇认真贯彻落实《中华人民共和国政府信息公开条例》。",
                block(draft(), "s1.p1").get("text").asText());

        // refusals: a table's text, an unknown block, a missing text, a field of another action, roles
        assertError(
                post(
                        "changes",
                        Json.object()
                                .put("version", 1)
                                .put("action", "edit")
                                .put("id", "s2.t1")
                                .put("text", "x")),
                422,
                "BLOCK_NOT_EDITABLE",
                "id");
        assertError(
                post(
                        "changes",
                        Json.object().put("version", 1).put("action", "remove").put("id", "sig")),
                422,
                "BLOCK_NOT_EDITABLE",
                "id");
        assertError(
                post(
                        "changes",
                        Json.object()
                                .put("version", 1)
                                .put("action", "edit")
                                .put("id", "s9.p9")
                                .put("text", "x")),
                404,
                "NOT_FOUND",
                "id");
        assertError(
                post(
                        "changes",
                        Json.object().put("version", 1).put("action", "edit").put("id", "s1.p1")),
                400,
                "REQUIRED",
                "text");
        assertError(
                post(
                        "changes",
                        Json.object()
                                .put("version", 1)
                                .put("action", "remove")
                                .put("id", "s1.p1")
                                .put("text", "x")),
                400,
                "NOT_ALLOWED",
                "text");
        assertError(
                post(
                        "changes",
                        Json.object().put("version", 1).put("action", "rewrite").put("id", "s1.p1")),
                400,
                "INVALID_VALUE",
                "action");
        assertEquals(200, get(AUDITOR).getStatusCode());
        assertError(get(VILLAGE), 403, "FORBIDDEN", "role");
        APIGatewayV2HTTPResponse byAuditor = call(
                drafts,
                as(
                        Events.post(
                                DRAFT + "/changes",
                                OGI + "/changes",
                                "{\"version\":1,\"action\":\"restore\",\"id\":\"s3.p1\"}"),
                        AUDITOR,
                        null));
        assertError(byAuditor, 403, "FORBIDDEN", "role");
    }

    @Test
    @DisplayName("added, moved and removed paragraphs keep their places when the report is regenerated")
    void addMoveRemoveSurviveRegeneration() {
        generate(50);
        JsonNode d = change(0, "add", "after", "s3.p1", "text", "下一步，镇政府将优化信息报送流程。");
        String added = ids(d).get(ids(d).indexOf("s3.p1") + 1);
        assertTrue(added.startsWith("n-"), added);
        assertTrue(block(d, added).get("added").asBoolean());
        d = change(1, "move", "id", "s1.p1", "after", "s1.p2");
        d = change(2, "remove", "id", "s2.t1");
        assertEquals(List.of("s1", "s1.p2", "s1.p1", "s2", "s3", "s3.p1", added, "sig"), ids(d));

        generate(51);
        d = draft();
        assertEquals(List.of("s1", "s1.p2", "s1.p1", "s2", "s3", "s3.p1", added, "sig"), ids(d));
        assertEquals("全年新收政府信息公开申请51件，上年结转5件。", block(d, "s1.p2").get("text").asText());
        assertEquals(0, d.get("flagged").asInt(), "unedited paragraphs simply follow the data");

        d = change(3, "add", "text", "（置顶说明）");
        assertEquals("（置顶说明）", d.get("blocks").get(0).get("text").asText());
        APIGatewayV2HTTPResponse heading = post(
                "changes",
                Json.object()
                        .put("version", 4)
                        .put("action", "add")
                        .put("after", "s3.p1")
                        .put("level", 2)
                        .put("text", "（一）整改措施"));
        assertEquals(200, heading.getStatusCode(), heading.getBody());
        JsonNode h = json(heading).get("blocks").get(ids(json(heading)).indexOf("s3.p1") + 1);
        assertEquals("heading", h.get("kind").asText());
        assertEquals(2, h.get("level").asInt());
    }

    @Test
    @DisplayName("regenerating keeps an edit and flags it when its figures changed; approval waits for the review")
    void regenerationFlagsChangedFigures() {
        generate(50);
        change(0, "edit", "id", "s1.p2", "text", "全年新收政府信息公开申请50件（含网上申请30件），上年结转5件。");
        change(1, "edit", "id", "s3.p1", "text", "主动公开的及时性仍有待提高。");
        generate(51);
        JsonNode d = draft();
        JsonNode b = block(d, "s1.p2");
        assertEquals("全年新收政府信息公开申请50件（含网上申请30件），上年结转5件。", b.get("text").asText(), "the edit stays");
        assertTrue(b.get("changed").asBoolean());
        assertEquals("全年新收政府信息公开申请51件，上年结转5件。", b.get("generated").asText());
        assertEquals("全年新收政府信息公开申请50件，上年结转5件。", b.get("generatedBefore").asText());
        assertFalse(block(d, "s3.p1").has("changed"), "its generated text did not change");
        assertEquals(1, d.get("flagged").asInt());
        assertError(post("approval", Json.object().put("version", 2)), 409, "DRAFT_FLAGGED", "version");

        d = change(2, "edit", "id", "s1.p2", "text", "全年新收政府信息公开申请51件（含网上申请31件），上年结转5件。");
        assertEquals(0, d.get("flagged").asInt());
        assertTrue(approve(3).get("approved").asBoolean());
        // a change after the approval, or a new run, needs a new approval
        change(4, "restore", "id", "s3.p1");
        assertError(publish(Json.object().put("version", 5)), 409, "DRAFT_NOT_APPROVED", "version");
        approve(5);
        generate(52);
        assertFalse(draft().get("approved").asBoolean());
        assertError(publish(Json.object().put("version", 6)), 409, "DRAFT_NOT_APPROVED", "version");
    }

    @Test
    @DisplayName("publishing freezes the files with hashes on the public page; a correction is version 2 and keeps 1")
    void publishAndCorrect() {
        generate(50);
        change(0, "edit", "id", "s3.p1", "text", "主动公开的及时性有待提高，原因是信息报送流程较长。");
        approve(1);
        assertError(publish(Json.object().put("version", 2).put("correction", "x")), 400, "NOT_ALLOWED", "correction");
        APIGatewayV2HTTPResponse r = publish(Json.object().put("version", 2));
        assertEquals(201, r.getStatusCode(), r.getBody());
        JsonNode v1 = json(r);
        assertEquals(1, v1.get("version").asInt());
        assertEquals("2022-01-15", v1.get("signingDate").asText(), "the publication day, inside the window");
        assertEquals(4, v1.get("files").size());
        String html1 = v1.get("files").get(2).get("href").asText();
        assertEquals("/api/v1/towns/gaocheng/reports/2021/ogi-annual/1/report.html", html1);
        assertEquals(html1, r.getHeaders().get("location"));

        APIGatewayV2HTTPResponse page = publicFile(html1);
        assertEquals(200, page.getStatusCode(), page.getBody());
        byte[] bytes = Base64.getDecoder().decode(page.getBody());
        assertEquals(v1.get("files").get(2).get("sha256").asText(), Sha256.hex(bytes));
        String html = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(html.contains("原因是信息报送流程较长"), "the edit is published");
        assertTrue(html.contains("2022年1月15日"), "signed on the publication day");
        assertTrue(html.contains("<th scope=\"col\">件数</th>") && html.contains("<th scope=\"row\">新收</th>"), html);
        assertTrue(page.getHeaders().get("content-disposition").startsWith("inline"));

        // publishing again needs a new approval; the correction must say what it corrects
        assertError(publish(Json.object().put("version", 3)), 409, "DRAFT_NOT_APPROVED", "version");
        change(3, "edit", "id", "s1.p2", "text", "全年新收政府信息公开申请50件，上年结转5件，办结52件。");
        approve(4);
        assertError(publish(Json.object().put("version", 5)), 400, "REQUIRED", "correction");
        clock.advance(Duration.ofDays(1));
        r = publish(Json.object().put("version", 5).put("correction", "补充办结件数"));
        assertEquals(201, r.getStatusCode(), r.getBody());
        JsonNode v2 = json(r);
        assertEquals(2, v2.get("version").asInt());
        assertEquals("补充办结件数", v2.get("correction").asText());
        String html2 = new String(
                Base64.getDecoder()
                        .decode(publicFile(v2.get("files").get(2).get("href").asText())
                                .getBody()),
                StandardCharsets.UTF_8);
        assertTrue(html2.contains("本报告为第2版") && html2.contains("补充办结件数") && html2.contains("办结52件"));

        // version 1 is unchanged, both are listed publicly (without who published them)
        byte[] again = Base64.getDecoder().decode(publicFile(html1).getBody());
        assertEquals(Sha256.hex(bytes), Sha256.hex(again));
        JsonNode list = json(call(published, Events.get(PUBLIC, "/api/v1/towns/gaocheng/reports")));
        assertEquals(2, list.get("reports").size());
        assertEquals(
                Set.of(1, 2),
                Set.of(
                        list.get("reports").get(0).get("version").asInt(),
                        list.get("reports").get(1).get("version").asInt()));
        assertFalse(list.get("reports").get(0).has("publishedBy"));
        assertEquals(2, draft().get("publications").size());
        String docx = v1.get("files").get(3).get("href").asText();
        APIGatewayV2HTTPResponse word = publicFile(docx);
        assertTrue(word.getHeaders().get("content-disposition").startsWith("attachment"));
        assertNotEquals(0, Base64.getDecoder().decode(word.getBody()).length);
        assertError(
                publicFile("/api/v1/towns/gaocheng/reports/2021/ogi-annual/3/report.html"),
                404,
                "NOT_FOUND",
                "version");
        assertError(call(published, Events.get(PUBLIC, "/api/v1/towns/nowhere/reports")), 404, "UNKNOWN_TOWN", "town");
    }

    @Test
    @DisplayName(
            "the signing date defaults to the publication day inside the window; outside it one is entered and checked")
    void signingDateWindow() {
        generate(50);
        approve(0);
        clock.set(MutableClock.at("2022-02-01T09:00").instant()); // the day after the disclosure report's deadline
        assertError(publish(Json.object().put("version", 1)), 400, "SIGNING_DATE_REQUIRED", "signingDate");
        assertError(
                publish(Json.object().put("version", 1).put("signingDate", "2022-02-02")),
                400,
                "OUT_OF_RANGE",
                "signingDate");
        assertError(
                publish(Json.object().put("version", 1).put("signingDate", "2021-12-31")),
                400,
                "OUT_OF_RANGE",
                "signingDate");
        assertError(
                publish(Json.object().put("version", 1).put("signingDate", "2022-13-01")),
                400,
                "INVALID_FORMAT",
                "signingDate");
        APIGatewayV2HTTPResponse r = publish(Json.object().put("version", 1).put("signingDate", "2022-01-28"));
        assertEquals(201, r.getStatusCode(), r.getBody());
        assertEquals("2022-01-28", json(r).get("signingDate").asText());
    }

    @Test
    @DisplayName("from 20 January the sweep raises one alert while last year's disclosure report is unpublished")
    void reminderFrom20January() {
        DailyJobs sweep = new DailyJobs(new AppContext(dynamo, clock, store), Set.of("gaocheng"));
        StaffCasesHandler staff = new StaffCasesHandler(new AppContext(dynamo, clock, store));
        clock.set(MutableClock.at("2022-01-19T23:59").instant());
        sweep.run();
        assertEquals(0, reportAlerts(staff).size(), "19 January: not yet");
        clock.set(MutableClock.at("2022-01-20T00:30").instant());
        sweep.run();
        sweep.run();
        List<JsonNode> alerts = reportAlerts(staff);
        assertEquals(1, alerts.size(), "once");
        assertEquals("2022-01-31", alerts.get(0).get("dueDate").asText());
        assertEquals(
                "2021年政府信息公开工作年度报告尚未发布（应于1月31日前发布）", alerts.get(0).get("title").asText());

        generate(50);
        approve(0);
        assertEquals(201, publish(Json.object().put("version", 1)).getStatusCode());
        assertEquals(0, reportAlerts(staff).size(), "publishing withdraws it");
        clock.set(MutableClock.at("2022-01-21T00:30").instant());
        sweep.run();
        assertEquals(0, reportAlerts(staff).size(), "published: no new alert");
    }

    @Test
    @DisplayName("a year boundary: on 31 December and 1 January nothing is due; 31 March is the last day looked at")
    void reminderAtTheYearBoundary() {
        DailyJobs sweep = new DailyJobs(new AppContext(dynamo, clock, store), Set.of("gaocheng"));
        StaffCasesHandler staff = new StaffCasesHandler(new AppContext(dynamo, clock, store));
        for (String at : List.of("2021-12-31T23:59", "2022-01-01T00:00")) {
            clock.set(MutableClock.at(at).instant());
            sweep.run();
            assertEquals(0, reportAlerts(staff).size(), at);
        }
        clock.set(MutableClock.at("2022-04-01T00:30").instant());
        sweep.run();
        assertEquals(0, reportAlerts(staff).size(), "1 April: no longer looked for");
        clock.set(MutableClock.at("2022-03-31T00:30").instant());
        sweep.run();
        assertEquals(1, reportAlerts(staff).size(), "31 March: still");
    }

    private static List<JsonNode> reportAlerts(StaffCasesHandler staff) {
        JsonNode body = json(call(staff, as(Events.get("/api/v1/admin/alerts", "/api/v1/admin/alerts"), ADMIN, null)));
        List<JsonNode> out = new ArrayList<>();
        body.get("items").forEach(a -> {
            if ("report".equals(a.path("type").asText())) out.add(a);
        });
        return out;
    }
}

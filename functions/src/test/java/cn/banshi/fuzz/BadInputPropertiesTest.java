package cn.banshi.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.AppContext;
import cn.banshi.api.Events;
import cn.banshi.api.Handlers;
import cn.banshi.attachments.BucketAccess;
import cn.banshi.auth.Role;
import cn.banshi.cases.CaseItems;
import cn.banshi.json.Json;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.ReportMember;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.drafts.DraftSource;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import cn.banshi.testkit.atrest.TablesAtRest;
import cn.banshi.testkit.logscan.OutputScan;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Bad input, generated: 10,500 requests across every public and staff route, built by mutating a valid request
 * (missing, extra and wrongly typed fields, control characters, huge and deeply nested values, numbers out of
 * range), by wrapping it badly (invalid UTF-8 in base64 bodies, replacement characters, UTF-16, truncation,
 * garbage, huge bodies, wrong content types) and by bending the envelope (huge headers, odd path parameters and
 * query strings, broken claims). Each goes through the Lambda runtime's event deserialisation to the real handler
 * on dynalite. The answer is never a 5xx; an error is always a 4xx in the error format; a request that is
 * invalid by construction always gets a 4xx; and no case is ever stored without a 201 receipt.
 */
class BadInputPropertiesTest {
    static final String SEED = "20261128";

    static DynamoDbClient dynamo;
    static AppContext app;
    static Map<String, ApiHandler> handlers = new HashMap<>();
    static String trackingNo;
    static String accessCode;
    /** Tracking numbers of every 201 receipt (a replay with the same Idempotency-Key answers the same one). */
    static final Set<String> receipts = ConcurrentHashMap.newKeySet();

    static final AtomicInteger requests = new AtomicInteger();
    static final AtomicInteger scans = new AtomicInteger();
    static final String SECRET = "not a report: 13912345678";
    static Path reportsDir;
    static String planItemId;
    static String activityId;

    enum Route {
        SUBMIT_COMPLAINT("POST", "/api/v1/towns/{town}/complaints", false),
        SUBMIT_INFO_REQUEST("POST", "/api/v1/towns/{town}/info-requests", false),
        TRACK("GET", "/api/v1/track/{trackingNo}", false),
        RATE("POST", "/api/v1/track/{trackingNo}/rating", false),
        PD_COPY("GET", "/api/v1/track/{trackingNo}/personal-data", false),
        PD_REQUEST("POST", "/api/v1/track/{trackingNo}/personal-data-requests", false),
        PD_LIST("GET", "/api/v1/admin/personal-data-requests", true),
        PD_ANSWER("POST", "/api/v1/admin/personal-data-requests/{requestId}/answer", true),
        CATALOG("GET", "/api/v1/towns/{town}/catalog", false),
        VERIFICATION_CODE("POST", "/api/v1/towns/{town}/verification-codes", false),
        HEALTH("GET", "/api/v1/health", false),
        SIMILAR("POST", "/api/v1/towns/{town}/similar-cases", false),
        FOLLOW("POST", "/api/v1/towns/{town}/cases/{trackingNo}/followers", false),
        STAFF_SIMILAR("GET", "/api/v1/admin/cases/{trackingNo}/similar", true),
        STAFF_COMPLAINT("POST", "/api/v1/admin/towns/{town}/complaints", true),
        STAFF_INFO_REQUEST("POST", "/api/v1/admin/towns/{town}/info-requests", true),
        LIST("GET", "/api/v1/admin/cases", true),
        EXPORT("GET", "/api/v1/admin/cases/export", true),
        DETAIL("GET", "/api/v1/admin/cases/{trackingNo}", true),
        ACT("POST", "/api/v1/admin/cases/{trackingNo}/actions", true),
        PERSONAL_TEXT("POST", "/api/v1/admin/cases/{trackingNo}/personal-text", true),
        STATS("GET", "/api/v1/admin/stats", true),
        AUDIT("GET", "/api/v1/admin/audit", true),
        ALERTS("GET", "/api/v1/admin/alerts", true),
        MESSAGES("GET", "/api/v1/admin/messages", true),
        CASE_MESSAGES("GET", "/api/v1/admin/cases/{trackingNo}/messages", true),
        SAME_PERSON("GET", "/api/v1/admin/cases/{trackingNo}/same-person", true),
        CALENDAR_PUT("PUT", "/api/v1/admin/calendar/{year}", true),
        CALENDAR_GET("GET", "/api/v1/admin/calendar/{year}", true),
        PLAN_CREATE("POST", "/api/v1/admin/plan-items", true),
        PLAN_LIST("GET", "/api/v1/admin/plan-items", true),
        PLAN_UPDATE("PUT", "/api/v1/admin/plan-items/{id}", true),
        PLAN_DELETE("DELETE", "/api/v1/admin/plan-items/{id}", true),
        ACTIVITY_CREATE("POST", "/api/v1/admin/activities", true),
        ACTIVITY_LIST("GET", "/api/v1/admin/activities", true),
        ACTIVITY_UPDATE("PUT", "/api/v1/admin/activities/{id}", true),
        ACTIVITY_DELETE("DELETE", "/api/v1/admin/activities/{id}", true),
        DISCLOSURE_PUT("PUT", "/api/v1/admin/disclosure-figures/{year}", true),
        DISCLOSURE_GET("GET", "/api/v1/admin/disclosure-figures/{year}", true),
        LEADERS_DUTY_PUT("PUT", "/api/v1/admin/leaders-duty/{year}", true),
        LEADERS_DUTY_GET("GET", "/api/v1/admin/leaders-duty/{year}", true),
        REPORTS_LIST("GET", "/api/v1/admin/reports", true),
        REPORT_DOWNLOAD("GET", "/api/v1/admin/reports/{year}/{job}/{file}", true),
        REPORT_START("POST", "/api/v1/admin/reports/{job}", true),
        DRAFT_GET("GET", "/api/v1/admin/report-drafts/{year}/{job}", true),
        DRAFT_CHANGE("POST", "/api/v1/admin/report-drafts/{year}/{job}/changes", true),
        DRAFT_APPROVE("POST", "/api/v1/admin/report-drafts/{year}/{job}/approval", true),
        DRAFT_PUBLISH("POST", "/api/v1/admin/report-drafts/{year}/{job}/publications", true),
        PUBLISHED_LIST("GET", "/api/v1/towns/{town}/reports", false),
        PUBLISHED_FILE("GET", "/api/v1/towns/{town}/reports/{year}/{job}/{version}/{file}", false),
        STAFF_LIST("GET", "/api/v1/admin/staff", true),
        STAFF_CREATE("POST", "/api/v1/admin/staff", true),
        STAFF_GET("GET", "/api/v1/admin/staff/{username}", true),
        STAFF_PUT("PUT", "/api/v1/admin/staff/{username}", true),
        STAFF_DISABLE("POST", "/api/v1/admin/staff/{username}/disable", true),
        STAFF_ENABLE("POST", "/api/v1/admin/staff/{username}/enable", true),
        STAFF_RESET("POST", "/api/v1/admin/staff/{username}/reset-password", true),
        UPLOAD_SLOT("POST", "/api/v1/towns/{town}/uploads", false),
        UPLOAD_STATE("GET", "/api/v1/towns/{town}/uploads/{uploadId}", false),
        PUBLIC_FILE("GET", "/api/v1/track/{trackingNo}/attachments/{uploadId}", false),
        STAFF_UPLOAD_SLOT("POST", "/api/v1/admin/cases/{trackingNo}/uploads", true),
        STAFF_UPLOAD_STATE("GET", "/api/v1/admin/cases/{trackingNo}/uploads/{uploadId}", true),
        STAFF_FILE("GET", "/api/v1/admin/cases/{trackingNo}/attachments/{uploadId}", true);

        final String method;
        final String template;
        final boolean staff;

        Route(String method, String template, boolean staff) {
            this.method = method;
            this.template = template;
            this.staff = staff;
        }

        String key() {
            return method + " " + template;
        }

        boolean hasBody() {
            return !method.equals("GET")
                    && !method.equals("DELETE")
                    && this != STAFF_DISABLE
                    && this != STAFF_ENABLE
                    && this != STAFF_RESET;
        }

        boolean createsCases() {
            return this == SUBMIT_COMPLAINT
                    || this == SUBMIT_INFO_REQUEST
                    || this == STAFF_COMPLAINT
                    || this == STAFF_INFO_REQUEST;
        }

        ObjectNode validBody() {
            return switch (this) {
                case SUBMIT_COMPLAINT -> ApiTestSupport.complaint();
                case SUBMIT_INFO_REQUEST -> ApiTestSupport.infoRequest();
                case STAFF_COMPLAINT ->
                    ApiTestSupport.complaint().put("receivedOn", "2021-05-31").put("channel", "phone");
                case STAFF_INFO_REQUEST ->
                    ApiTestSupport.infoRequest().put("receivedOn", "2021-05-31").put("channel", "post");
                case RATE -> Json.object().put("score", 5).put("comment", "办得很快");
                case PD_REQUEST -> Json.object().put("kind", "correction").put("text", "电话号码有误");
                case PD_ANSWER -> Json.object().put("outcome", "refused").put("answer", "经核实无误");
                case VERIFICATION_CODE -> Json.object().put("phone", "13912345678");
                case SIMILAR ->
                    Json.object()
                            .put("category", "environment")
                            .put("village", "meijiadu")
                            .put("text", "梅家渎村东侧河道漂浮大量生活垃圾");
                case FOLLOW -> Json.object().put("phone", "13700001111");
                case ACT ->
                    Json.object()
                            .put("action", "accept")
                            .put("expectedVersion", 1)
                            .put("note", "受理");
                case PERSONAL_TEXT ->
                    Json.object()
                            .put("field", "description")
                            .put("text", "河道里有垃圾，请联系＊＊＊")
                            .put("expectedVersion", 1);
                case PLAN_CREATE, PLAN_UPDATE ->
                    object("{\"title\":\"推广办塍事小程序\",\"owner\":\"综治办\",\"targetDate\":\"2022-12-31\"}");
                case ACTIVITY_CREATE, ACTIVITY_UPDATE ->
                    object("{\"date\":\"2021-05-04\",\"theme\":\"legal-education\","
                            + "\"title\":\"举办首届滆南法治集市文艺汇演\",\"place\":\"高塍镇文化广场\"}");
                case DISCLOSURE_PUT ->
                    object(
                            "{\"proactive\":{\"rules\":{\"issued\":0,\"repealed\":0,\"inForce\":0},"
                                    + "\"normativeDocuments\":{\"issued\":4,\"repealed\":1,\"inForce\":17},\"licensing\":126,\"penalties\":38,"
                                    + "\"enforcement\":2,\"feeAmount\":12.35},\"reviewLitigation\":{\"review\":{\"upheld\":1,\"corrected\":0,"
                                    + "\"other\":0,\"pending\":1},\"litigationDirect\":{\"upheld\":0,\"corrected\":0,\"other\":1,\"pending\":0,"
                                    + "\"total\":1},\"litigationAfterReview\":{\"upheld\":0,\"corrected\":0,\"other\":0,\"pending\":0}}}");
                case LEADERS_DUTY_PUT ->
                    object(
                            "{\"leaders\":[{\"post\":\"镇党委书记\",\"name\":\"王建华\"}],\"meetings\":[{\"date\":\"2021-05-06\","
                                    + "\"title\":\"召开全面依法治镇委员会第一次会议\"}]}");
                case REPORT_START -> Json.object(); // takes no body; {} is accepted, anything in it refused
                case DRAFT_CHANGE ->
                    object("{\"version\":0,\"action\":\"edit\",\"id\":\"s1.p1\",\"text\":\"全年新收申请50件。\"}");
                case DRAFT_APPROVE -> object("{\"version\":0}");
                case DRAFT_PUBLISH -> object("{\"version\":0,\"signingDate\":\"2021-05-31\"}");
                case STAFF_CREATE ->
                    object("{\"username\":\"fuzz.clerk\",\"role\":\"village-staff\",\"village\":\"meijiadu\","
                            + "\"displayName\":\"王丽\",\"phone\":\"13912345678\",\"email\":\"w@example.gov.cn\"}");
                case STAFF_PUT ->
                    object("{\"role\":\"village-staff\",\"village\":\"hongxing\",\"displayName\":\"王丽\"}");
                case UPLOAD_SLOT ->
                    Json.object()
                            .put("purpose", "photo-or-pdf")
                            .put("contentType", "image/jpeg")
                            .put("size", 1000);
                case STAFF_UPLOAD_SLOT ->
                    Json.object().put("contentType", "application/pdf").put("size", 1000);
                case CALENDAR_PUT ->
                    object("{\"notice\":\"国办发明电〔2026〕1号\",\"daysOff\":[\"2027-01-01\"]," + "\"makeUpWorkdays\":[]}");
                default -> null;
            };
        }
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) Json.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the body travels: as API Gateway passes text, or base64 for binary, and the ways that goes wrong. */
    enum Envelope {
        TEXT,
        BASE64,
        INVALID_UTF8,
        REPLACEMENT_CHAR,
        UTF16,
        TRUNCATED,
        GARBAGE,
        EMPTY,
        HUGE,
        DEEP,
        NOT_AN_OBJECT,
        BOM
    }

    enum Op {
        DROP,
        ADD_UNKNOWN,
        SET,
        SET_NESTED_UNKNOWN
    }

    record Mutation(Op op, int where, String rawJson) {}

    enum Who {
        ADMIN,
        VILLAGE,
        AUDITOR,
        OTHER_TOWN,
        NONE,
        UNKNOWN_ROLE,
        VILLAGE_WITHOUT_VILLAGE
    }

    record Req(
            Route route,
            Envelope envelope,
            List<Mutation> mutations,
            String contentType,
            Map<String, String> headers,
            Map<String, String> pathOverrides,
            Map<String, String> query,
            Who who) {}

    /** Each property on its own fresh tables, so that the cases one property files do not slow the next. */
    int outputMark;

    int atRestMark;

    @BeforeProperty
    void setUp() throws Exception {
        OutputScan.currentTest("BadInputPropertiesTest (a jqwik property)");
        outputMark = OutputScan.mark();
        TablesAtRest.currentTest("BadInputPropertiesTest (a jqwik property)");
        atRestMark = TablesAtRest.mark();
        receipts.clear();
        handlers.clear();
        dynamo = LocalDynamo.freshTables();
        scans.set(0);
        // the handlers' own client counts Scan calls: there must be none on any request path
        DynamoDbClient counted = LocalDynamo.client(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof ScanRequest) scans.incrementAndGet();
                    }
                }));
        reportsDir = Files.createTempDirectory("banshi-fuzz-reports");
        FileReportStore store = new FileReportStore(reportsDir.resolve("reports"));
        store.put(
                "gaocheng",
                2021,
                ReportKind.OGI_ANNUAL,
                ReportFormat.JSON,
                "{\"requests\":{}}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(reportsDir.resolve("secret.txt"), SECRET);
        // a draft to edit: what a run of the disclosure report stores beside its files
        Doc draft = new Doc("高塍镇2021年政府信息公开工作年度报告");
        draft.heading(1, "一、总体情况").para("全年新收申请49件。");
        draft.signature("高塍镇人民政府", LocalDate.of(2021, 6, 1));
        store.putMember(
                "gaocheng",
                2021,
                ReportKind.OGI_ANNUAL,
                ReportMember.draftDocument(),
                new DraftSource(draft, LocalDate.of(2021, 6, 1), "{}".getBytes(StandardCharsets.UTF_8)).toBytes());
        // report runs are handed to a runner that accepts them (in AWS: the report function, invoked asynchronously)
        app = new AppContext(counted, MutableClock.at("2021-06-01T09:00"), store, run -> {});
        // attachments: presigning needs no S3 server, and nothing here is uploaded (docs/attachments.md)
        app.useUploads(BucketAccess.local("fuzz-uploads", URI.create("http://127.0.0.1:9")), null);
        for (ApiHandler h : Handlers.create(app)) for (String key : h.routeKeys()) handlers.put(key, h);
        for (Route r : Route.values()) assertNotNull(handlers.get(r.key()), r.key());
        assertEquals(
                handlers.keySet(),
                Arrays.stream(Route.values()).map(Route::key).collect(Collectors.toSet()),
                "the suite covers every route");
        var receipt = ApiTestSupport.json(ApiTestSupport.call(
                handlers.get(Route.SUBMIT_COMPLAINT.key()),
                Events.post(
                        Route.SUBMIT_COMPLAINT.template,
                        "/api/v1/towns/gaocheng/complaints",
                        Json.write(ApiTestSupport.complaint()))));
        trackingNo = receipt.get("trackingNo").asText();
        // the account the staff routes work on
        app.staffManagement()
                .create(
                        "gaocheng",
                        "wang.li",
                        new StaffProfile(Role.VILLAGE_STAFF, "meijiadu", "王丽", null, null),
                        null);
        accessCode = receipt.get("accessCode").asText();
        receipts.add(trackingNo);
        planItemId = ApiTestSupport.json(ApiTestSupport.call(
                        handlers.get(Route.PLAN_CREATE.key()),
                        ApiTestSupport.as(
                                Events.post(
                                        Route.PLAN_CREATE.template,
                                        Route.PLAN_CREATE.template,
                                        Json.write(Route.PLAN_CREATE.validBody())),
                                ApiTestSupport.ADMIN,
                                null)))
                .get("id")
                .asText();
        activityId = ApiTestSupport.json(ApiTestSupport.call(
                        handlers.get(Route.ACTIVITY_CREATE.key()),
                        ApiTestSupport.as(
                                Events.post(
                                        Route.ACTIVITY_CREATE.template,
                                        Route.ACTIVITY_CREATE.template,
                                        Json.write(Route.ACTIVITY_CREATE.validBody())),
                                ApiTestSupport.ADMIN,
                                null)))
                .get("id")
                .asText();
    }

    // ---- properties: 10,500 requests in all ----

    @Property(tries = 2500, seed = SEED)
    void publicSubmissions(@ForAll("submissions") Req req) {
        check(req);
    }

    @Property(tries = 1500, seed = SEED)
    void staffSubmissions(@ForAll("staffSubmissionRequests") Req req) {
        check(req);
    }

    @Property(tries = 1500, seed = SEED)
    void trackingAndRating(@ForAll("tracking") Req req) {
        check(req);
    }

    @Property(tries = 2500, seed = SEED)
    void staffRoutes(@ForAll("staffDesk") Req req) {
        check(req);
    }

    @Property(tries = 1500, seed = SEED)
    void yearRecordsAndReports(@ForAll("townRecords") Req req) {
        check(req);
    }

    @Property(tries = 1000, seed = SEED)
    void anyRoute(@ForAll("everything") Req req) {
        check(req);
    }

    /** jqwik properties are not Jupiter tests, so the suite-wide log scan is checked here. */
    @AfterProperty
    void noPersonalDataLogged() {
        OutputScan.assertCleanSince(outputMark);
    }

    /** jqwik runs no Jupiter extension: the raw-table scan every Jupiter class gets, called here. */
    @AfterProperty
    void noPersonalDataAtRest() {
        TablesAtRest.assertCleanSince(atRestMark, Set.of());
    }

    @AfterProperty
    void noScanOnAnyRequestPath() {
        assertEquals(0, scans.get(), "Scan calls by the handlers");
    }

    @AfterProperty
    void noCaseWithoutAReceipt() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page =
                    dynamo.scan(b -> b.tableName(Tables.physical(Tables.CASES)).exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(receipts.size(), items.size(), "every stored case was answered 201, and every 201 stored one");
        for (Map<String, AttributeValue> item : items) {
            var c = CaseItems.fromItem(item); // complete: every attribute a case needs is there
            assertFalse(c.history().isEmpty());
            assertNotNull(c.accessHash());
        }
    }

    // ---- the check ----

    static void check(Req req) {
        requests.incrementAndGet();
        Events event = build(req);
        APIGatewayV2HTTPResponse response =
                ApiTestSupport.call(handlers.get(req.route().key()), event);
        int status = response.getStatusCode();
        String what = abbreviate(req.toString()) + " → " + status + " " + abbreviate(response.getBody());
        assertTrue(status < 500, "never a 5xx: " + what);
        assertTrue(
                status == 200
                        || status == 201
                        || status == 204
                        || (status >= 400 && status < 500)
                        || (status == 202
                                && (req.route() == Route.REPORT_START
                                        || req.route() == Route.VERIFICATION_CODE
                                        || req.route() == Route.FOLLOW)),
                "2xx or 4xx: " + what);
        if (status >= 400) assertErrorFormat(response, what);
        if (status == 204) assertTrue(req.route().method.equals("DELETE"), what);
        if (status == 201 && req.route().createsCases())
            receipts.add(ApiTestSupport.json(response).get("trackingNo").asText());
        if (status == 201) {
            assertTrue(
                    req.route().createsCases()
                            || req.route() == Route.PLAN_CREATE
                            || req.route() == Route.ACTIVITY_CREATE
                            || req.route() == Route.DRAFT_PUBLISH
                            || req.route() == Route.STAFF_CREATE
                            || req.route() == Route.PD_REQUEST
                            || req.route() == Route.UPLOAD_SLOT
                            || req.route() == Route.STAFF_UPLOAD_SLOT
                            || req.route() == Route.FOLLOW,
                    what);
        }
        if (invalidByConstruction(req)) assertTrue(status >= 400, "invalid by construction, must be refused: " + what);
        if (req.route() == Route.REPORT_DOWNLOAD && status == 200) {
            // only a stored report of a fixed job and file name, never anything else on disk
            String job = req.pathOverrides().getOrDefault("job", "ogi-annual");
            String file = req.pathOverrides().getOrDefault("file", "report.json");
            assertTrue(
                    ReportKind.find(job).isPresent()
                            && ReportFormat.byFileName(file).isPresent(),
                    what);
            assertFalse(String.valueOf(response.getBody()).contains("not a report"), what);
        }
    }

    static boolean invalidByConstruction(Req req) {
        Route r = req.route();
        if (r.staff
                && (req.who() == Who.NONE || req.who() == Who.UNKNOWN_ROLE || req.who() == Who.VILLAGE_WITHOUT_VILLAGE))
            return true;
        if (!r.hasBody()) return false;
        if (r == Route.REPORT_START && req.envelope() == Envelope.EMPTY) return false; // no body is its normal request
        if (req.envelope() != Envelope.TEXT && req.envelope() != Envelope.BASE64 && req.envelope() != Envelope.BOM)
            return true;
        if (req.contentType() == null || !req.contentType().toLowerCase().startsWith("application/json")) return true;
        return req.mutations().stream().anyMatch(m -> m.op() == Op.ADD_UNKNOWN || m.op() == Op.SET_NESTED_UNKNOWN);
    }

    static void assertErrorFormat(APIGatewayV2HTTPResponse response, String what) {
        assertTrue(response.getHeaders().get("content-type").startsWith("application/json"), what);
        JsonNode body;
        try {
            body = Json.parse(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("error body not JSON: " + what, e);
        }
        JsonNode error = body.get("error");
        if (error == null || !error.isObject()) fail("no error object: " + what);
        assertTrue(error.path("code").isTextual() && error.get("code").asText().matches("[A-Z_]+"), what);
        assertTrue(
                error.path("message")
                        .asText()
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "Chinese message: " + what);
        assertTrue(error.path("messageEn").asText().matches("(?s).*[A-Za-z].*"), what);
        assertTrue(
                error.has("field")
                        && (error.get("field").isNull() || error.get("field").isTextual()),
                what);
        if (response.getStatusCode() == 429) assertNotNull(response.getHeaders().get("retry-after"), what);
    }

    // ---- building the event ----

    static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    static final String PLACEHOLDER = "\u0001raw\u0001";

    static Events build(Req req) {
        Route r = req.route();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("town", "gaocheng");
        params.put("trackingNo", trackingNo);
        params.put("year", "2021");
        params.put("id", r.name().startsWith("PLAN") ? planItemId : activityId);
        params.put("job", "ogi-annual");
        params.put("file", "report.json");
        params.put("version", "1");
        params.put("username", "wang.li");
        params.put("requestId", trackingNo + "-01");
        params.put("uploadId", "0123456789abcdef0123456789abcdef");
        params.putAll(req.pathOverrides());
        Matcher m = PARAM.matcher(r.template);
        StringBuilder path = new StringBuilder();
        Map<String, String> used = new LinkedHashMap<>();
        while (m.find()) {
            m.appendReplacement(path, "P" + used.size());
            used.put(m.group(1), params.get(m.group(1)));
        }
        m.appendTail(path);
        // Events matches concrete paths against the template, so it gets simple values, then the real ones are set
        Events event = Events.request(r.method, r.template, path.toString().replaceAll("P(\\d)", "p$1"));
        event.pathParameters(used);
        if (r.hasBody()) {
            String text = bodyText(r.validBody(), req.mutations());
            applyEnvelope(event, req.envelope(), text);
        }
        event.header("content-type", req.contentType());
        event.header("x-access-code", accessCode);
        event.header("x-upload-draft", "fuzz-draft-0123456789");
        req.headers().forEach(event::header);
        if (!req.query().isEmpty()) event.query(req.query());
        switch (req.who()) {
            case ADMIN -> ApiTestSupport.as(event, ApiTestSupport.ADMIN, null);
            case VILLAGE -> ApiTestSupport.as(event, ApiTestSupport.VILLAGE, "meijiadu");
            case AUDITOR -> ApiTestSupport.as(event, ApiTestSupport.AUDITOR, null);
            case OTHER_TOWN -> event.claims("admin@dingshu", "dingshu", ApiTestSupport.ADMIN, null);
            case UNKNOWN_ROLE -> event.claims("root@gaocheng", "gaocheng", "root", null);
            case VILLAGE_WITHOUT_VILLAGE -> event.claims("v@gaocheng", "gaocheng", ApiTestSupport.VILLAGE, null);
            case NONE -> {}
        }
        return event;
    }

    static String bodyText(ObjectNode valid, List<Mutation> mutations) {
        ObjectNode body = valid.deepCopy();
        List<String> raws = new ArrayList<>();
        // fields added as unknown are added last, so that no later mutation removes them again
        List<Mutation> ordered = new ArrayList<>(mutations);
        ordered.sort(Comparator.comparing(m -> m.op() == Op.ADD_UNKNOWN || m.op() == Op.SET_NESTED_UNKNOWN));
        for (Mutation mutation : ordered) {
            List<JsonNode[]> slots = slots(body);
            JsonNode[] slot = slots.get(Math.floorMod(mutation.where(), slots.size()));
            JsonNode parent = slot[0];
            String name = slot[1].asText();
            switch (mutation.op()) {
                case DROP -> {
                    if (parent instanceof ObjectNode o) o.remove(name);
                    else ((ArrayNode) parent).remove(Integer.parseInt(name));
                }
                case SET -> {
                    raws.add(mutation.rawJson());
                    if (parent instanceof ObjectNode o) o.put(name, PLACEHOLDER);
                    else ((ArrayNode) parent).set(Integer.parseInt(name), TextNode.valueOf(PLACEHOLDER));
                }
                case ADD_UNKNOWN -> {
                    raws.add(mutation.rawJson());
                    body.put("zz" + Math.floorMod(mutation.where(), 1000), PLACEHOLDER);
                }
                case SET_NESTED_UNKNOWN -> {
                    raws.add(mutation.rawJson());
                    ObjectNode target = body;
                    for (JsonNode[] s : slots) {
                        if (s[0] instanceof ObjectNode o && o != body && Math.floorMod(mutation.where(), 2) == 0) {
                            target = o;
                            break;
                        }
                    }
                    target.put("extra", PLACEHOLDER);
                }
            }
        }
        String text = Json.write(body);
        for (String raw : raws)
            text = text.replaceFirst(Pattern.quote("\"" + PLACEHOLDER + "\""), Matcher.quoteReplacement(raw));
        return text;
    }

    /** Every (container, member) pair in the body: object fields and array elements, depth first. */
    static List<JsonNode[]> slots(JsonNode node) {
        List<JsonNode[]> out = new ArrayList<>();
        out.add(new JsonNode[] {node, TextNode.valueOf("zzroot")});
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode[]> out) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.add(new JsonNode[] {o, TextNode.valueOf(name)});
                collect(o.get(name), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new JsonNode[] {a, TextNode.valueOf(Integer.toString(i))});
                collect(a.get(i), out);
            }
        }
    }

    static void applyEnvelope(Events event, Envelope envelope, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        switch (envelope) {
            case TEXT -> event.body(text);
            case BASE64 -> event.binaryBody(utf8);
            case BOM -> event.body("\uFEFF" + text);
            case INVALID_UTF8 -> {
                byte[][] bad = {
                    {(byte) 0xC3, 0x28},
                    {(byte) 0xFF},
                    {(byte) 0x80},
                    {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xE6, (byte) 0xB2}
                };
                byte[] b = bad[Math.floorMod(text.length(), bad.length)];
                int at = Math.min(utf8.length, Math.max(0, text.indexOf("\":\"") + 3));
                byte[] out = new byte[utf8.length + b.length];
                System.arraycopy(utf8, 0, out, 0, at);
                System.arraycopy(b, 0, out, at, b.length);
                System.arraycopy(utf8, at, out, at + b.length, utf8.length - at);
                event.binaryBody(out);
            }
            case REPLACEMENT_CHAR ->
                event.body(text.replaceFirst("河", "\uFFFD")
                        .replaceFirst("公开", "\uFFFD\uFFFD")
                        .replaceFirst("\\{\"", "{\"\uFFFD"));
            case UTF16 -> event.binaryBody(text.getBytes(StandardCharsets.UTF_16));
            case TRUNCATED -> event.body(text.substring(0, text.length() / 2));
            case GARBAGE -> event.body("name=王小明&phone=13912345678<xml>" + text.hashCode());
            case EMPTY -> event.body("");
            case HUGE -> event.body(text.substring(0, text.length() - 1) + ",\"pad\":\"" + "填".repeat(30_000) + "\"}");
            case DEEP -> event.body("[".repeat(4000) + "]".repeat(4000));
            case NOT_AN_OBJECT ->
                event.body(List.of("[]", "1", "\"x\"", "null", "true", "[" + text + "]")
                        .get(Math.floorMod(text.length(), 6)));
        }
    }

    static String abbreviate(String s) {
        return s == null ? null : s.length() > 600 ? s.substring(0, 600) + "…(" + s.length() + " chars)" : s;
    }

    // ---- generators ----

    static Arbitrary<String> weirdStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMinLength(1)
                        .ofMaxLength(6),
                Arbitraries.strings()
                        .withChars("汉字办事\u202E\u200B\uFEFF\uD83D\uDE00 \t\r\n")
                        .ofMaxLength(30),
                Arbitraries.of(
                        "",
                        " ",
                        "\u0000",
                        "null",
                        "true",
                        "-1",
                        "0",
                        "1e400",
                        "../../etc/passwd",
                        "..%2F..%2Fetc",
                        "%00",
                        "=cmd|' /C calc'!A0",
                        "<script>alert(1)</script>",
                        "' OR '1'='1",
                        "\uD800",
                        "\uDFFF",
                        "13912345678",
                        "2021-02-30",
                        "9999-12-31",
                        "0000-00-00",
                        "gaocheng\u0000",
                        "GAOCHENG"),
                Arbitraries.integers().between(200, 70_000).map(n -> "长".repeat(n)));
    }

    /** Raw JSON values that replace or extend a field: wrong types, odd numbers, deep nesting, odd strings. */
    static Arbitrary<String> rawValues() {
        return Arbitraries.oneOf(
                weirdStrings().map(s -> Json.write(TextNode.valueOf(s))),
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-1",
                        "1",
                        "2147483648",
                        "-9223372036854775809",
                        "9223372036854775808",
                        "1e400",
                        "-1e400",
                        "1.5",
                        "-0",
                        "0.0000001",
                        "1E+309",
                        "123456789012345678901234567890",
                        "[]",
                        "{}",
                        "[null]",
                        "[\"a\",1,true]",
                        "{\"a\":{\"b\":{}}}",
                        "\"\"",
                        "[[[]]]"),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "0"),
                Arbitraries.integers().between(2, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(2, 1500).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    }

    static Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                        Arbitraries.of(Op.class), Arbitraries.integers().between(0, 10_000), rawValues())
                .as(Mutation::new);
    }

    static Arbitrary<List<Mutation>> mutationLists() {
        return mutations().list().ofMinSize(0).ofMaxSize(3);
    }

    static Arbitrary<Envelope> envelopes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just(Envelope.TEXT)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Envelope.BASE64)),
                net.jqwik.api.Tuple.of(10, Arbitraries.of(Envelope.class)));
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.of("application/json; charset=utf-8", "Application/JSON;charset=\"utf-8\"")),
                net.jqwik.api.Tuple.of(
                        4,
                        Arbitraries.of(
                                null,
                                "text/plain",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x",
                                "application/json; charset=latin1",
                                "application/jsonx",
                                "application/xml",
                                "",
                                "*/*",
                                "application/json\u0000",
                                "application/json; charset=utf-16",
                                "application/json;" + "a=b;".repeat(5000))));
    }

    static Arbitrary<Map<String, String>> headerSets(boolean submission) {
        Arbitrary<Map.Entry<String, String>> one = Arbitraries.oneOf(
                weirdStrings().map(v -> Map.entry("idempotency-key", v)),
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .ofMinLength(1)
                        .ofMaxLength(20)
                        .map(v -> Map.entry("idempotency-key", "k-" + v)),
                weirdStrings().map(v -> Map.entry("x-access-code", v)),
                Arbitraries.integers().between(8_000, 64_000).map(n -> Map.entry("x-fuzz", "h".repeat(n))),
                Arbitraries.integers().between(1_000, 20_000).map(n -> Map.entry("cookie", "a=" + "b".repeat(n))),
                weirdStrings().map(v -> Map.entry("content-length", v)),
                weirdStrings().map(v -> Map.entry("authorization", "Bearer " + v)));
        return one.list().ofMaxSize(submission ? 3 : 2).map(entries -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (var e : entries) m.put(e.getKey(), e.getValue());
            return m;
        });
    }

    static Arbitrary<Map<String, String>> pathOverrides() {
        Arbitrary<Map<String, String>> none = Arbitraries.just(Map.of());
        Arbitrary<Map<String, String>> some = Combinators.combine(
                        Arbitraries.of("town", "trackingNo", "year", "id", "job", "file", "username", "requestId"),
                        Arbitraries.oneOf(
                                        weirdStrings(),
                                        Arbitraries.of(
                                                "dingshu",
                                                "nowhere",
                                                "0000-0000-0000-0000",
                                                "7K3M9QXDT4W2H8PZ",
                                                "1999",
                                                "2101",
                                                "02021",
                                                "2021.0",
                                                "-2021",
                                                "%2e%2e",
                                                "..",
                                                "../secret.txt",
                                                "..%2F..%2Fsecret.txt",
                                                "report.md%00.docx",
                                                "report.JSON",
                                                "ogi-annual/../..",
                                                "rule-of-law-annual",
                                                "report.docx",
                                                "2021-0001"))
                                // API Gateway (and the local gateway) never match an empty {param} segment
                                .filter(v -> !v.isEmpty()))
                .as((k, v) -> Map.of(k, v));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, none), net.jqwik.api.Tuple.of(1, some));
    }

    static Arbitrary<Map<String, String>> queries() {
        Arbitrary<String> names = Arbitraries.of(
                "type",
                "status",
                "village",
                "category",
                "from",
                "to",
                "overdue",
                "dueBefore",
                "limit",
                "cursor",
                "year",
                "zz",
                "");
        Arbitrary<String> values = Arbitraries.oneOf(
                weirdStrings(),
                Arbitraries.of(
                        "complaint",
                        "submitted",
                        "meijiadu",
                        "environment",
                        "2021-01-01",
                        "2020-12-31",
                        "true",
                        "false",
                        "50",
                        "0",
                        "201",
                        "-5",
                        "2147483648",
                        "1e3",
                        "eyJpIjoiYnktdG93biIsImsiOnt9fQ",
                        "eyJpIjoiYnktdG93biIsImsiOnsidG93biI6ImRpbmdzaHUiLCJwayI6IngiLCJyZWNlaXZlZEtleSI6IngifX0",
                        "2021",
                        "1999",
                        "2100",
                        "02021"));
        values =
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, values), net.jqwik.api.Tuple.of(1, craftedCursors()));
        return Combinators.combine(names, values)
                .as(Map::entry)
                .list()
                .ofMaxSize(4)
                .map(entries -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (var e : entries) m.put(e.getKey(), e.getValue());
                    return m;
                });
    }

    /** Cursors shaped like the list's own (index, partition, keys) or the audit log's, with odd key values. */
    static Arbitrary<String> craftedCursors() {
        Arbitrary<String> key = Arbitraries.oneOf(
                weirdStrings(),
                Arbitraries.of(
                        "2021-06-01T09:00:00+08:00#X",
                        "0",
                        "9",
                        "2020-01-01",
                        "2099-01-01T00:00:00+08:00#Z",
                        "2021-06-01#X"));
        Arbitrary<String> listCursor = Combinators.combine(
                        Arbitraries.of("by-town", "by-village", "by-type", "by-status", "open-by-due"), key, key)
                .as((index, pk, sk) -> {
                    ObjectNode node = Json.object().put("i", index);
                    ObjectNode k = node.putObject("k");
                    k.put("pk", pk);
                    switch (index) {
                        case "by-village" ->
                            k.put("townVillage", "gaocheng#meijiadu").put("receivedKey", sk);
                        case "by-type" ->
                            k.put("townType", "gaocheng#complaint").put("receivedKey", sk);
                        case "by-status" ->
                            k.put("townStatus", "gaocheng#submitted").put("receivedKey", sk);
                        case "open-by-due" -> k.put("openTown", "gaocheng").put("dueKey", sk);
                        default -> k.put("town", "gaocheng").put("receivedKey", sk);
                    }
                    return Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
                });
        Arbitrary<String> auditCursor = key.map(
                sk -> Base64.getUrlEncoder().withoutPadding().encodeToString(sk.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(listCursor, auditCursor);
    }

    static Arbitrary<Who> staffWho() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(Who.ADMIN, Who.VILLAGE, Who.AUDITOR)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Who.class)));
    }

    static Arbitrary<Req> requestsFor(Arbitrary<Route> routes, Arbitrary<Who> who) {
        return routes.flatMap(route -> Combinators.combine(
                        Arbitraries.just(route),
                        envelopes(),
                        mutationLists(),
                        contentTypes(),
                        headerSets(route.createsCases()),
                        pathOverrides(),
                        route.method.equals("GET") || route == Route.REPORT_START
                                ? queries()
                                : Arbitraries.just(Map.<String, String>of()),
                        route.staff ? who : Arbitraries.just(Who.NONE))
                .as(Req::new));
    }

    @Provide
    Arbitrary<Req> submissions() {
        return requestsFor(Arbitraries.of(Route.SUBMIT_COMPLAINT, Route.SUBMIT_INFO_REQUEST), staffWho());
    }

    @Provide
    Arbitrary<Req> staffSubmissionRequests() {
        return requestsFor(Arbitraries.of(Route.STAFF_COMPLAINT, Route.STAFF_INFO_REQUEST), staffWho());
    }

    @Provide
    Arbitrary<Req> tracking() {
        return requestsFor(
                Arbitraries.of(
                        Route.TRACK,
                        Route.RATE,
                        Route.VERIFICATION_CODE,
                        Route.PD_COPY,
                        Route.PD_REQUEST,
                        Route.UPLOAD_SLOT,
                        Route.UPLOAD_STATE,
                        Route.PUBLIC_FILE),
                staffWho());
    }

    @Provide
    Arbitrary<Req> staffDesk() {
        return requestsFor(
                Arbitraries.of(
                        Route.LIST,
                        Route.EXPORT,
                        Route.DETAIL,
                        Route.ACT,
                        Route.STATS,
                        Route.AUDIT,
                        Route.ALERTS,
                        Route.MESSAGES,
                        Route.CASE_MESSAGES,
                        Route.SAME_PERSON,
                        Route.CALENDAR_PUT,
                        Route.CALENDAR_GET,
                        Route.STAFF_LIST,
                        Route.STAFF_CREATE,
                        Route.STAFF_GET,
                        Route.STAFF_PUT,
                        Route.STAFF_DISABLE,
                        Route.STAFF_ENABLE,
                        Route.STAFF_RESET,
                        Route.PD_LIST,
                        Route.PD_ANSWER,
                        Route.STAFF_UPLOAD_SLOT,
                        Route.STAFF_UPLOAD_STATE,
                        Route.STAFF_FILE),
                staffWho());
    }

    @Provide
    Arbitrary<Req> townRecords() {
        return requestsFor(
                Arbitraries.of(
                        Route.PLAN_CREATE,
                        Route.PLAN_LIST,
                        Route.PLAN_UPDATE,
                        Route.PLAN_DELETE,
                        Route.ACTIVITY_CREATE,
                        Route.ACTIVITY_LIST,
                        Route.ACTIVITY_UPDATE,
                        Route.ACTIVITY_DELETE,
                        Route.DISCLOSURE_PUT,
                        Route.DISCLOSURE_GET,
                        Route.LEADERS_DUTY_PUT,
                        Route.LEADERS_DUTY_GET,
                        Route.REPORTS_LIST,
                        Route.REPORT_DOWNLOAD,
                        Route.REPORT_START,
                        Route.DRAFT_GET,
                        Route.DRAFT_CHANGE,
                        Route.DRAFT_APPROVE,
                        Route.DRAFT_PUBLISH,
                        Route.PUBLISHED_LIST,
                        Route.PUBLISHED_FILE),
                staffWho());
    }

    @Provide
    Arbitrary<Req> everything() {
        return requestsFor(Arbitraries.of(Route.class), Arbitraries.of(Who.class));
    }
}

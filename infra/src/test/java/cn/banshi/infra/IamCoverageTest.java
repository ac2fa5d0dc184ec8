package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.attachments.BucketAccess;
import cn.banshi.attachments.ObjectCreatedEvents;
import cn.banshi.attachments.UploadProcessingHandler;
import cn.banshi.attachments.UploadProcessor;
import cn.banshi.attachments.UploadStore;
import cn.banshi.auth.Role;
import cn.banshi.batch.ReportJobHandler;
import cn.banshi.batch.ReportJobs;
import cn.banshi.calendar.CalendarAdminHandler;
import cn.banshi.calendar.DeadlineRecomputeHandler;
import cn.banshi.json.Json;
import cn.banshi.notifications.DispatchHandler;
import cn.banshi.notifications.DispatchSettings;
import cn.banshi.notifications.SendResult;
import cn.banshi.overdue.OverdueSweepHandler;
import cn.banshi.personaldata.DataKeys;
import cn.banshi.personaldata.PersonalDataJobHandler;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportRunRequest;
import cn.banshi.reports.ReportRunner;
import cn.banshi.reports.ReportRuns;
import cn.banshi.reports.ReportRunsHandler;
import cn.banshi.reports.drafts.PublishedReportsHandler;
import cn.banshi.reports.drafts.ReportDraftsHandler;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.LocalS3;
import cn.banshi.testkit.MutableClock;
import cn.banshi.upkeep.DailyUpkeepHandler;
import cn.banshi.validation.ChineseIds;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Least privilege, measured: every handler runs a scenario that takes its code paths (success, replay, refusal,
 * conflict, paging filters, the sweep) against dynalite, an SDK interceptor records each DynamoDB call as
 * "dynamodb:Operation table[/index/name]", and the function's role in the template must grant exactly those:
 * nothing the code uses is missing (AccessDenied in AWS), nothing granted goes unused. The wrapped keys a handler
 * reads are the ones it unwraps: the personal-data key's policy must let its role decrypt them.
 */
class IamCoverageTest {
    private final Map<String, Set<String>> used = new TreeMap<>();
    /** Every Scan a handler made, as "Handler Select attribute,attribute,..." (the top-level attributes it reads). */
    private final Set<String> scans = new TreeSet<>();
    /** The wrapped keys each handler read, so unwrapped (data-key, beacon-key). */
    private final Map<String, Set<String>> keysUnwrapped = new TreeMap<>();

    private String current;

    @TempDir
    Path reportsDir;

    @Test
    void everyRoleGrantsExactlyTheDynamoDbCallsItsHandlerMakes() {
        LocalDynamo.freshTables();
        DynamoDbClient dynamo =
                LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(new Recorder()));
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00");
        // the personal-data job makes the first data keys at deployment (in AWS only it may: docs/personal-data.md)
        as("PersonalDataJobHandler");
        new PersonalDataJobHandler(new AppContext(dynamo, clock)).handleRequest(Map.of("action", "migrate"), null);
        // attachments: the uploads bucket on the local S3 server; the processing function gets its events below
        String bucket = LocalS3.freshBucket("iam");
        BucketAccess uploads = BucketAccess.local(bucket, URI.create(LocalS3.endpoint()));
        // the sweep's context: its retention erasure deletes the citizen's files in the bucket
        AppContext app = new AppContext(dynamo, clock).useUploads(uploads, null);
        // every function has its own execution environment: a context (and calendar cache) per handler
        Map<String, ApiHandler> handlers = new HashMap<>();
        for (int i = 0; i < Handlers.all().size(); i++) {
            ApiHandler h = Handlers.create(new AppContext(dynamo, clock).useUploads(uploads, null))
                    .get(i);
            handlers.put(h.getClass().getSimpleName(), h);
        }

        // citizens: submit (new, replayed, refused with a key), track (right and wrong code), rate
        as("SubmissionHandler");
        JsonNode receipt = json(call(
                handlers,
                post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", complaint())
                        .header("idempotency-key", "iam-1"),
                201));
        call(
                handlers,
                post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", complaint())
                        .header("idempotency-key", "iam-1"),
                201);
        call(
                handlers,
                post(
                                "/api/v1/towns/{town}/complaints",
                                "/api/v1/towns/gaocheng/complaints",
                                complaint().put("category", "no-such-category"))
                        .header("idempotency-key", "iam-2"),
                400);
        // phone verification (dingshu asks for a code on petitions): sent, asked again too soon; a wrong code is
        // counted and releases the submission's claim (docs/abuse.md)
        as("VerificationCodesHandler");
        ObjectNode phone = Json.object().put("phone", "13912345678");
        call(
                handlers,
                post("/api/v1/towns/{town}/verification-codes", "/api/v1/towns/dingshu/verification-codes", phone),
                202);
        call(
                handlers,
                post("/api/v1/towns/{town}/verification-codes", "/api/v1/towns/dingshu/verification-codes", phone),
                429);
        as("SubmissionHandler");
        ObjectNode petition = complaint()
                .put("type", "petition")
                .put("category", "petition-other")
                .put("village", "dingshan");
        petition.putObject("verification").put("code", "000000");
        String refused = json(call(
                        handlers,
                        post("/api/v1/towns/{town}/complaints", "/api/v1/towns/dingshu/complaints", petition)
                                .header("idempotency-key", "iam-verify"),
                        400))
                .at("/error/code")
                .asText();
        assertTrue(refused.equals("VERIFICATION_FAILED"), refused);
        String no = receipt.get("trackingNo").asText();
        String code = receipt.get("accessCode").asText();
        as("TrackingHandler");
        call(handlers, get("/api/v1/track/{trackingNo}", "/api/v1/track/" + no).header("x-access-code", code), 200);
        call(
                handlers,
                get("/api/v1/track/{trackingNo}", "/api/v1/track/" + no).header("x-access-code", "00000-00000"),
                404);

        // similar cases (issue 19): suggestions while typing, following the case (new, again), the staff list
        as("SimilarCasesHandler");
        call(
                handlers,
                post(
                        "/api/v1/towns/{town}/similar-cases",
                        "/api/v1/towns/gaocheng/similar-cases",
                        Json.object()
                                .put("category", "environment")
                                .put("village", "meijiadu")
                                .put("text", "梅家渎村东侧河道漂浮大量生活垃圾，无人清理")),
                200);
        for (int status : new int[] {201, 200}) {
            call(
                    handlers,
                    post(
                            "/api/v1/towns/{town}/cases/{trackingNo}/followers",
                            "/api/v1/towns/gaocheng/cases/" + no + "/followers",
                            Json.object().put("phone", "13700001111")),
                    status);
        }
        call(
                handlers,
                staff(get("/api/v1/admin/cases/{trackingNo}/similar", "/api/v1/admin/cases/" + no + "/similar")),
                200);

        // staff: enter a case, list with every filter, export, detail, act, stats, audit log, alerts, calendar
        as("StaffIntakeHandler");
        ObjectNode entered = complaint().put("receivedOn", "2026-03-01").put("channel", "phone");
        for (int replay = 0; replay < 2; replay++) {
            call(
                    handlers,
                    staff(post(
                                    "/api/v1/admin/towns/{town}/complaints",
                                    "/api/v1/admin/towns/gaocheng/complaints",
                                    entered)
                            .header("idempotency-key", "iam-3")),
                    201);
        }
        as("StaffCasesHandler");
        for (Map<String, String> filter : List.of(
                Map.<String, String>of(),
                Map.of("status", "submitted"),
                Map.of("type", "complaint"),
                Map.of("village", "meijiadu"),
                Map.of("overdue", "true"))) {
            call(
                    handlers,
                    staff(get("/api/v1/admin/cases", "/api/v1/admin/cases").query(filter)),
                    200);
        }
        call(handlers, staff(get("/api/v1/admin/cases/export", "/api/v1/admin/cases/export")), 200);
        call(handlers, staff(get("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no)), 200);
        as("SamePersonHandler");
        call(
                handlers,
                staff(get(
                        "/api/v1/admin/cases/{trackingNo}/same-person", "/api/v1/admin/cases/" + no + "/same-person")),
                200);
        as("StaffCasesHandler");
        for (ObjectNode action : List.of(
                Json.object().put("action", "accept"),
                Json.object().put("action", "reply").put("reply", "已安排保洁人员于本周内清理河道垃圾。"),
                Json.object().put("action", "resolve"))) {
            action.put("expectedVersion", app.cases().find(no).orElseThrow().version());
            call(
                    handlers,
                    staff(post(
                            "/api/v1/admin/cases/{trackingNo}/actions",
                            "/api/v1/admin/cases/" + no + "/actions",
                            action)),
                    200);
        }
        call(
                handlers,
                staff(post(
                        "/api/v1/admin/cases/{trackingNo}/actions",
                        "/api/v1/admin/cases/" + no + "/actions",
                        Json.object().put("action", "close").put("expectedVersion", 1))),
                409);
        // a title marked as personal: the case's overdue alert, if it has one, takes the new title
        call(
                handlers,
                staff(post(
                        "/api/v1/admin/cases/{trackingNo}/personal-text",
                        "/api/v1/admin/cases/" + no + "/personal-text",
                        Json.object()
                                .put("field", "title")
                                .put("text", "河道有垃圾＊＊＊")
                                .put(
                                        "expectedVersion",
                                        app.cases().find(no).orElseThrow().version()))),
                200);
        call(handlers, staff(get("/api/v1/admin/stats", "/api/v1/admin/stats")), 200);
        call(handlers, staff(get("/api/v1/admin/audit", "/api/v1/admin/audit")), 200);
        call(handlers, staff(get("/api/v1/admin/alerts", "/api/v1/admin/alerts")), 200);
        // attachments (docs/attachments.md): citizen and staff slots and states, the processing function's events, a
        // submission and an action with files, downloads (an ID proof's view audited), a public link with a wrong code
        S3Client s3 = LocalS3.client();
        String uploadDraft = "iam-draft-0123456789";
        JsonNode photo = slot(handlers, "photo-or-pdf", uploadDraft);
        JsonNode idProof = slot(handlers, "id-proof", uploadDraft);
        as("UploadsHandler");
        call(
                handlers,
                get(
                                "/api/v1/towns/{town}/uploads/{uploadId}",
                                "/api/v1/towns/gaocheng/uploads/"
                                        + photo.get("uploadId").asText())
                        .header("x-upload-draft", uploadDraft),
                200);
        processed(dynamo, s3, bucket, photo);
        processed(dynamo, s3, bucket, idProof);
        as("SubmissionHandler");
        ObjectNode withPhoto = complaint();
        withPhoto.putArray("attachments").add(photo.get("uploadId").asText());
        String photographed = json(call(
                        handlers,
                        post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", withPhoto)
                                .header("idempotency-key", "iam-files")
                                .header("x-upload-draft", uploadDraft),
                        201))
                .get("trackingNo")
                .asText();
        // a second complaint with a photo: its deletion request is granted below (the photo's record is deleted)
        JsonNode secondPhoto = slot(handlers, "photo-or-pdf", uploadDraft);
        processed(dynamo, s3, bucket, secondPhoto);
        as("SubmissionHandler");
        ObjectNode withSecondPhoto = complaint();
        withSecondPhoto.putArray("attachments").add(secondPhoto.get("uploadId").asText());
        JsonNode kept = json(call(
                handlers,
                post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", withSecondPhoto)
                        .header("idempotency-key", "iam-files-2")
                        .header("x-upload-draft", uploadDraft),
                201));
        ObjectNode request = infoRequest();
        request.putArray("attachments").add(idProof.get("uploadId").asText());
        JsonNode withId = json(call(
                handlers,
                post("/api/v1/towns/{town}/info-requests", "/api/v1/towns/gaocheng/info-requests", request)
                        .header("idempotency-key", "iam-id")
                        .header("x-upload-draft", uploadDraft),
                201));
        String identified = withId.get("trackingNo").asText();
        as("UploadsHandler");
        JsonNode letter = json(call(
                handlers,
                staff(post(
                        "/api/v1/admin/cases/{trackingNo}/uploads",
                        "/api/v1/admin/cases/" + photographed + "/uploads",
                        Json.object().put("contentType", "image/jpeg").put("size", JPEG.length))),
                201));
        call(
                handlers,
                staff(get(
                        "/api/v1/admin/cases/{trackingNo}/uploads/{uploadId}",
                        "/api/v1/admin/cases/" + photographed + "/uploads/"
                                + letter.get("uploadId").asText())),
                200);
        processed(dynamo, s3, bucket, letter);
        as("StaffCasesHandler");
        ObjectNode accept = Json.object()
                .put("action", "accept")
                .put(
                        "expectedVersion",
                        app.cases().find(photographed).orElseThrow().version());
        accept.putArray("attachments")
                .addObject()
                .put("uploadId", letter.get("uploadId").asText())
                .put("visibility", "public");
        call(
                handlers,
                staff(post(
                        "/api/v1/admin/cases/{trackingNo}/actions",
                        "/api/v1/admin/cases/" + photographed + "/actions",
                        accept)),
                200);
        as("UploadsHandler");
        call(
                handlers,
                staff(get(
                        "/api/v1/admin/cases/{trackingNo}/attachments/{uploadId}",
                        "/api/v1/admin/cases/" + identified + "/attachments/"
                                + idProof.get("uploadId").asText())),
                200);
        call(
                handlers,
                get(
                                "/api/v1/track/{trackingNo}/attachments/{uploadId}",
                                "/api/v1/track/" + photographed + "/attachments/"
                                        + letter.get("uploadId").asText())
                        .header("x-access-code", "00000-00000"),
                404);
        // both complaints with photos are finished: the sweep erases one years later, a granted request the other
        as("StaffCasesHandler");
        Map<String, List<String>> toFinish = new LinkedHashMap<>();
        toFinish.put(photographed, List.of("reply", "resolve")); // accepted above with the staff letter
        toFinish.put(kept.get("trackingNo").asText(), List.of("accept", "reply", "resolve"));
        toFinish.forEach((finished, actions) -> {
            for (String name : actions) {
                ObjectNode action = Json.object()
                        .put("action", name)
                        .put(
                                "expectedVersion",
                                app.cases().find(finished).orElseThrow().version());
                if (name.equals("reply")) action.put("reply", "已安排保洁人员于本周内清理河道垃圾。");
                call(
                        handlers,
                        staff(post(
                                "/api/v1/admin/cases/{trackingNo}/actions",
                                "/api/v1/admin/cases/" + finished + "/actions",
                                action)),
                        200);
            }
        });

        // mark-spam: the case leaves the lists, its phone and client are blocked (the ephemeral table; docs/abuse.md)
        as("SubmissionHandler");
        String junk = json(call(
                        handlers,
                        post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", complaint()),
                        201))
                .get("trackingNo")
                .asText();
        as("StaffCasesHandler");
        call(
                handlers,
                staff(post(
                        "/api/v1/admin/cases/{trackingNo}/actions",
                        "/api/v1/admin/cases/" + junk + "/actions",
                        Json.object()
                                .put("action", "mark-spam")
                                .put("reason", "广告")
                                .put("expectedVersion", 1))),
                200);
        as("TrackingHandler");
        call(
                handlers,
                post(
                                "/api/v1/track/{trackingNo}/rating",
                                "/api/v1/track/" + no + "/rating",
                                Json.object().put("score", 5))
                        .header("x-access-code", code),
                200);
        // loading a year hands the recompute to its own function (asynchronously in AWS), which then runs it: a reload
        // of
        // 2026 with a day off the bundled year lacks, so the open case entered above gets a new due date
        List<Integer> recomputes = new ArrayList<>();
        handlers.put("CalendarAdminHandler", new CalendarAdminHandler(new AppContext(dynamo, clock, recomputes::add)));
        as("CalendarAdminHandler");
        ObjectNode year = Json.object().put("notice", "国办发明电〔2025〕1号");
        year.putArray("daysOff").add("2026-01-01").add("2026-03-04");
        year.putArray("makeUpWorkdays");
        call(
                handlers,
                staff(request("PUT", "/api/v1/admin/calendar/{year}", "/api/v1/admin/calendar/2026")
                        .body(Json.write(year))),
                200);
        call(handlers, staff(get("/api/v1/admin/calendar/{year}", "/api/v1/admin/calendar/2027")), 200);
        as("DeadlineRecomputeHandler");
        Map<String, Object> recomputed = new DeadlineRecomputeHandler(new AppContext(dynamo, clock), Set.of("gaocheng"))
                .handleRequest(Map.of("year", recomputes.get(0)), null);
        assertEquals("done", recomputed.get("gaocheng"), recomputed.toString()); // dingshu: left to the sweep below

        // staff accounts: create an admin and a clerk, list, read, edit, disable and enable, reset a password
        as("StaffAccountsHandler");
        for (String body : List.of(
                "{\"username\":\"li.admin\",\"role\":\"town-admin\",\"displayName\":\"李\"}",
                "{\"username\":\"wang.li\",\"role\":\"village-staff\",\"village\":\"meijiadu\",\"displayName\":\"王丽\"}")) {
            call(
                    handlers,
                    staff(request("POST", "/api/v1/admin/staff", "/api/v1/admin/staff")
                            .body(body)),
                    201);
        }
        call(handlers, staff(get("/api/v1/admin/staff", "/api/v1/admin/staff")), 200);
        call(handlers, staff(get("/api/v1/admin/staff/{username}", "/api/v1/admin/staff/wang.li")), 200);
        call(
                handlers,
                staff(request("PUT", "/api/v1/admin/staff/{username}", "/api/v1/admin/staff/wang.li")
                        .body("{\"role\":\"village-staff\",\"village\":\"hongxing\",\"displayName\":\"王丽\"}")),
                200);
        for (String op : List.of("disable", "enable", "reset-password")) {
            call(
                    handlers,
                    staff(request("POST", "/api/v1/admin/staff/{username}/" + op, "/api/v1/admin/staff/wang.li/" + op)),
                    200);
        }

        // staff inputs of the year-end reports, and the report list (files, no DynamoDB)
        as("ActivitiesHandler");
        JsonNode activity = json(call(
                handlers,
                staff(post(
                        "/api/v1/admin/activities",
                        "/api/v1/admin/activities",
                        Json.object()
                                .put("date", "2026-03-01")
                                .put("theme", "legal-education")
                                .put("title", "开展法治宣传"))),
                201));
        call(handlers, staff(get("/api/v1/admin/activities", "/api/v1/admin/activities")), 200);
        String activityPath = "/api/v1/admin/activities/" + activity.get("id").asText();
        call(
                handlers,
                staff(request("PUT", "/api/v1/admin/activities/{id}", activityPath)
                        .body("{\"place\":\"高塍社区\"}")),
                200);
        call(handlers, staff(request("DELETE", "/api/v1/admin/activities/{id}", activityPath)), 204);
        as("PlanItemsHandler");
        JsonNode plan = json(call(
                handlers,
                staff(post(
                        "/api/v1/admin/plan-items",
                        "/api/v1/admin/plan-items",
                        Json.object().put("title", "建设法治阵地").put("owner", "司法所").put("targetDate", "2027-06-30"))),
                201));
        call(handlers, staff(get("/api/v1/admin/plan-items", "/api/v1/admin/plan-items")), 200);
        String planPath = "/api/v1/admin/plan-items/" + plan.get("id").asText();
        call(
                handlers,
                staff(request("PUT", "/api/v1/admin/plan-items/{id}", planPath).body("{\"status\":\"done\"}")),
                200);
        call(handlers, staff(request("DELETE", "/api/v1/admin/plan-items/{id}", planPath)), 204);
        as("DisclosureFiguresHandler");
        call(
                handlers,
                staff(get("/api/v1/admin/disclosure-figures/{year}", "/api/v1/admin/disclosure-figures/2025")),
                404);
        String outcomes = "{\"upheld\":0,\"corrected\":0,\"other\":0,\"pending\":0}";
        String documents = "{\"issued\":0,\"repealed\":0,\"inForce\":0}";
        call(
                handlers,
                staff(request("PUT", "/api/v1/admin/disclosure-figures/{year}", "/api/v1/admin/disclosure-figures/2025")
                        .body("{\"proactive\":{\"rules\":" + documents + ",\"normativeDocuments\":" + documents
                                + ",\"licensing\":0,\"penalties\":0,\"enforcement\":0,\"feeAmount\":0},\"reviewLitigation\":{\"review\":"
                                + outcomes + ",\"litigationDirect\":" + outcomes + ",\"litigationAfterReview\":"
                                + outcomes + "}}")),
                200);
        as("LeadersDutyHandler");
        call(handlers, staff(get("/api/v1/admin/leaders-duty/{year}", "/api/v1/admin/leaders-duty/2025")), 404);
        call(
                handlers,
                staff(request("PUT", "/api/v1/admin/leaders-duty/{year}", "/api/v1/admin/leaders-duty/2025")
                        .body("{\"leaders\":[{\"post\":\"镇党委书记\",\"name\":\"王建华\"}]}")),
                200);
        as("ReportsHandler");
        call(handlers, staff(get("/api/v1/admin/reports", "/api/v1/admin/reports")), 200);

        // on-demand report runs: one the runner cannot hand over (503), one it hands over (202), one refused while
        // that one is queued (409); then the report function runs the handed-over request, as Lambda would
        List<ReportRunRequest> handedOver = new ArrayList<>();
        boolean[] runnerFails = {true};
        ReportRunner runner = run -> {
            if (runnerFails[0]) throw new IllegalStateException("not queued");
            handedOver.add(run);
        };
        handlers.put("ReportRunsHandler", new ReportRunsHandler(new AppContext(dynamo, clock, app.reports(), runner)));
        as("ReportRunsHandler");
        call(
                handlers,
                staff(request("POST", "/api/v1/admin/reports/{job}", "/api/v1/admin/reports/rule-of-law-annual")),
                503);
        runnerFails[0] = false;
        call(
                handlers,
                staff(request("POST", "/api/v1/admin/reports/{job}", "/api/v1/admin/reports/rule-of-law-annual")),
                202);
        call(
                handlers,
                staff(request("POST", "/api/v1/admin/reports/{job}", "/api/v1/admin/reports/rule-of-law-annual")),
                409);
        as("ReportJobHandler");
        try (ReportJobs jobs = ReportJobs.open(
                dynamo, ReportJobs.Settings.of(reportsDir).onSeveralMachines(Duration.ofMinutes(15)), clock)) {
            ReportJobHandler function = new ReportJobHandler(jobs, new ReportRuns(dynamo), Set.of("gaocheng"), clock);
            assertEquals(
                    "COMPLETED",
                    function.handleRequest(handedOver.get(0).toMap(), null).get("status"));
            // the schedule's input: every town, the default year; the plan job also stores its generated items
            assertEquals(
                    "COMPLETED",
                    function.handleRequest(Map.of("job", "next-year-plan"), null)
                            .get("status"));
            // last year's disclosure report: its draft is edited, approved and published below
            assertEquals(
                    "COMPLETED",
                    function.handleRequest(Map.of("job", "ogi-annual"), null).get("status"));
        }

        // the draft of the disclosure report: read, edited, approved, published (which withdraws its reminder);
        // then the public page lists it and serves a file
        FileReportStore drafted = new FileReportStore(reportsDir.resolve("reports"));
        handlers.put("ReportDraftsHandler", new ReportDraftsHandler(new AppContext(dynamo, clock, drafted)));
        handlers.put("PublishedReportsHandler", new PublishedReportsHandler(new AppContext(dynamo, clock, drafted)));
        as("ReportDraftsHandler");
        String draftRoute = "/api/v1/admin/report-drafts/{year}/{job}";
        String draftPath = "/api/v1/admin/report-drafts/2025/ogi-annual";
        JsonNode draft = json(call(handlers, staff(get(draftRoute, draftPath)), 200));
        String paragraph = null;
        for (JsonNode b : draft.get("blocks")) {
            if (paragraph == null && b.get("kind").asText().equals("para"))
                paragraph = b.get("id").asText();
        }
        call(
                handlers,
                staff(post(
                        draftRoute + "/changes",
                        draftPath + "/changes",
                        Json.object()
                                .put("version", 0)
                                .put("action", "edit")
                                .put("id", paragraph)
                                .put("text", "经核对的段落。"))),
                200);
        call(
                handlers,
                staff(post(
                        draftRoute + "/approval",
                        draftPath + "/approval",
                        Json.object().put("version", 1))),
                200);
        JsonNode publication = json(call(
                handlers,
                staff(post(
                        draftRoute + "/publications",
                        draftPath + "/publications",
                        Json.object().put("version", 2).put("signingDate", "2026-01-30"))),
                201));
        as("PublishedReportsHandler");
        call(handlers, get("/api/v1/towns/{town}/reports", "/api/v1/towns/gaocheng/reports"), 200);
        call(
                handlers,
                get(
                        "/api/v1/towns/{town}/reports/{year}/{job}/{version}/{file}",
                        publication.get("files").get(0).get("href").asText()),
                200);

        // staff read the message log and a case's messages; the dispatcher takes over the outboxes and sends
        as("MessagesHandler");
        call(handlers, staff(get("/api/v1/admin/messages", "/api/v1/admin/messages")), 200);
        call(
                handlers,
                staff(get("/api/v1/admin/cases/{trackingNo}/messages", "/api/v1/admin/cases/" + no + "/messages")),
                200);
        as("DispatchHandler");
        DispatchSettings settings =
                new DispatchSettings("https://banshi.example", "noreply@example.gov.cn", Duration.ofMinutes(2), 4, 10);
        new DispatchHandler(
                        new AppContext(dynamo, clock)
                                .dispatcher(m -> SendResult.sent("sms-1"), m -> SendResult.sent("mail-1"), settings),
                        Set.of("gaocheng"))
                .handleRequest(Map.of(), null);

        // the person's rights (issue 18): the citizen's copy (right and wrong code) and a deletion request; a town
        // admin reads the case's requests and grants the deletion, which erases the (resolved) case's personal data
        as("PersonalDataHandler");
        call(
                handlers,
                get("/api/v1/track/{trackingNo}/personal-data", "/api/v1/track/" + no + "/personal-data")
                        .header("x-access-code", code),
                200);
        call(
                handlers,
                get("/api/v1/track/{trackingNo}/personal-data", "/api/v1/track/" + no + "/personal-data")
                        .header("x-access-code", "00000-00000"),
                404);
        // the deletion is asked on the complaint with a photo: granting it deletes the photo too
        String keptNo = kept.get("trackingNo").asText();
        String requestId = json(call(
                        handlers,
                        post(
                                        "/api/v1/track/{trackingNo}/personal-data-requests",
                                        "/api/v1/track/" + keptNo + "/personal-data-requests",
                                        Json.object().put("kind", "deletion").put("text", "请删除我的个人信息"))
                                .header("x-access-code", kept.get("accessCode").asText()),
                        201))
                .get("id")
                .asText();
        as("PersonalDataRequestsHandler");
        call(
                handlers,
                staff(get("/api/v1/admin/personal-data-requests", "/api/v1/admin/personal-data-requests")
                        .query(Map.of("trackingNo", keptNo))),
                200);
        call(
                handlers,
                staff(post(
                        "/api/v1/admin/personal-data-requests/{requestId}/answer",
                        "/api/v1/admin/personal-data-requests/" + requestId + "/answer",
                        Json.object().put("outcome", "done").put("answer", "已删除"))),
                200);

        // the daily sweep, a month later, with its digest to the town's registered staff
        as("Setup");
        app.staffManagement()
                .create(
                        "gaocheng",
                        "zhang.san",
                        new StaffProfile(Role.TOWN_ADMIN, null, "张三", null, "zhang@example.gov.cn"),
                        null);
        as("OverdueSweepHandler");
        clock.advance(Duration.ofDays(40));
        new OverdueSweepHandler(app).handleRequest(Map.of(), null);
        as("DailyUpkeepHandler");
        new DailyUpkeepHandler(app).handleRequest(Map.of(), null);
        // the personal-data job again: every item is sealed already; a rotation, then the re-encryption
        as("PersonalDataJobHandler");
        new PersonalDataJobHandler(new AppContext(dynamo, clock)).handleRequest(Map.of("action", "migrate"), null);
        new PersonalDataJobHandler(new AppContext(dynamo, clock)).handleRequest(Map.of("action", "rotate"), null);
        new PersonalDataJobHandler(new AppContext(dynamo, clock)).handleRequest(Map.of("action", "migrate"), null);
        // years later: the retention erasure of the finished cases, one with a citizen's photo (its record deleted)
        as("OverdueSweepHandler");
        clock.advance(Duration.ofDays(4 * 366));
        new OverdueSweepHandler(app).handleRequest(Map.of(), null);
        as("DailyUpkeepHandler");
        new DailyUpkeepHandler(app).handleRequest(Map.of(), null);
        as("Setup");
        assertTrue(app.cases().find(photographed).orElseThrow().isPersonalErased(), "the upkeep erased it");
        assertTrue(app.cases().find(keptNo).orElseThrow().isPersonalErased(), "the granted request erased it");
        assertTrue(app.uploadStore().find(secondPhoto.get("uploadId").asText()).isEmpty());
        assertTrue(app.uploadStore().find(photo.get("uploadId").asText()).isEmpty());

        checkScansAgainstTheScanCondition();
        checkKeysUnwrappedAgainstTheKeyPolicy();
        Map<String, Set<String>> granted = new TreeMap<>();
        Map<String, Set<String>> exercised = new TreeMap<>();
        TemplateTest.FUNCTIONS.forEach((id, fn) -> {
            String handler = Template.handlerClass(fn);
            String simple = handler.substring(handler.lastIndexOf('.') + 1);
            granted.put(id, dynamoGrants(Template.target(fn.get("Role"))));
            exercised.put(id, used.getOrDefault(simple, Set.of()));
        });
        assertTrue(
                exercised.values().stream().mapToInt(Set::size).sum() > 10, "the scenario reached DynamoDB: " + used);
        // every role's difference at once, so that one run shows the whole template change a code change needs
        List<String> problems = new ArrayList<>();
        exercised.forEach((id, calls) -> {
            Set<String> missing = new TreeSet<>(calls);
            missing.removeAll(granted.get(id));
            if (!missing.isEmpty()) problems.add(id + ": its handler makes calls its role does not grant: " + missing);
        });
        granted.forEach((id, grants) -> {
            Set<String> unused = new TreeSet<>(grants);
            unused.removeAll(exercised.get(id));
            unused.removeAll(UNREACHED.getOrDefault(id, Set.of()));
            if (!unused.isEmpty()) problems.add(id + ": its role grants calls its handler never makes: " + unused);
        });
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /**
     * Grants for calls the code makes on a path this scenario cannot reach, each with the reason it is kept.
     * IdempotencyStore releases a claim (DeleteItem) when the operation refuses with a 4xx after the claim; staff intake
     * refuses only in validation before the claim, but without the grant a future refusal would fail as AccessDenied
     * and leave the key blocked for its lease. (Online submissions reach it: a wrong verification code.)
     */
    static final Map<String, Set<String>> UNREACHED = Map.of(
            // and, behind an Idempotency-Key, takes a stalled claim over or ends its lease after a failed write
            // (UpdateItem; SubmissionFaultsTest); a case with several phones or ID numbers is indexed in one batch
            "StaffIntakeFunction",
                    Set.of(
                            "dynamodb:DeleteItem ephemeral",
                            "dynamodb:UpdateItem ephemeral",
                            "dynamodb:BatchWriteItem people"),
            // a recompute that moves an overdue case's date withdraws its alert; the sweep resumes unfinished
            // recomputes
            // (ProvisionalDeadlinesApiTest covers both), and the recompute re-reads a case a clerk changed meanwhile;
            // the sweep it runs retitles an alert whose case's title was marked meanwhile (PersonalTextApiTest)
            "DeadlineRecomputeFunction",
                    Set.of(
                            "dynamodb:DeleteItem records",
                            "dynamodb:GetItem cases",
                            "dynamodb:Query cases/index/by-town",
                            "dynamodb:UpdateItem records"),
            "OverdueSweepFunction", Set.of("dynamodb:DeleteItem records", "dynamodb:GetItem cases"),
            // the upkeep re-reads a case a clerk changed meanwhile (merge repair: MergeConsistencyTest; retention);
            // the report reminder's alert from 20 January (ReportDraftsApiTest) and the retention erasure of a case's
            // personal-data request texts (PersonalDataApiTest) put records items
            "DailyUpkeepFunction", Set.of("dynamodb:GetItem cases", "dynamodb:PutItem records"),
            // a warm submission reads the current data-key version again after its five minutes, and a current item
            // from before its key's copy sends it to the key's own item (DataKeysReadsTest covers both)
            "SubmissionFunction", Set.of("dynamodb:GetItem records"),
            // the personal-data job re-reads an item another write changed between its read and its update
            // (PersonalDataMigrationTest)
            "PersonalDataJobFunction",
                    Set.of("dynamodb:GetItem cases", "dynamodb:GetItem messages", "dynamodb:GetItem staff"),
            // SnapStart priming reads one (absent) message before the snapshot (SnapStartPrimingTest)
            "MessagesFunction", Set.of("dynamodb:GetItem messages"),
            // the job repository's lost races (docs/batch-job-repository.md): a launch that loses the instance's key
            // item deletes its instance item, one that loses the claim deletes its execution item
            "ReportJobFunction",
                    Set.of("dynamodb:DeleteItem batch-job-instances", "dynamodb:DeleteItem batch-job-executions"));

    /** "dynamodb:Action table[/index/name]" for every DynamoDB statement of a role. */
    private static Set<String> dynamoGrants(String role) {
        Set<String> grants = new TreeSet<>();
        Pattern index = Pattern.compile("\\$\\{(\\w+)\\.Arn}/index/([a-z0-9-]+)");
        for (JsonNode statement : TemplateTest.TEMPLATE.statements(role)) {
            for (JsonNode action : Template.list(statement.path("Action"))) {
                if (!action.asText().startsWith("dynamodb:")) continue;
                for (JsonNode resource : Template.list(statement.path("Resource"))) {
                    String where;
                    if (resource.has("Fn::GetAtt")) {
                        where = tableName(Template.target(resource));
                    } else {
                        Matcher m = index.matcher(resource.path("Fn::Sub").asText());
                        assertTrue(m.matches(), resource.toString());
                        where = tableName(m.group(1)) + "/index/" + m.group(2);
                    }
                    grants.add(action.asText() + " " + where);
                }
            }
        }
        return grants;
    }

    private static String tableName(String logicalId) {
        String sub = TemplateTest.TEMPLATE
                .resources()
                .get(logicalId)
                .path("Properties")
                .path("TableName")
                .path("Fn::Sub")
                .asText();
        return sub.substring("banshi-${Stage}-".length());
    }

    private final class Recorder implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            // a batch write names its tables in its request items (the people index, issue 18)
            List<String> tables;
            if (request instanceof BatchWriteItemRequest batch) {
                tables = new ArrayList<>(batch.requestItems().keySet());
            } else if (request instanceof BatchGetItemRequest batch) {
                tables = new ArrayList<>(batch.requestItems().keySet());
            } else {
                tables = List.of(
                        request.getValueForField("TableName", String.class).orElse("?"));
            }
            // reading a wrapped key is unwrapping it: kms:Decrypt in AWS (DataKeys); the current item holds a copy of
            // its version's wrapped key, and only DataKeys.current(), which unwraps that key, reads it
            List<Map<String, AttributeValue>> keysRead = new ArrayList<>();
            if (request instanceof GetItemRequest get) keysRead.add(get.key());
            if (request instanceof BatchGetItemRequest batch)
                batch.requestItems().values().forEach(k -> keysRead.addAll(k.keys()));
            for (Map<String, AttributeValue> key : keysRead) {
                if (!isKeyItem(key)) continue;
                String sk = key.get("sk").s();
                keysUnwrapped
                        .computeIfAbsent(current, k -> new TreeSet<>())
                        .add(sk.equals(DataKeys.BEACON) ? DataKeys.BEACON : "data-key");
            }
            for (String table : tables) {
                String logical = table.substring(
                        table.indexOf('-', table.indexOf('-') + 1) + 1); // after the test prefix "tPID-N-"
                String indexName = request.getValueForField("IndexName", String.class)
                        .map(i -> "/index/" + i)
                        .orElse("");
                Tables.spec(logical); // a table the code defines
                if (request instanceof ScanRequest scan)
                    scans.add(current + " " + scan.selectAsString() + " " + topLevel(scan) + " " + logical);
                used.computeIfAbsent(current, k -> new TreeSet<>())
                        .add("dynamodb:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + logical
                                + indexName);
            }
        }
    }

    private static boolean isKeyItem(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get("pk");
        AttributeValue sk = key.get("sk");
        return pk != null
                && DataKeys.PK.equals(pk.s())
                && sk != null
                && (sk.s().equals(DataKeys.BEACON)
                        || sk.s().equals("current")
                        || sk.s().startsWith("key#"));
    }

    /**
     * The key policy of the personal-data key against the keys each handler unwrapped: a data key needs the full
     * kms:Decrypt grant; the beacon key the full grant or the statement conditioned on its encryption context, which
     * goes to exactly the functions that unwrap the beacon key and are not granted the full one (issue 18).
     */
    private void checkKeysUnwrappedAgainstTheKeyPolicy() {
        Set<String> full = new TreeSet<>();
        Set<String> beaconOnly = new TreeSet<>();
        for (JsonNode statement : TemplateTest.TEMPLATE
                .resources()
                .get("PersonalDataKey")
                .path("Properties")
                .path("KeyPolicy")
                .path("Statement")) {
            if (!statement.path("Action").toString().contains("kms:Decrypt")) continue;
            Set<String> roles = statement.has("Condition") ? beaconOnly : full;
            Template.list(statement.path("Principal").path("AWS")).forEach(p -> {
                if (p.has("Fn::GetAtt")) roles.add(Template.target(p));
            });
        }
        assertTrue(
                keysUnwrapped.getOrDefault("VerificationCodesHandler", Set.of()).contains(DataKeys.BEACON),
                "the scenario unwrapped keys: " + keysUnwrapped);
        Set<String> needBeaconOnly = new TreeSet<>();
        TemplateTest.FUNCTIONS.forEach((id, fn) -> {
            String handler = Template.handlerClass(fn);
            String role = Template.target(fn.get("Role"));
            Set<String> unwrapped =
                    keysUnwrapped.getOrDefault(handler.substring(handler.lastIndexOf('.') + 1), Set.of());
            if (unwrapped.contains("data-key")) {
                assertTrue(full.contains(role), id + " unwraps a data key: its role needs kms:Decrypt");
            }
            if (unwrapped.contains(DataKeys.BEACON) && !full.contains(role)) needBeaconOnly.add(role);
        });
        assertEquals(needBeaconOnly, beaconOnly, "kms:Decrypt of the beacon key alone");
    }

    private static String topLevel(ScanRequest scan) {
        Set<String> attributes = new TreeSet<>();
        if (scan.projectionExpression() != null) {
            for (String path : scan.projectionExpression().split(",")) {
                String first = path.strip().split("[.\\[]")[0];
                attributes.add(scan.expressionAttributeNames().getOrDefault(first, first));
            }
        }
        return String.join(",", attributes);
    }

    /**
     * The scans carry what their role's Scan conditions require (dynamodb:Select, dynamodb:Attributes): the report
     * function's, and the personal-data job's (issue 18), which reads only keys and the attributes it seals.
     */
    private void checkScansAgainstTheScanCondition() {
        Map<String, String> roles =
                Map.of("ReportJobHandler", "ReportJobRole", "PersonalDataJobHandler", "PersonalDataJobRole");
        assertTrue(scans.stream().anyMatch(s -> s.startsWith("ReportJobHandler ")), "the scenario scanned: " + scans);
        for (String scan : scans) {
            String[] parts = scan.split(" ", -1);
            assertTrue(roles.containsKey(parts[0]), "only the report function and the personal-data job scan: " + scan);
            // the Scan statement that grants this table (the personal-data job has one per set of tables)
            JsonNode condition = null;
            for (JsonNode s : TemplateTest.TEMPLATE.statements(roles.get(parts[0]))) {
                if (!s.path("Action").toString().contains("dynamodb:Scan")) continue;
                for (JsonNode resource : Template.list(s.path("Resource"))) {
                    if (resource.has("Fn::GetAtt")
                            && tableName(Template.target(resource)).equals(parts[3])) condition = s.path("Condition");
                }
            }
            assertTrue(condition != null, roles.get(parts[0]) + " grants the Scan of " + parts[3]);
            Set<String> allowed = new TreeSet<>();
            condition
                    .path("ForAllValues:StringEquals")
                    .path("dynamodb:Attributes")
                    .forEach(a -> allowed.add(a.asText()));
            String select =
                    condition.path("StringEquals").path("dynamodb:Select").asText();
            assertEquals(select, parts[1], scan + ": the Select the role's condition requires");
            assertTrue(
                    allowed.containsAll(Set.of(parts[2].split(","))), scan + ": reads attributes outside " + allowed);
        }
    }

    private void as(String handler) {
        current = handler;
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    private APIGatewayV2HTTPResponse call(Map<String, ApiHandler> handlers, Request request, int expectedStatus) {
        APIGatewayV2HTTPResponse response = handlers.get(current).handleRequest(request.build(), null);
        assertEquals(
                expectedStatus, response.getStatusCode(), current + " " + request.routeKey + ": " + response.getBody());
        return response;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static final byte[] JPEG = jpeg();

    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** A citizen's upload slot for a JPEG (the uploads function's conditional put). */
    private JsonNode slot(Map<String, ApiHandler> handlers, String purpose, String draft) {
        as("UploadsHandler");
        return json(call(
                handlers,
                post(
                                "/api/v1/towns/{town}/uploads",
                                "/api/v1/towns/gaocheng/uploads",
                                Json.object()
                                        .put("purpose", purpose)
                                        .put("contentType", "image/jpeg")
                                        .put("size", JPEG.length))
                        .header("x-upload-draft", draft),
                201));
    }

    /** The browser's upload (here straight to the bucket), then the processing function's ObjectCreated event. */
    private void processed(DynamoDbClient dynamo, S3Client s3, String bucket, JsonNode slot) {
        String key = slot.get("fields").get("key").asText();
        as("Setup");
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("image/jpeg"), RequestBody.fromBytes(JPEG));
        as("UploadProcessingHandler");
        new UploadProcessingHandler(new UploadProcessor(new UploadStore(dynamo), s3, bucket))
                .handleRequest(ObjectCreatedEvents.post(bucket, key, JPEG.length), null);
    }

    private static ObjectNode infoRequest() {
        ObjectNode body = Json.object();
        String first17 = "32028219800101123";
        ObjectNode applicant = body.putObject("applicant");
        applicant.put("kind", "natural-person");
        applicant.put("name", "李华");
        applicant.put("idType", "resident-id");
        applicant.put("idNumber", first17 + ChineseIds.residentIdCheckChar(first17));
        applicant.put("phone", "0510-87654321");
        applicant.put("address", "高塍镇高塍村1号");
        body.put("description", "请公开2021年高塍镇农村人居环境整治项目的预算和决算信息。");
        body.put("form", "paper");
        body.put("delivery", "post");
        return body;
    }

    private static ObjectNode complaint() {
        ObjectNode body = Json.object()
                .put("type", "complaint")
                .put("category", "environment")
                .put("village", "meijiadu")
                .put("title", "河道有垃圾")
                .put("description", "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。");
        body.putObject("location").put("address", "梅家渎村东河桥边");
        body.putObject("submitter")
                .put("name", "王小明")
                .put("phone", "13912345678")
                .put("anonymous", false);
        return body;
    }

    static Request get(String route, String path) {
        return request("GET", route, path);
    }

    static Request post(String route, String path, ObjectNode body) {
        return request("POST", route, path).body(Json.write(body));
    }

    static Request staff(Request request) {
        request.claims = Map.of("sub", "admin@gaocheng", "town", "gaocheng", "role", "town-admin");
        return request;
    }

    static Request request(String method, String route, String path) {
        return new Request(method + " " + route, path);
    }

    static final class Request {
        final String routeKey;
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> query;
        Map<String, String> claims;
        String body;

        Request(String routeKey, String path) {
            this.routeKey = routeKey;
            this.path = path;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request body(String json) {
            body = json;
            headers.put("content-type", "application/json");
            return this;
        }

        Request query(Map<String, String> params) {
            query = params.isEmpty() ? null : params;
            return this;
        }

        APIGatewayV2HTTPEvent build() {
            String template = routeKey.substring(routeKey.indexOf(' ') + 1);
            Map<String, String> params = new HashMap<>();
            String[] names = template.split("/");
            String[] values = path.split("/");
            for (int i = 0; i < names.length; i++) {
                if (names[i].startsWith("{")) params.put(names[i].substring(1, names[i].length() - 1), values[i]);
            }
            RequestContext.RequestContextBuilder context =
                    RequestContext.builder().withRouteKey(routeKey).withRequestId("iam");
            if (claims != null) {
                context.withAuthorizer(RequestContext.Authorizer.builder()
                        .withJwt(RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(claims)
                                .build())
                        .build());
            }
            return APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey(routeKey)
                    .withRawPath(path)
                    .withPathParameters(params.isEmpty() ? null : params)
                    .withQueryStringParameters(query)
                    .withHeaders(headers)
                    .withBody(body)
                    .withIsBase64Encoded(false)
                    .withRequestContext(context.build())
                    .build();
        }
    }
}

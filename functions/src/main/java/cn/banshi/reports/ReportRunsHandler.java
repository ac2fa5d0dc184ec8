package cn.banshi.reports;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/admin/reports/{job}?year=Y}: a town admin asks for a report of the token's town now. The
 * handler only triggers: it claims the run (409 while a run of that report is going) and hands it to the
 * {@link ReportRunner}, then answers 202 with the run id and where its status shows
 * ({@code GET /api/v1/admin/reports?year=Y}). Without {@code year}, the job's default year. No body (or {@code {}}).
 */
public final class ReportRunsHandler extends ApiHandler {
    private static final Log LOG = Log.get(ReportRunsHandler.class);
    private final ReportRuns reportRuns;
    private final Supplier<ReportRunner> reportRunner;
    private final Catalogs catalogs;
    private final Clock clock;
    private final SecureRandom random;

    /** Lambda's: builds the report runs; the report runner (Lambda client in AWS) at first use. */
    public ReportRunsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, random);
    }

    public ReportRunsHandler(AppContext app) {
        this.reportRuns = app.reportRuns();
        this.reportRunner = app::reportRunner;
        this.catalogs = app.catalogs();
        this.clock = app.clock();
        this.random = app.random();
    }

    @Override
    protected void primeReads() {
        reportRuns.find("snapstart-priming", 2000, ReportKind.OGI_ANNUAL); // never a town (the 409 path's read)
        reportRunner.get(); // the runner (Lambda client in AWS) is built at first use: into the snapshot with it
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of("POST /api/v1/admin/reports/{job}", this::start);
    }

    private ApiResponse start(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        if (catalogs.town(staff.town()).isEmpty()) throw Errors.unknownTown(staff.town());
        // no body, or an empty JSON object: everything is in the path and the query
        if (request.bodyBytes().length > 0) Fields.root(request.jsonBody()).allowOnly();
        ReportKind kind = ReportKind.find(request.pathParam("job")).orElseThrow(() -> Errors.notFound("job"));
        LocalDate today = ChinaTime.today(clock);
        int year = request.query("year") == null
                ? kind.defaultYear(today)
                : Fields.yearParam("year", request.query("year"), 2000, today.getYear());
        String runId = ReportRuns.newRunId(random);
        Instant now = clock.instant();
        if (!reportRuns.claim(staff.town(), year, kind, runId, staff.sub(), now)) {
            throw running(reportRuns.find(staff.town(), year, kind).orElse(null));
        }
        try {
            reportRunner.get().start(new ReportRunRequest(kind, year, List.of(staff.town()), runId, staff.sub()));
        } catch (RuntimeException e) {
            reportRuns.finished(
                    staff.town(),
                    year,
                    kind,
                    runId,
                    ReportRuns.Status.FAILED,
                    "未能启动 / could not be started",
                    clock.instant());
            LOG.warn(
                    "report run not started",
                    "job",
                    kind.code(),
                    "year",
                    year,
                    "runId",
                    runId,
                    "exception",
                    e.getClass().getSimpleName());
            throw Errors.unavailable(30);
        }
        LOG.info("report run requested", "job", kind.code(), "year", year, "runId", runId);
        String status = "/api/v1/admin/reports?year=" + year;
        ObjectNode body = Json.object();
        body.put("runId", runId);
        body.put("job", kind.code());
        body.put("name", year + "年" + kind.nameZh());
        body.put("year", year);
        body.put("status", ReportRuns.Status.QUEUED.code());
        body.put("requestedAt", ChinaTime.timestamp(now.truncatedTo(ChronoUnit.SECONDS)));
        body.put("statusHref", status);
        return ApiResponse.json(202, body).withHeader("location", status);
    }

    /** 409, naming the run that is going (error.runId, error.status) so that the page can follow it. */
    private static ApiException running(ReportRuns.Run busy) {
        return busy == null
                ? Errors.reportRunning(null, null)
                : Errors.reportRunning(busy.runId(), busy.status().code());
    }
}

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
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Generated reports of the staff member's town: {@code GET /api/v1/admin/reports?year=Y} lists them with
 * download links and the state of each job's latest run; {@code GET /api/v1/admin/reports/{year}/{job}/{file}}
 * downloads one, its bytes through this function (base64 in the response) from the report store (S3 in AWS).
 * Job and file are matched against the fixed names only, so no path can be smuggled in.
 */
public final class ReportsHandler extends ApiHandler {
    private static final String BASE = "/api/v1/admin/reports/";
    private final ReportRuns reportRuns;
    private final Supplier<ReportStore> reports;
    private final Catalogs catalogs;
    private final Clock clock;

    /** Lambda's: builds the report runs; the report store (S3 in AWS) at first use. */
    public ReportsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public ReportsHandler(AppContext app) {
        this.reportRuns = app.reportRuns();
        this.reports = app::reports;
        this.catalogs = app.catalogs();
        this.clock = app.clock();
    }

    @Override
    protected void primeReads() {
        reportRuns.list("snapstart-priming", 2000); // never a town
        reports.get(); // the report store (S3 client in AWS) is built at first use: into the snapshot with it
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/admin/reports", this::list,
                "GET /api/v1/admin/reports/{year}/{job}/{file}", this::download);
    }

    /** Town admins and auditors of a town this deployment serves (the town names a folder). */
    private Staff reader(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        if (catalogs.town(staff.town()).isEmpty()) throw Errors.unknownTown(staff.town());
        return staff;
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = reader(request);
        int year = request.query("year") == null
                ? ChinaTime.today(clock).getYear()
                : Fields.yearParam("year", request.query("year"), 2000, 2100);
        Map<ReportKind, List<ReportFile>> files = new EnumMap<>(ReportKind.class);
        for (ReportFile f : reports.get().list(staff.town(), year))
            files.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
        Map<ReportKind, ReportRuns.Run> runs = new EnumMap<>(ReportKind.class);
        for (ReportRuns.Run run : reportRuns.list(staff.town(), year)) runs.put(run.kind(), run);
        Instant now = clock.instant();
        ObjectNode body = Json.object();
        body.put("year", year);
        ArrayNode reports = body.putArray("reports");
        for (ReportKind kind : ReportKind.values()) {
            if (!files.containsKey(kind) && !runs.containsKey(kind)) continue;
            ObjectNode report = reports.addObject();
            report.put("job", kind.code());
            report.put("name", year + "年" + kind.nameZh());
            ArrayNode list = report.putArray("files");
            for (ReportFile f : files.getOrDefault(kind, List.of())) {
                ObjectNode file = list.addObject();
                file.put("format", f.format().code());
                file.put("fileName", f.format().fileName());
                file.put("size", f.size());
                file.put("modifiedAt", time(f.modified()));
                file.put(
                        "href",
                        BASE + year + "/" + kind.code() + "/" + f.format().fileName());
            }
            ReportRuns.Run run = runs.get(kind);
            if (run != null) {
                ObjectNode r = report.putObject("run");
                r.put("runId", run.runId());
                // a queued or running record that stopped changing belongs to a run that died
                r.put(
                        "status",
                        run.status().active() && !run.busy(now)
                                ? ReportRuns.Status.FAILED.code()
                                : run.status().code());
                r.put("requestedAt", time(run.requestedAt()));
                r.put("updatedAt", time(run.updatedAt()));
                if (run.message() != null) r.put("message", run.message());
            }
        }
        return ApiResponse.json(200, body);
    }

    private static String time(Instant instant) {
        return ChinaTime.timestamp(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private ApiResponse download(ApiRequest request) {
        Staff staff = reader(request);
        int year = Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
        ReportKind kind = ReportKind.find(request.pathParam("job")).orElseThrow(() -> Errors.notFound("job"));
        ReportFormat format =
                ReportFormat.byFileName(request.pathParam("file")).orElseThrow(() -> Errors.notFound("file"));
        byte[] content =
                reports.get().read(staff.town(), year, kind, format).orElseThrow(() -> Errors.notFound("file"));
        String name = staff.town() + "-" + year + "-" + kind.code() + "." + format.code();
        return ApiResponse.binary(200, content, format.contentType())
                .withHeader("content-disposition", "attachment; filename=\"" + name + "\"")
                .withHeader("x-content-type-options", "nosniff")
                .withHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }
}

package cn.banshi.reports;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * Generated reports of the staff member's town: {@code GET /api/v1/admin/reports?year=Y} lists them with
 * download links; {@code GET /api/v1/admin/reports/{year}/{job}/{file}} downloads one. Job and file are
 * matched against the fixed names only, so no path can be smuggled in.
 */
public final class ReportsHandler extends ApiHandler {
    private static final String BASE = "/api/v1/admin/reports/";
    private final AppContext app;

    public ReportsHandler() {
        this(AppContext.shared());
        SnapStartPriming.register(this, app.random());
    }

    public ReportsHandler(AppContext app) {
        this.app = app;
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
        if (app.catalogs().town(staff.town()).isEmpty()) throw Errors.unknownTown(staff.town());
        return staff;
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = reader(request);
        int year = request.query("year") == null ? ChinaTime.today(app.clock()).getYear()
                : Fields.intParam("year", request.query("year"), 2000, 2100);
        ObjectNode body = Json.object();
        body.put("year", year);
        ArrayNode reports = body.putArray("reports");
        ReportKind current = null;
        ArrayNode files = null;
        for (ReportFile f : app.reports().list(staff.town(), year)) {
            if (f.kind() != current) {
                current = f.kind();
                ObjectNode report = reports.addObject();
                report.put("job", current.code());
                report.put("name", year + "年" + current.nameZh());
                files = report.putArray("files");
            }
            ObjectNode file = files.addObject();
            file.put("format", f.format().code());
            file.put("fileName", f.format().fileName());
            file.put("size", f.size());
            file.put("modifiedAt", f.modified().atZone(ChinaTime.ZONE).toOffsetDateTime().withNano(0).toString());
            file.put("href", BASE + year + "/" + current.code() + "/" + f.format().fileName());
        }
        return ApiResponse.json(200, body);
    }

    private ApiResponse download(ApiRequest request) {
        Staff staff = reader(request);
        int year = Fields.intParam("year", request.pathParam("year"), 2000, 2100);
        ReportKind kind = ReportKind.find(request.pathParam("job")).orElseThrow(() -> Errors.notFound("job"));
        ReportFormat format = ReportFormat.byFileName(request.pathParam("file")).orElseThrow(() -> Errors.notFound("file"));
        byte[] content = app.reports().read(staff.town(), year, kind, format).orElseThrow(() -> Errors.notFound("file"));
        String name = staff.town() + "-" + year + "-" + kind.code() + "." + format.code();
        return ApiResponse.binary(200, content, format.contentType())
                .withHeader("content-disposition", "attachment; filename=\"" + name + "\"")
                .withHeader("x-content-type-options", "nosniff")
                .withHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }
}

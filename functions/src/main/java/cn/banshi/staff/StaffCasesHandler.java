package cn.banshi.staff;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.attachments.AttachmentBodies;
import cn.banshi.attachments.AttachmentRef;
import cn.banshi.attachments.UploadService;
import cn.banshi.audit.AuditFilter;
import cn.banshi.audit.AuditLog;
import cn.banshi.audit.AuditViews;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.CalendarService;
import cn.banshi.cases.CaseStore;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.overdue.AlertViews;
import cn.banshi.overdue.OverdueSweep;
import cn.banshi.personaldata.PersonalDataViews;
import cn.banshi.personaldata.PersonalTexts;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The staff case desk: list, export, read and act on cases, mark their free text as personal; the year's figures; the
 * audit log; overdue alerts.
 * Every route checks role and scope itself, whatever the authorizer let through.
 */
public final class StaffCasesHandler extends ApiHandler {
    private static final Set<String> AUDIT_PARAMS =
            Set.of("from", "to", "event", "sub", "trackingNo", "limit", "cursor");

    private final CaseStore cases;
    private final CalendarService calendars;
    private final StaffCaseService staffCases;
    private final CsvExport export;
    private final StatsService stats;
    private final AuditLog audit;
    private final OverdueSweep sweep;
    private final Supplier<UploadService> uploads;

    /** Lambda's: builds the staff services (cases, audit, stats, export, overdue alerts), and nothing else. */
    public StaffCasesHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public StaffCasesHandler(AppContext app) {
        this.cases = app.cases();
        this.calendars = app.calendars();
        this.staffCases = app.staffCases();
        this.export = app.export();
        this.stats = app.stats();
        this.audit = app.audit();
        this.sweep = app.sweep();
        this.uploads = app::uploads;
    }

    @Override
    protected void primeReads() {
        cases.find("snapstart-priming");
        calendars.deadlines();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/admin/cases", this::list,
                "GET /api/v1/admin/cases/export", this::export,
                "GET /api/v1/admin/cases/{trackingNo}", this::detail,
                "POST /api/v1/admin/cases/{trackingNo}/actions", this::act,
                "POST /api/v1/admin/cases/{trackingNo}/personal-text", this::markPersonalText,
                "GET /api/v1/admin/stats", this::stats,
                "GET /api/v1/admin/audit", this::audit,
                "GET /api/v1/admin/alerts", this::alerts);
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        Catalog catalog = staffCases.catalog(staff);
        var query = request.event().getQueryStringParameters();
        ListFilters filters = ListFilters.parse(query, catalog);
        return ApiResponse.json(
                200, CaseViews.list(staffCases.list(staff, filters, ListFilters.limit(query), cursor(request))));
    }

    private ApiResponse export(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        Catalog catalog = staffCases.catalog(staff);
        var query = request.event().getQueryStringParameters();
        ListFilters filters = ListFilters.parse(query, catalog);
        String csv = export.export(
                staff, staffCases.query(staff, filters, 200, cursor(request)), catalog, staffCases.today());
        ApiResponse response = new ApiResponse(200, csv, new LinkedHashMap<>());
        response.headers().put("content-type", "text/csv; charset=utf-8");
        response.headers()
                .put("content-disposition", "attachment; filename=\"banshi-cases-" + staffCases.today() + ".csv\"");
        response.headers().put("cache-control", "no-store");
        return response;
    }

    private ApiResponse detail(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        return ApiResponse.json(200, CaseViews.detail(staffCases.detail(staff, request.pathParam("trackingNo"))));
    }

    private ApiResponse act(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        StaffCaseService.requireActor(staff);
        JsonNode body = request.jsonBody();
        List<AttachmentRef> refs = AttachmentBodies.stripRefs(body);
        CaseActionRequest action = CaseActionRequest.parse(Fields.root(body));
        return ApiResponse.json(
                200,
                CaseViews.detail(staffCases.act(
                        staff,
                        request.pathParam("trackingNo"),
                        action,
                        refs.isEmpty() ? null : c -> uploads.get().attachForAction(c, staff, refs))));
    }

    /** Staff replace the personal parts of a citizen's text; the words go into the sealed personal data. */
    private ApiResponse markPersonalText(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        StaffCaseService.requireActor(staff);
        PersonalTexts.Mark mark = PersonalDataViews.markForm(request.jsonBody());
        return ApiResponse.json(
                200, CaseViews.detail(staffCases.markPersonalText(staff, request.pathParam("trackingNo"), mark)));
    }

    private ApiResponse stats(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        String raw = request.query("year");
        int year = raw == null ? staffCases.today().getYear() : Fields.yearParam("year", raw, 2000, 2100);
        return ApiResponse.json(200, StatsViews.toJson(stats.stats(staff, year)));
    }

    private ApiResponse audit(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        Map<String, String> q = request.event().getQueryStringParameters();
        if (q == null) q = Map.of();
        for (String name : q.keySet()) if (!AUDIT_PARAMS.contains(name)) throw Errors.unknownField(name);
        AuditFilter filter = new AuditFilter(
                ListFilters.date(q, "from"),
                ListFilters.date(q, "to"),
                blankToNull(q.get("event")),
                blankToNull(q.get("sub")),
                blankToNull(q.get("trackingNo")));
        return ApiResponse.json(
                200, AuditViews.toJson(audit.list(staff.town(), filter, ListFilters.limit(q), cursor(request))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private ApiResponse alerts(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        int limit = ListFilters.limit(request.event().getQueryStringParameters());
        return ApiResponse.json(200, AlertViews.toJson(sweep.alerts(staff.town(), staff.village(), limit)));
    }

    private static String cursor(ApiRequest request) {
        String cursor = request.query("cursor");
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 2048)) {
            throw Errors.invalidCursor();
        }
        return cursor;
    }
}

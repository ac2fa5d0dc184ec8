package cn.banshi.staff;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The staff case desk: list, export, read and act on cases; the year's figures; the audit log; overdue alerts.
 * Every route checks role and scope itself, whatever the authorizer let through.
 */
public final class StaffCasesHandler extends ApiHandler {
    private final AppContext app;

    public StaffCasesHandler() {
        this(AppContext.shared());
        SnapStartPriming.register(this, app.random());
    }

    @Override
    protected void primeReads() {
        app.cases().find("snapstart-priming");
        app.calendars().deadlines();
    }

    public StaffCasesHandler(AppContext app) {
        this.app = app;
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/admin/cases", this::list,
                "GET /api/v1/admin/cases/export", this::export,
                "GET /api/v1/admin/cases/{trackingNo}", this::detail,
                "POST /api/v1/admin/cases/{trackingNo}/actions", this::act,
                "GET /api/v1/admin/stats", this::stats,
                "GET /api/v1/admin/audit", this::audit,
                "GET /api/v1/admin/alerts", this::alerts);
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        Catalog catalog = app.staffCases().catalog(staff);
        var query = request.event().getQueryStringParameters();
        ListFilters filters = ListFilters.parse(query, catalog);
        return ApiResponse.json(200, app.staffCases().list(staff, filters, ListFilters.limit(query), cursor(request)));
    }

    private ApiResponse export(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        Catalog catalog = app.staffCases().catalog(staff);
        var query = request.event().getQueryStringParameters();
        ListFilters filters = ListFilters.parse(query, catalog);
        String csv = app.export().export(staff, app.staffCases().query(staff, filters, 200, cursor(request)), catalog,
                app.staffCases().today());
        ApiResponse response = new ApiResponse(200, csv, new java.util.LinkedHashMap<>());
        response.headers().put("content-type", "text/csv; charset=utf-8");
        response.headers().put("content-disposition", "attachment; filename=\"banshi-cases-" + app.staffCases().today() + ".csv\"");
        response.headers().put("cache-control", "no-store");
        return response;
    }

    private ApiResponse detail(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        return ApiResponse.json(200, app.staffCases().detail(staff, request.pathParam("trackingNo")));
    }

    private ApiResponse act(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        return ApiResponse.json(200, app.staffCases().act(staff, request.pathParam("trackingNo"), request.jsonBody()));
    }

    private ApiResponse stats(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        String raw = request.query("year");
        int year = raw == null ? app.staffCases().today().getYear() : Fields.yearParam("year", raw, 2000, 2100);
        return ApiResponse.json(200, app.stats().stats(staff, year));
    }

    private ApiResponse audit(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        var q = request.event().getQueryStringParameters();
        LocalDate from = ListFilters.date(q == null ? Map.of() : q, "from");
        LocalDate to = ListFilters.date(q == null ? Map.of() : q, "to");
        return ApiResponse.json(200, app.audit().list(staff.town(), from, to, ListFilters.limit(q), cursor(request)));
    }

    private ApiResponse alerts(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        return ApiResponse.json(200, app.sweep().alerts(staff.town(), staff.village(),
                ListFilters.limit(request.event().getQueryStringParameters())));
    }

    private static String cursor(ApiRequest request) {
        String cursor = request.query("cursor");
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 2048)) {
            throw Errors.invalidCursor();
        }
        return cursor;
    }
}

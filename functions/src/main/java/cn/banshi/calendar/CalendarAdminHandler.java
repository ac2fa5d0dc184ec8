package cn.banshi.calendar;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * Loading a year's working-day arrangement (the State Council's notice each November/December):
 * {@code PUT /api/v1/admin/calendar/{year}} by a town administrator, validated (every date in that year,
 * no day both off and on, make-up days on weekends); {@code GET} shows the year in force.
 */
public final class CalendarAdminHandler extends ApiHandler {
    private final AppContext app;

    public CalendarAdminHandler() {
        this(AppContext.shared());
        SnapStartPriming.register(this, app.random());
    }

    @Override
    protected void primeReads() {
        app.calendars().deadlines();
    }

    public CalendarAdminHandler(AppContext app) {
        this.app = app;
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of("PUT /api/v1/admin/calendar/{year}", this::put, "GET /api/v1/admin/calendar/{year}", this::get);
    }

    private static int year(ApiRequest request) {
        String raw = request.pathParam("year");
        if (raw == null || !raw.matches("\\d{4}")) throw Errors.invalidFormat("year", "年份应为四位数字", "year must be four digits");
        return Integer.parseInt(raw);
    }

    private ApiResponse get(ApiRequest request) {
        StaffAuth.require(request);
        int year = year(request);
        YearArrangement arrangement = app.calendars().get(year).orElseThrow(() -> Errors.notFound("year"));
        return ApiResponse.json(200, arrangement.toJson());
    }

    private ApiResponse put(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        int year = year(request);
        JsonNode body = request.jsonBody();
        Fields.root(body).allowOnly("year", "notice", "daysOff", "makeUpWorkdays");
        ObjectNode withYear = ((ObjectNode) body).deepCopy();
        if (withYear.has("year") && !(withYear.get("year").isIntegralNumber() && withYear.get("year").intValue() == year)) {
            throw Errors.notAllowed("year", "请求体中的年份与路径不一致", "The body's year differs from the path's");
        }
        withYear.put("year", year);
        YearArrangement.Parsed parsed = YearArrangement.fromJson(withYear);
        if (!parsed.ok()) throw Errors.invalidCalendar(parsed.problems());
        app.calendars().put(parsed.arrangement().get());
        app.audit().record(staff, "load-calendar", null, Integer.toString(year));
        return ApiResponse.json(200, parsed.arrangement().get().toJson());
    }
}

package cn.banshi.calendar;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.overdue.DeadlineRecompute;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loading a year's working-day arrangement (the State Council's notice each November/December):
 * {@code PUT /api/v1/admin/calendar/{year}} by a town administrator, validated (every date in that year,
 * no day both off and on, make-up days on weekends), then every open deadline that may pass through the year is counted
 * again ({@link RecomputeRunner}); {@code GET} shows the year in force, loaded or provisional (the statutory holidays
 * and 补假 days assumed until the notice is loaded). Years from 2000 to three years ahead.
 */
public final class CalendarAdminHandler extends ApiHandler {
    private static final Log LOG = Log.get(CalendarAdminHandler.class);
    private final CalendarService calendars;
    private final DeadlineRecompute recompute;
    private final AuditLog audit;
    private final Clock clock;
    private final Set<String> deployedTowns;
    private final Supplier<RecomputeRunner> recomputeRunner;

    /** Lambda's: builds the calendars, the deadline recompute and the audit log; the recompute runner at first use. */
    public CalendarAdminHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public CalendarAdminHandler(AppContext app) {
        this.calendars = app.calendars();
        this.recompute = app.recompute();
        this.audit = app.audit();
        this.clock = app.clock();
        this.deployedTowns = app.deployedTowns();
        this.recomputeRunner = app::recomputeRunner;
    }

    @Override
    protected void primeReads() {
        calendars.deadlines();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of("PUT /api/v1/admin/calendar/{year}", this::put, "GET /api/v1/admin/calendar/{year}", this::get);
    }

    /** How far ahead a year may be asked for or loaded. */
    static final int YEARS_AHEAD = 3;

    private int year(ApiRequest request) {
        int last = ChinaTime.today(clock).getYear() + YEARS_AHEAD;
        return Fields.yearParam("year", request.pathParam("year"), YearArrangement.MIN_YEAR, last);
    }

    private ApiResponse get(ApiRequest request) {
        StaffAuth.require(request);
        int year = year(request);
        WorkingDayCalendar calendar = calendars.deadlines().calendar();
        ObjectNode body = YearArrangementJson.write(calendar.inForce(year));
        body.put("provisional", calendar.isProvisional(year));
        ArrayNode holidays = body.putArray("statutoryHolidays");
        for (StatutoryHolidays.Holiday h : StatutoryHolidays.of(year)) {
            ObjectNode node = holidays.addObject()
                    .put("festival", h.festival().name())
                    .put("name", h.festival().nameZh());
            ArrayNode days = node.putArray("days");
            h.days().forEach(d -> days.add(d.toString()));
            ArrayNode inLieu = node.putArray("inLieu");
            h.inLieu().forEach(d -> inLieu.add(d.toString()));
        }
        putRecompute(body, year);
        return ApiResponse.json(200, body);
    }

    private void putRecompute(ObjectNode body, int year) {
        ObjectNode states = body.putObject("recompute");
        recompute.states(year).forEach(states::put);
    }

    private ApiResponse put(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        int year = year(request);
        JsonNode body = request.jsonBody();
        Fields.root(body).allowOnly("year", "notice", "daysOff", "makeUpWorkdays");
        ObjectNode withYear = ((ObjectNode) body).deepCopy();
        if (withYear.has("year")
                && !(withYear.get("year").isIntegralNumber()
                        && withYear.get("year").intValue() == year)) {
            throw Errors.notAllowed("year", "请求体中的年份与路径不一致", "The body's year differs from the path's");
        }
        withYear.put("year", year);
        YearArrangement.Parsed parsed = YearArrangementJson.read(withYear);
        if (!parsed.ok()) throw Errors.invalidCalendar(parsed.problems());
        calendars.put(parsed.arrangement().get());
        audit.record(staff, "load-calendar", null, Integer.toString(year));
        recompute.schedule(year, deployedTowns);
        try {
            recomputeRunner.get().start(year);
        } catch (RuntimeException e) {
            // the year is stored and its runs are pending: the next daily sweep finishes them
            LOG.warn(
                    "deadline recompute not started",
                    "year",
                    year,
                    "exception",
                    e.getClass().getSimpleName());
        }
        ObjectNode answer = YearArrangementJson.write(parsed.arrangement().get());
        answer.put("provisional", false);
        putRecompute(answer, year);
        return ApiResponse.json(200, answer);
    }
}

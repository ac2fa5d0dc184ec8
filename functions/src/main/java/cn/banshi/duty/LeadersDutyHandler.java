package cn.banshi.duty;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.validation.Fields;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Section 三's inputs of a year ({@code /api/v1/admin/leaders-duty/{year}}): the principal leaders, the
 * rule-of-law committee and its meetings, as the work report names them. PUT replaces the year's entry.
 */
public final class LeadersDutyHandler extends ApiHandler {
    private static final Log LOG = Log.get(LeadersDutyHandler.class);
    private final LeadersDutyStore duty;
    private final Clock clock;

    /** Lambda's: builds the store, and nothing else. */
    public LeadersDutyHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public LeadersDutyHandler(AppContext app) {
        this.duty = app.leadersDuty();
        this.clock = app.clock();
    }

    @Override
    protected void primeReads() {
        duty.find("snapstart-priming", 2000); // never a town
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "PUT /api/v1/admin/leaders-duty/{year}", this::put,
                "GET /api/v1/admin/leaders-duty/{year}", this::get);
    }

    private ApiResponse put(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        int year = Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
        LeadersDuty entry = LeadersDutyForms.read(Fields.root(request.jsonBody()), year);
        duty.put(staff.town(), entry, staff.sub(), clock.instant());
        // officials' names stay out of the log: only who saved it and for which year
        LOG.info("leaders' duty saved", "town", staff.town(), "year", year, "actor", staff.sub());
        return ApiResponse.json(200, LeadersDutyJson.write(entry));
    }

    private ApiResponse get(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        int year = Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
        LeadersDuty entry = duty.find(staff.town(), year).orElseThrow(() -> Errors.notFound("year"));
        return ApiResponse.json(200, LeadersDutyJson.write(entry));
    }
}

package cn.banshi.disclosure;

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
 * The year's disclosure figures that only staff know ({@code /api/v1/admin/disclosure-figures/{year}}): the
 * proactive-disclosure table and the review and litigation table of the annual report. PUT replaces them.
 */
public final class DisclosureFiguresHandler extends ApiHandler {
    private static final Log LOG = Log.get(DisclosureFiguresHandler.class);
    private final DisclosureStore disclosure;
    private final Clock clock;

    /** Lambda's: builds the disclosure store, and nothing else. */
    public DisclosureFiguresHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public DisclosureFiguresHandler(AppContext app) {
        this.disclosure = app.disclosure();
        this.clock = app.clock();
    }

    @Override
    protected void primeReads() {
        disclosure.find("snapstart-priming", 2000); // never a town
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "PUT /api/v1/admin/disclosure-figures/{year}", this::put,
                "GET /api/v1/admin/disclosure-figures/{year}", this::get);
    }

    private ApiResponse put(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        int year = Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
        DisclosureFigures figures = DisclosureForms.read(Fields.root(request.jsonBody()), year);
        disclosure.put(staff.town(), figures, staff.sub(), clock.instant());
        LOG.info("disclosure figures saved", "town", staff.town(), "year", year, "actor", staff.sub());
        return ApiResponse.json(200, DisclosureFiguresJson.write(figures));
    }

    private ApiResponse get(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        int year = Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
        DisclosureFigures figures = disclosure.find(staff.town(), year).orElseThrow(() -> Errors.notFound("year"));
        return ApiResponse.json(200, DisclosureFiguresJson.write(figures));
    }
}

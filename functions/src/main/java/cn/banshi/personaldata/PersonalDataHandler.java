package cn.banshi.personaldata;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.cases.CaseStore;
import java.util.Map;
import java.util.function.Function;

/**
 * The person's rights from the tracking page, with tracking number and header {@code X-Access-Code} (the tracking
 * attempt limit applies): {@code GET /api/v1/track/{trackingNo}/personal-data} (their copy, audited) and
 * {@code POST /api/v1/track/{trackingNo}/personal-data-requests} (correction or deletion).
 */
public final class PersonalDataHandler extends ApiHandler {
    private final CaseStore cases;
    private final PersonalDataRights rights;

    /** Lambda's: builds the case store, tracking, the request store, the audit log and the calendar. */
    public PersonalDataHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public PersonalDataHandler(AppContext app) {
        this.cases = app.cases();
        this.rights = app.personalDataRights();
    }

    @Override
    protected void primeReads() {
        cases.find("snapstart-priming"); // never a tracking number
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/track/{trackingNo}/personal-data", this::copy,
                "POST /api/v1/track/{trackingNo}/personal-data-requests", this::request);
    }

    private ApiResponse copy(ApiRequest request) {
        PersonalDataRights.Copy copy = rights.copy(request.pathParam("trackingNo"), request.header("x-access-code"));
        return ApiResponse.json(200, PersonalDataViews.copy(copy)).withHeader("cache-control", "no-store");
    }

    private ApiResponse request(ApiRequest request) {
        PersonalDataRights.RequestForm form = PersonalDataViews.requestForm(request.jsonBody());
        DataRequest made = rights.request(request.pathParam("trackingNo"), request.header("x-access-code"), form);
        return ApiResponse.json(201, PersonalDataViews.request(made, rights.deadlines(), null));
    }
}

package cn.banshi.tracking;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /api/v1/track/{trackingNo}} with header {@code X-Access-Code}. */
public final class TrackingHandler extends ApiHandler {
    private final CaseStore cases;
    private final TrackingService tracking;

    /** Lambda's: builds the case store and the tracking service (with its attempt limiter), and nothing else. */
    public TrackingHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public TrackingHandler(AppContext app) {
        this.cases = app.cases();
        this.tracking = app.tracking();
    }

    @Override
    protected void primeReads() {
        cases.find("snapstart-priming"); // never a tracking number
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/track/{trackingNo}",
                request -> ApiResponse.json(
                        200,
                        TrackingViews.publicView(
                                tracking.track(request.pathParam("trackingNo"), request.header("x-access-code")))),
                "POST /api/v1/track/{trackingNo}/rating",
                this::rate);
    }

    private ApiResponse rate(ApiRequest request) {
        TrackingService.RatingForm form = TrackingViews.ratingForm(request.jsonBody());
        CaseRecord rated = tracking.rate(request.pathParam("trackingNo"), request.header("x-access-code"), form);
        return ApiResponse.json(200, TrackingViews.publicView(rated));
    }
}

package cn.banshi.tracking;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.SnapStartPriming;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /api/v1/track/{trackingNo}} with header {@code X-Access-Code}. */
public final class TrackingHandler extends ApiHandler {
    private final AppContext app;

    public TrackingHandler() {
        this(AppContext.shared());
        SnapStartPriming.register(this, app.random());
    }

    @Override
    protected void primeReads() {
        app.cases().find("snapstart-priming"); // never a tracking number
    }

    public TrackingHandler(AppContext app) {
        this.app = app;
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/track/{trackingNo}", request ->
                        ApiResponse.json(200, app.tracking().track(request.pathParam("trackingNo"), request.header("x-access-code"))),
                "POST /api/v1/track/{trackingNo}/rating", request ->
                        ApiResponse.json(200, app.tracking().rate(request.pathParam("trackingNo"), request.header("x-access-code"),
                                request.jsonBody())));
    }
}

package cn.banshi.health;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.json.Json;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /api/v1/health}: answers without touching storage, so it stays cheap for probes. */
public final class HealthHandler extends ApiHandler {
    public HealthHandler() {
        SnapStartPriming.register(this, null);
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/health",
                request -> ApiResponse.json(200, Json.object().put("status", "ok")));
    }
}

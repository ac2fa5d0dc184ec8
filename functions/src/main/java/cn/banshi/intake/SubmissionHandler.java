package cn.banshi.intake;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.idempotency.StoredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;

/** Citizens' submissions: {@code POST /towns/{town}/complaints} and {@code POST /towns/{town}/info-requests}. */
public final class SubmissionHandler extends ApiHandler {
    private final AppContext app;

    public SubmissionHandler() {
        this(AppContext.shared());
        SnapStartPriming.register(this, app.random());
    }

    public SubmissionHandler(AppContext app) {
        this.app = app;
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/towns/{town}/complaints", request -> submit(request, "complaints"),
                "POST /api/v1/towns/{town}/info-requests", request -> submit(request, "info-requests"));
    }

    @Override
    protected void primeReads() {
        app.calendars().deadlines();
    }

    private ApiResponse submit(ApiRequest request, String kind) {
        String town = request.pathParam("town");
        Catalog catalog = app.catalogs().town(town).orElseThrow(() -> Errors.unknownTown(town));
        JsonNode body = request.jsonBody();
        CaseForm form = kind.equals("complaints") ? ComplaintForms.parse(body, catalog) : InfoRequestForms.parse(body);
        StoredResponse stored = app.intake().submit(town, catalog, form, IntakeService.Receipt.online(), kind,
                request.header("idempotency-key"), request.bodyBytes());
        return toResponse(stored);
    }

    public static ApiResponse toResponse(StoredResponse stored) {
        ApiResponse response = ApiResponse.json(stored.status(), stored.body());
        if (stored.location() != null) response.withHeader("location", stored.location());
        return response;
    }
}

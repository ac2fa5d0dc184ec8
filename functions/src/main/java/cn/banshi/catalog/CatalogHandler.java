package cn.banshi.catalog;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.errors.Errors;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /api/v1/towns/{town}/catalog}: case types, categories and villages for the forms. */
public final class CatalogHandler extends ApiHandler {
    private final Catalogs catalogs;

    public CatalogHandler() {
        this(Catalogs.bundled());
        SnapStartPriming.register(this, null);
    }

    public CatalogHandler(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of("GET /api/v1/towns/{town}/catalog", this::catalog);
    }

    private ApiResponse catalog(ApiRequest request) {
        String town = request.pathParam("town");
        Catalog catalog = catalogs.town(town).orElseThrow(() -> Errors.unknownTown(town));
        return ApiResponse.json(200, CatalogViews.publicView(catalog))
                .withHeader("cache-control", "public, max-age=300");
    }
}

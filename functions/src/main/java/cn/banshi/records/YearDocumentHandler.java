package cn.banshi.records;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The routes of one kind of per-town year document ({@code PUT} and {@code GET} on {@code path}, which ends in
 * {@code {year}}): town admins replace the year's document, admins and auditors read it, the town is always the
 * token's. A kind says how its body is parsed and its JSON.
 */
public abstract class YearDocumentHandler<T> extends ApiHandler {
    private final Log log = Log.get(getClass());
    private final YearDocuments<T> store;
    private final Clock clock;
    private final String path;
    private final String noun;
    private final BiFunction<Fields, Integer, T> parse;
    private final Function<T, JsonNode> toJson;

    /**
     * @param path the document's path, e.g. {@code /api/v1/admin/leaders-duty/{year}}
     * @param noun what the log line calls the document, e.g. {@code leaders' duty}
     * @param parse the document from a PUT body and the path's year
     */
    protected YearDocumentHandler(
            YearDocuments<T> store,
            Clock clock,
            String path,
            String noun,
            BiFunction<Fields, Integer, T> parse,
            Function<T, JsonNode> toJson) {
        this.store = store;
        this.clock = clock;
        this.path = path;
        this.noun = noun;
        this.parse = parse;
        this.toJson = toJson;
    }

    @Override
    protected final void primeReads() {
        store.find("snapstart-priming", 2000); // never a town
    }

    @Override
    protected final Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of("PUT " + path, this::put, "GET " + path, this::get);
    }

    private ApiResponse put(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        int year = year(request);
        T document = parse.apply(Fields.root(request.jsonBody()), year);
        store.put(staff.town(), document, staff.sub(), clock.instant());
        // what the document holds (officials' names among it) stays out of the log: who saved it, for which year
        log.info(noun + " saved", "town", staff.town(), "year", year, "actor", staff.sub());
        return ApiResponse.json(200, toJson.apply(document));
    }

    private ApiResponse get(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        T document = store.find(staff.town(), year(request)).orElseThrow(() -> Errors.notFound("year"));
        return ApiResponse.json(200, toJson.apply(document));
    }

    private static int year(ApiRequest request) {
        return Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
    }
}

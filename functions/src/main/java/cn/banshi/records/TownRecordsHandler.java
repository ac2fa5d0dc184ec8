package cn.banshi.records;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The routes of one kind of per-town staff input ({@code POST}, {@code GET ?year=}, {@code PUT /{id}},
 * {@code DELETE /{id}} under {@code path}): town admins write, auditors read, the town is always the token's. A
 * kind says how its bodies are parsed, which year a list shows by default, and its JSON.
 */
public abstract class TownRecordsHandler<T extends TownRecord, C extends TownRecordStore.Changes> extends ApiHandler {
    private final Log log = Log.get(getClass());
    private final TownRecordStore<T, C> store;
    private final Clock clock;
    private final String path;
    private final String noun;

    /**
     * @param path the collection's path, e.g. {@code /api/v1/admin/activities}
     * @param noun what the log lines call one record, e.g. {@code activity}
     */
    protected TownRecordsHandler(TownRecordStore<T, C> store, Clock clock, String path, String noun) {
        this.store = store;
        this.clock = clock;
        this.path = path;
        this.noun = noun;
    }

    /** A new record from a POST body, with a fresh id in its year. */
    protected abstract T parseNew(Fields body, String town);

    /** The changes a PUT body names. */
    protected abstract C parseChanges(Fields body);

    /** The year {@code GET} lists without {@code ?year=}. */
    protected abstract int defaultYear(LocalDate today);

    protected abstract ObjectNode toJson(T record);

    @Override
    protected final Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST " + path, this::create,
                "GET " + path, this::list,
                "PUT " + path + "/{id}", this::update,
                "DELETE " + path + "/{id}", this::delete);
    }

    @Override
    protected void primeReads() {
        store.list("snapstart-priming", 2000); // never a town
    }

    private ApiResponse create(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        T record = parseNew(Fields.root(request.jsonBody()), staff.town());
        store.create(record, staff.sub(), clock.instant());
        log.info(noun + " created", "town", staff.town(), "id", record.id(), "actor", staff.sub());
        return ApiResponse.json(201, toJson(record)).withHeader("location", path + "/" + record.id());
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        int year = request.query("year") == null
                ? defaultYear(ChinaTime.today(clock))
                : Fields.yearParam("year", request.query("year"), 2000, 2100);
        ObjectNode body = Json.object();
        body.put("year", year);
        ArrayNode items = body.putArray("items");
        store.list(staff.town(), year).forEach(r -> items.add(toJson(r)));
        return ApiResponse.json(200, body);
    }

    private ApiResponse update(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        String id = id(request);
        C changes = parseChanges(Fields.root(request.jsonBody()));
        if (changes.isEmpty()) throw Errors.required("body");
        T updated = store.update(staff.town(), id, changes, staff.sub(), clock.instant())
                .orElseThrow(() -> Errors.notFound("id"));
        log.info(noun + " updated", "town", staff.town(), "id", id, "actor", staff.sub());
        return ApiResponse.json(200, toJson(updated));
    }

    private ApiResponse delete(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        String id = id(request);
        if (!store.delete(staff.town(), id)) throw Errors.notFound("id");
        log.info(noun + " deleted", "town", staff.town(), "id", id, "actor", staff.sub());
        return ApiResponse.noContent();
    }

    private static String id(ApiRequest request) {
        String id = TownRecords.normalize(request.pathParam("id"));
        if (!TownRecords.isId(id)) throw Errors.notFound("id");
        return id;
    }
}

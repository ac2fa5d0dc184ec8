package cn.banshi.activities;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import cn.banshi.records.TownRecords;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * The town's activities and measures ({@code /api/v1/admin/activities}): town admins write, auditors read.
 * The town is always the token's.
 */
public final class ActivitiesHandler extends ApiHandler {
    private static final Log LOG = Log.get(ActivitiesHandler.class);
    private final ActivityStore activities;
    private final Clock clock;

    /** Lambda's: builds the activity store, and nothing else. */
    public ActivitiesHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public ActivitiesHandler(AppContext app) {
        this.activities = app.activities();
        this.clock = app.clock();
    }

    @Override
    protected void primeReads() {
        activities.list("snapstart-priming", 2000); // never a town
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/admin/activities", this::create,
                "GET /api/v1/admin/activities", this::list,
                "PUT /api/v1/admin/activities/{id}", this::update,
                "DELETE /api/v1/admin/activities/{id}", this::delete);
    }

    private ApiResponse create(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        Activity activity = ActivityForms.create(request.jsonBody(), staff.town(), TownRecords::newId);
        activities.create(activity, staff.sub(), clock.instant());
        LOG.info("activity created", "town", staff.town(), "id", activity.id(), "actor", staff.sub());
        return ApiResponse.json(201, toJson(activity))
                .withHeader("location", "/api/v1/admin/activities/" + activity.id());
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        int year = request.query("year") == null
                ? ChinaTime.today(clock).getYear()
                : Fields.yearParam("year", request.query("year"), 2000, 2100);
        ObjectNode body = Json.object();
        body.put("year", year);
        ArrayNode items = body.putArray("items");
        activities.list(staff.town(), year).forEach(a -> items.add(toJson(a)));
        return ApiResponse.json(200, body);
    }

    private ApiResponse update(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        String id = id(request);
        ActivityForms.Changes changes = ActivityForms.read(request.jsonBody());
        if (changes.isEmpty()) throw Errors.required("body");
        Activity updated = activities
                .update(staff.town(), id, changes, staff.sub(), clock.instant())
                .orElseThrow(() -> Errors.notFound("id"));
        LOG.info("activity updated", "town", staff.town(), "id", id, "actor", staff.sub());
        return ApiResponse.json(200, toJson(updated));
    }

    private ApiResponse delete(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        String id = id(request);
        if (!activities.delete(staff.town(), id)) throw Errors.notFound("id");
        LOG.info("activity deleted", "town", staff.town(), "id", id, "actor", staff.sub());
        return ApiResponse.noContent();
    }

    private static String id(ApiRequest request) {
        String id = TownRecords.normalize(request.pathParam("id"));
        if (!TownRecords.isId(id)) throw Errors.notFound("id");
        return id;
    }

    static ObjectNode toJson(Activity a) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("date", a.date().toString());
        n.put("theme", a.theme().code());
        n.put("themeName", a.theme().nameZh());
        n.put("kind", a.kind().code());
        n.put("kindName", a.kind().nameZh());
        n.put("title", a.title());
        if (a.description() != null) n.put("description", a.description());
        if (a.place() != null) n.put("place", a.place());
        if (a.participants() != null) n.put("participants", a.participants());
        n.put("leaderDuty", a.leaderDuty());
        n.put("version", a.version());
        return n;
    }
}

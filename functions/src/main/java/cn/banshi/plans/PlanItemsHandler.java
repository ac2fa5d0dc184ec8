package cn.banshi.plans;

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
 * The next year's arrangements ({@code /api/v1/admin/plan-items}) and, later, what became of them
 * ({@code PUT} with {@code status}). {@code GET ?year=} lists a plan year (default: next year).
 */
public final class PlanItemsHandler extends ApiHandler {
    private static final Log LOG = Log.get(PlanItemsHandler.class);
    private final PlanItemStore planItems;
    private final Clock clock;

    /** Lambda's: builds the plan item store, and nothing else. */
    public PlanItemsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public PlanItemsHandler(AppContext app) {
        this.planItems = app.planItems();
        this.clock = app.clock();
    }

    @Override
    protected void primeReads() {
        planItems.list("snapstart-priming", 2000); // never a town
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/admin/plan-items", this::create,
                "GET /api/v1/admin/plan-items", this::list,
                "PUT /api/v1/admin/plan-items/{id}", this::update,
                "DELETE /api/v1/admin/plan-items/{id}", this::delete);
    }

    private ApiResponse create(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        PlanItem item = PlanItemForms.create(request.jsonBody(), staff.town(), TownRecords::newId);
        planItems.create(item, staff.sub(), clock.instant());
        LOG.info("plan item created", "town", staff.town(), "id", item.id(), "actor", staff.sub());
        return ApiResponse.json(201, toJson(item)).withHeader("location", "/api/v1/admin/plan-items/" + item.id());
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        int year = request.query("year") == null
                ? ChinaTime.today(clock).getYear() + 1
                : Fields.yearParam("year", request.query("year"), 2000, 2100);
        ObjectNode body = Json.object();
        body.put("year", year);
        ArrayNode items = body.putArray("items");
        planItems.list(staff.town(), year).forEach(p -> items.add(toJson(p)));
        return ApiResponse.json(200, body);
    }

    private ApiResponse update(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        String id = id(request);
        PlanItemForms.Changes changes = PlanItemForms.read(request.jsonBody());
        if (changes.isEmpty()) throw Errors.required("body");
        PlanItem updated = planItems
                .update(staff.town(), id, changes, staff.sub(), clock.instant())
                .orElseThrow(() -> Errors.notFound("id"));
        LOG.info("plan item updated", "town", staff.town(), "id", id, "actor", staff.sub());
        return ApiResponse.json(200, toJson(updated));
    }

    private ApiResponse delete(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN);
        String id = id(request);
        if (!planItems.delete(staff.town(), id)) throw Errors.notFound("id");
        LOG.info("plan item deleted", "town", staff.town(), "id", id, "actor", staff.sub());
        return ApiResponse.noContent();
    }

    private static String id(ApiRequest request) {
        String id = TownRecords.normalize(request.pathParam("id"));
        if (!TownRecords.isId(id)) throw Errors.notFound("id");
        return id;
    }

    static ObjectNode toJson(PlanItem p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("year", p.year());
        n.put("title", p.title());
        if (p.description() != null) n.put("description", p.description());
        n.put("owner", p.owner());
        if (p.place() != null) n.put("place", p.place());
        n.put("targetDate", p.targetDate().toString());
        n.put("status", p.status().code());
        n.put("statusName", p.status().nameZh());
        n.put("source", p.source());
        n.put("version", p.version());
        return n;
    }
}

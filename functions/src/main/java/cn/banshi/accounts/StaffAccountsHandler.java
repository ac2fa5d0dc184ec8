package cn.banshi.accounts;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Staff management for town admins (village staff and auditors get 403): {@code /api/v1/admin/staff} lists and
 * creates the town's accounts, {@code /api/v1/admin/staff/{username}} reads and replaces one's role, village, name
 * and contact details, and {@code …/disable}, {@code …/enable}, {@code …/reset-password} do what they say. Another
 * town's account answers 404 like an unknown one. Responses never carry a password hash; a temporary password
 * appears once, in the answer to the admin who created or reset the account (local accounts; in AWS Cognito mails
 * it). The contact details are personal data: the list and each view are audited.
 */
public final class StaffAccountsHandler extends ApiHandler {
    private final StaffManagement management;
    private final AuditLog audit;
    private final Catalogs catalogs;

    public StaffAccountsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public StaffAccountsHandler(AppContext app) {
        this.management = app.staffManagement();
        this.audit = app.audit();
        this.catalogs = app.catalogs();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/admin/staff", this::list,
                "POST /api/v1/admin/staff", this::create,
                "GET /api/v1/admin/staff/{username}", this::get,
                "PUT /api/v1/admin/staff/{username}", this::update,
                "POST /api/v1/admin/staff/{username}/disable", r -> enable(r, false),
                "POST /api/v1/admin/staff/{username}/enable", r -> enable(r, true),
                "POST /api/v1/admin/staff/{username}/reset-password", this::resetPassword);
    }

    private static Staff admin(ApiRequest request) {
        return StaffAuth.requireRole(request, Role.TOWN_ADMIN);
    }

    private ApiResponse list(ApiRequest request) {
        Staff admin = admin(request);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        management.list(admin).forEach(a -> items.add(json(a)));
        body.put("delivery", management.delivery());
        audit.record(admin, "view-staff-list", null, null);
        return ApiResponse.json(200, body);
    }

    private ApiResponse get(ApiRequest request) {
        Staff admin = admin(request);
        StaffAccount account = management.get(admin, request.pathParam("username"));
        audit.record(admin, "view-staff", null, account.username());
        return ApiResponse.json(200, json(account));
    }

    private ApiResponse create(ApiRequest request) {
        Staff admin = admin(request);
        Fields f = Fields.root(request.jsonBody())
                .allowOnly("username", "role", "village", "displayName", "phone", "email");
        String username = StaffProfile.username(f);
        StaffProfile profile = StaffProfile.read(f, town(admin));
        StaffManagement.Created created = management.create(admin, username, profile);
        ObjectNode body = Json.object();
        body.set("account", json(created.account()));
        created.temporaryPassword().ifPresent(p -> body.put("temporaryPassword", p));
        body.put("delivery", created.delivery());
        return ApiResponse.json(201, body);
    }

    private ApiResponse update(ApiRequest request) {
        Staff admin = admin(request);
        management.get(admin, request.pathParam("username")); // another town's account: 404 before the body is read
        Fields f = Fields.root(request.jsonBody()).allowOnly("role", "village", "displayName", "phone", "email");
        StaffProfile profile = StaffProfile.read(f, town(admin));
        return ApiResponse.json(200, json(management.update(admin, request.pathParam("username"), profile)));
    }

    private ApiResponse enable(ApiRequest request, boolean enabled) {
        Staff admin = admin(request);
        return ApiResponse.json(200, json(management.setEnabled(admin, request.pathParam("username"), enabled)));
    }

    private ApiResponse resetPassword(ApiRequest request) {
        Staff admin = admin(request);
        Optional<String> temporary = management.resetPassword(admin, request.pathParam("username"));
        ObjectNode body = Json.object();
        temporary.ifPresent(p -> body.put("temporaryPassword", p));
        body.put("delivery", management.delivery());
        return ApiResponse.json(200, body);
    }

    private Catalog town(Staff admin) {
        return catalogs.town(admin.town()).orElseThrow(() -> Errors.unknownTown(admin.town()));
    }

    static ObjectNode json(StaffAccount a) {
        ObjectNode node = Json.object()
                .put("username", a.username())
                .put("town", a.town())
                .put("role", a.role().code())
                .put("displayName", a.displayName())
                .put("enabled", a.enabled())
                .put("createdAt", ChinaTime.timestamp(a.createdAt()))
                .put("updatedAt", ChinaTime.timestamp(a.updatedAt()));
        if (a.village() != null) node.put("village", a.village());
        if (a.phone() != null) node.put("phone", a.phone());
        if (a.email() != null) node.put("email", a.email());
        return node;
    }
}

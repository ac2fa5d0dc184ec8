package cn.banshi.intake;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * Staff enter cases that arrived by post, in person, by phone or on the 12345 hotline: the public bodies
 * plus {@code receivedOn} and {@code channel}; deadlines count from the real date of receipt. Village staff
 * enter cases for their own village only.
 */
public final class StaffIntakeHandler extends ApiHandler {
    private final AppContext app;

    public StaffIntakeHandler() {
        this(AppContext.shared());
        SnapStartPriming.register(this, app.random());
    }

    public StaffIntakeHandler(AppContext app) {
        this.app = app;
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/admin/towns/{town}/complaints", request -> submit(request, "complaints"),
                "POST /api/v1/admin/towns/{town}/info-requests", request -> submit(request, "info-requests"));
    }

    @Override
    protected void primeReads() {
        app.calendars().deadlines();
    }

    private ApiResponse submit(ApiRequest request, String kind) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.VILLAGE_STAFF);
        String town = request.pathParam("town");
        if (!staff.town().equals(town)) throw Errors.unknownTown(town);
        Catalog catalog = app.catalogs().town(town).orElseThrow(() -> Errors.unknownTown(town));
        JsonNode body = request.jsonBody();
        if (staff.village() != null && body.isObject()) {
            JsonNode village = body.get("village");
            if (village != null && !village.isNull() && !staff.village().equals(village.asText())) {
                throw Errors.forbidden("村（社区）工作人员只能登记本村（社区）的事项", "Village staff enter cases for their own village only");
            }
            if (kind.equals("complaints")) ((ObjectNode) body).put("village", staff.village());
        }
        CaseForm form = kind.equals("complaints") ? ComplaintForms.parse(body, catalog, StaffReceipts.FIELDS)
                : InfoRequestForms.parse(body, StaffReceipts.FIELDS);
        IntakeService.Receipt receipt = StaffReceipts.parse(body, staff.sub(), app.staffCases().today());
        var stored = app.intake().submit(town, catalog, form, receipt, "admin-" + kind,
                request.header("idempotency-key"), request.bodyBytes());
        app.audit().record(staff, "enter-case", stored.location().substring("/api/v1/track/".length()), receipt.channel());
        return SubmissionHandler.toResponse(stored);
    }
}

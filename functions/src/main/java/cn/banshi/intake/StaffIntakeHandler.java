package cn.banshi.intake;

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
import cn.banshi.calendar.CalendarService;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.idempotency.StoredResponse;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Staff enter cases that arrived by post, in person, by phone or on the 12345 hotline: the public bodies
 * plus {@code receivedOn} and {@code channel}; deadlines count from the real date of receipt. Village staff
 * enter cases for their own village only.
 */
public final class StaffIntakeHandler extends ApiHandler {
    private final IntakeService intake;
    private final CalendarService calendars;
    private final Catalogs catalogs;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;

    /** Lambda's: builds the intake service and the audit log, and nothing else. */
    public StaffIntakeHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, random);
    }

    public StaffIntakeHandler(AppContext app) {
        this.intake = app.intake();
        this.calendars = app.calendars();
        this.catalogs = app.catalogs();
        this.audit = app.audit();
        this.clock = app.clock();
        this.random = app.random();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/admin/towns/{town}/complaints", request -> submit(request, "complaints"),
                "POST /api/v1/admin/towns/{town}/info-requests", request -> submit(request, "info-requests"));
    }

    @Override
    protected void primeReads() {
        calendars.deadlines();
    }

    private ApiResponse submit(ApiRequest request, String kind) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.VILLAGE_STAFF);
        String town = request.pathParam("town");
        if (!staff.town().equals(town)) throw Errors.unknownTown(town);
        Catalog catalog = catalogs.town(town).orElseThrow(() -> Errors.unknownTown(town));
        JsonNode body = request.jsonBody();
        if (staff.village() != null && body.isObject()) {
            JsonNode village = body.get("village");
            if (village != null && !village.isNull() && !staff.village().equals(village.asText())) {
                throw Errors.forbidden(
                        "村（社区）工作人员只能登记本村（社区）的事项", "Village staff enter cases for their own village only");
            }
            if (kind.equals("complaints")) ((ObjectNode) body).put("village", staff.village());
        }
        Fields fields = Fields.root(body);
        CaseForm form = kind.equals("complaints")
                ? ComplaintForms.parse(fields, catalog, StaffReceipts.FIELDS)
                : InfoRequestForms.parse(fields, StaffReceipts.FIELDS);
        IntakeService.Receipt receipt = StaffReceipts.parse(fields, staff.sub(), ChinaTime.today(clock));
        StoredResponse stored = intake.submit(
                town,
                catalog,
                form,
                receipt,
                "admin-" + kind,
                request.header("idempotency-key"),
                request.bodyBytes(),
                ReceiptViews::receipt);
        audit.record(staff, "enter-case", ReceiptViews.trackingNo(stored), receipt.channel());
        return ReceiptViews.toResponse(stored);
    }
}

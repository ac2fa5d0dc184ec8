package cn.banshi.sameperson;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.StoredCases;
import cn.banshi.catalog.Catalog;
import cn.banshi.json.Json;
import cn.banshi.personaldata.PersonIndex;
import cn.banshi.staff.CaseViews;
import cn.banshi.staff.StaffCaseService;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * 同一当事人的其他事项: a case's other cases in the town with the same phone or ID number, as list rows (public
 * fields only), limited to the cases the staff member may see (a village's staff: their village's). Looking is
 * audited ({@code view-same-person}): it tells who else a person filed, even without showing them.
 */
public final class SamePersonHandler extends ApiHandler {
    private final StaffCaseService staffCases;
    private final SamePersonService samePerson;
    private final AuditLog audit;

    /** Lambda's: builds the case store, the people index and the audit log, and nothing else. */
    public SamePersonHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public SamePersonHandler(AppContext app) {
        this.staffCases = app.staffCases();
        this.audit = app.audit();
        this.samePerson =
                new SamePersonService(app.cases(), new PersonIndex(app.dynamo()), new StoredCases(app.personalData()));
    }

    @Override
    protected void primeReads() {
        samePerson.primeReads();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of("GET /api/v1/admin/cases/{trackingNo}/same-person", this::samePerson);
    }

    private ApiResponse samePerson(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        CaseRecord c = staffCases.load(staff, request.pathParam("trackingNo"));
        audit.record(staff, "view-same-person", c.trackingNo(), null);
        Catalog catalog = staffCases.catalog(staff);
        LocalDate today = staffCases.today();
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (CaseRecord other : samePerson.otherCases(c)) {
            if (staff.covers(other.town(), other.village())) items.add(CaseViews.summary(other, catalog, today));
        }
        return ApiResponse.json(200, body);
    }
}

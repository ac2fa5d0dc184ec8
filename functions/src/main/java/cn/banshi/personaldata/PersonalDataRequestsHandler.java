package cn.banshi.personaldata;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The town admins' task list of personal-data requests ({@code GET /api/v1/admin/personal-data-requests}, open ones
 * by due date; with {@code trackingNo} one case's, with the citizen's words, audited) and their answer ({@code POST
 * /api/v1/admin/personal-data-requests/{requestId}/answer}). Auditors read the list without the words; village staff
 * are refused.
 */
public final class PersonalDataRequestsHandler extends ApiHandler {
    private static final Set<String> PARAMS = Set.of("trackingNo", "status");

    private final PersonalDataRights rights;
    private final Clock clock;

    /** Lambda's: builds the request store, the case store, the audit log and the calendar. */
    public PersonalDataRequestsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public PersonalDataRequestsHandler(AppContext app) {
        this.rights = app.personalDataRights();
        this.clock = app.clock();
    }

    @Override
    protected void primeReads() {
        rights.deadlines();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/admin/personal-data-requests", this::list,
                "POST /api/v1/admin/personal-data-requests/{requestId}/answer", this::answer);
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        Map<String, String> q = request.event().getQueryStringParameters();
        if (q == null) q = Map.of();
        for (String name : q.keySet()) if (!PARAMS.contains(name)) throw Errors.unknownField(name);
        String status = q.getOrDefault("status", "open");
        if (!status.equals("open") && !status.equals("all")) throw Errors.invalidValue("status", "open, all");
        String trackingNo = q.get("trackingNo");
        if (trackingNo != null && trackingNo.isBlank()) trackingNo = null;
        List<DataRequest> found = rights.list(staff, trackingNo, status.equals("open"));
        ObjectNode body = Json.object();
        body.set("items", PersonalDataViews.requests(found, rights.deadlines(), ChinaTime.today(clock)));
        return ApiResponse.json(200, body);
    }

    private ApiResponse answer(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        PersonalDataRights.Answer answer = PersonalDataViews.answerForm(request.jsonBody());
        DataRequest answered = rights.answer(staff, request.pathParam("requestId"), answer);
        return ApiResponse.json(200, PersonalDataViews.request(answered, rights.deadlines(), ChinaTime.today(clock)));
    }
}

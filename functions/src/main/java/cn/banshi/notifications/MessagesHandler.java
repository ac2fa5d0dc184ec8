package cn.banshi.notifications;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.errors.Errors;
import cn.banshi.staff.ListFilters;
import java.util.Map;
import java.util.function.Function;

/**
 * The message log for staff: the town's (消息记录, town admins and auditors) and one case's (everyone who may see the
 * case). Recipients are masked, so reading it is not a view of personal data.
 */
public final class MessagesHandler extends ApiHandler {
    private final MessageStore messages;
    private final CaseStore cases;

    /** Lambda's: builds the message and case stores, and nothing else. */
    public MessagesHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public MessagesHandler(AppContext app) {
        this.messages = app.messages();
        this.cases = app.cases();
    }

    @Override
    protected void primeReads() {
        messages.find("snapstart-priming");
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/admin/messages", this::list,
                "GET /api/v1/admin/cases/{trackingNo}/messages", this::ofCase);
    }

    private ApiResponse list(ApiRequest request) {
        Staff staff = StaffAuth.requireRole(request, Role.TOWN_ADMIN, Role.AUDITOR);
        String cursor = request.query("cursor");
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 2048)) throw Errors.invalidCursor();
        MessagePage page =
                messages.byTown(staff.town(), ListFilters.limit(request.event().getQueryStringParameters()), cursor);
        return ApiResponse.json(200, MessageViews.list(page.items(), page.nextCursor()));
    }

    private ApiResponse ofCase(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        String trackingNo = TrackingNumbers.normalizeTrackingNo(request.pathParam("trackingNo"))
                .orElseThrow(() -> Errors.notFound("trackingNo"));
        CaseRecord c = cases.find(trackingNo).orElseThrow(() -> Errors.notFound("trackingNo"));
        if (!staff.covers(c.town(), c.village())) throw Errors.notFound("trackingNo");
        return ApiResponse.json(200, MessageViews.list(messages.byCase(trackingNo), null));
    }
}

package cn.banshi.duplicates;

import cn.banshi.abuse.BotCheck;
import cn.banshi.abuse.PhoneVerification;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.api.StaffAuth;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import cn.banshi.logging.Metrics;
import cn.banshi.staff.StaffCaseService;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Similar cases (issue 19): suggestions while a citizen fills the form ({@code POST /towns/{town}/similar-cases}; a
 * POST so that the typed text is in no URL or log), following one instead of filing ({@code POST
 * /towns/{town}/cases/{trackingNo}/followers}), and the staff detail's list ({@code GET
 * /admin/cases/{trackingNo}/similar}). Answers carry public parts only.
 */
public final class SimilarCasesHandler extends ApiHandler {
    private static final Log LOG = Log.get(SimilarCasesHandler.class);

    private final SimilarService similar;
    private final FollowService follow;
    private final StaffCaseService staffCases;
    private final Catalogs catalogs;
    private final BotCheck botCheck;
    private final Clock clock;

    /** Lambda's: builds the candidate queries, the follow service and the staff scope check, and nothing else. */
    public SimilarCasesHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public SimilarCasesHandler(AppContext app) {
        this.similar = app.similarCases();
        this.follow = app.follow();
        this.staffCases = app.staffCases();
        this.catalogs = app.catalogs();
        this.botCheck = app.botCheck();
        this.clock = app.clock();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/towns/{town}/similar-cases", this::suggest,
                "POST /api/v1/towns/{town}/cases/{trackingNo}/followers", this::follow,
                "GET /api/v1/admin/cases/{trackingNo}/similar", this::forStaff);
    }

    private Catalog catalog(ApiRequest request) {
        String town = request.pathParam("town");
        return catalogs.town(town).orElseThrow(() -> Errors.unknownTown(town));
    }

    private ApiResponse suggest(ApiRequest request) {
        Catalog catalog = catalog(request);
        SimilarService.Draft draft = SimilarForms.draft(Fields.root(request.jsonBody()), catalog);
        return ApiResponse.json(200, SimilarViews.list(similar.forIntake(catalog, draft), catalog, false));
    }

    private ApiResponse follow(ApiRequest request) {
        Catalog catalog = catalog(request);
        JsonNode body = request.jsonBody();
        Optional<String> bot = botCheck.strip(body);
        Optional<String> code = PhoneVerification.strip(body);
        Followers.Contact contact = SimilarForms.contact(Fields.root(body));
        if (bot.isPresent()) {
            // answered like a success, stored nowhere; counted without anything personal
            LOG.info("follow dropped", "route", request.event().getRouteKey(), "reason", bot.get());
            Metrics.botDropped(request.event().getRouteKey(), bot.get(), clock);
            return ApiResponse.json(202, Json.object().put("trackingNo", request.pathParam("trackingNo")));
        }
        Followers.Added added = follow.follow(catalog, request.pathParam("trackingNo"), contact, code);
        LOG.info("case followed", "trackingNo", added.next().trackingNo(), "added", added.added());
        return ApiResponse.json(added.added() ? 201 : 200, SimilarViews.followed(added));
    }

    private ApiResponse forStaff(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        CaseRecord c = staffCases.load(staff, request.pathParam("trackingNo"));
        Catalog catalog = staffCases.catalog(staff);
        return ApiResponse.json(200, SimilarViews.list(similar.forStaff(catalog, c), catalog, true));
    }
}

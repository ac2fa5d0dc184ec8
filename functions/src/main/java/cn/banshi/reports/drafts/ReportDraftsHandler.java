package cn.banshi.reports.drafts;

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
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.document.Doc;
import cn.banshi.validation.Fields;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The drafts of the year-end reports ({@code /api/v1/admin/report-drafts/{year}/{job}}): read (town admin,
 * auditor); change paragraph by paragraph, approve and publish (town admin). Every change names the draft
 * version it was made on (409 DRAFT_CHANGED when stale) and is audited.
 */
public final class ReportDraftsHandler extends ApiHandler {
    private static final Log LOG = Log.get(ReportDraftsHandler.class);
    private static final String BASE = "/api/v1/admin/report-drafts/{year}/{job}";
    private static final Set<String> ACTIONS = Set.of("edit", "add", "remove", "move", "restore");

    private final ReportDrafts drafts;
    private final AuditLog audit;
    private final Catalogs catalogs;
    private final SecureRandom random;

    /** Lambda's: builds the drafts (records table; report store at first use) and the audit log. */
    public ReportDraftsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, random);
    }

    public ReportDraftsHandler(AppContext app) {
        this.drafts = app.reportDrafts();
        this.audit = app.audit();
        this.catalogs = app.catalogs();
        this.random = app.random();
    }

    @Override
    protected void primeReads() {
        try {
            drafts.view("snapstart-priming", 2000, ReportKind.OGI_ANNUAL); // never a town: 404
        } catch (RuntimeException expected) {
            // no draft: the read paths are loaded all the same
        }
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET " + BASE, this::get,
                "POST " + BASE + "/changes", this::change,
                "POST " + BASE + "/approval", this::approve,
                "POST " + BASE + "/publications", this::publish);
    }

    private Staff staff(ApiRequest request, Role... roles) {
        Staff staff = StaffAuth.requireRole(request, roles);
        if (catalogs.town(staff.town()).isEmpty()) throw Errors.unknownTown(staff.town());
        return staff;
    }

    private static int year(ApiRequest request) {
        return Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
    }

    private static ReportKind kind(ApiRequest request) {
        return ReportKind.find(request.pathParam("job")).orElseThrow(() -> Errors.notFound("job"));
    }

    private ApiResponse get(ApiRequest request) {
        Staff staff = staff(request, Role.TOWN_ADMIN, Role.AUDITOR);
        return ApiResponse.json(200, DraftJson.view(drafts.view(staff.town(), year(request), kind(request))));
    }

    private ApiResponse change(ApiRequest request) {
        Staff staff = staff(request, Role.TOWN_ADMIN);
        int year = year(request);
        ReportKind kind = kind(request);
        Fields body = Fields.root(request.jsonBody()).allowOnly("version", "action", "id", "after", "text", "level");
        long version = body.requiredInt("version", 0, Integer.MAX_VALUE);
        String action = body.requiredCode("action", ACTIONS);
        String after = body.optionalString("after", 1, 80)
                .map(id -> blockId(id, "after"))
                .orElse(null);
        DraftChange change = switch (action) {
            case "add" -> {
                body.forbid("id", "新段落的编号由系统生成", "a new block's id is made by the draft");
                int level = body.has("level") ? body.requiredInt("level", 0, 3) : 0;
                yield new DraftChange.Add(
                        "n-" + HexFormat.of().toHexDigits(random.nextInt()),
                        after,
                        level,
                        body.requiredText("text", 1, DraftChanges.MAX_TEXT));
            }
            case "edit" -> new DraftChange.Edit(id(body), body.requiredText("text", 1, DraftChanges.MAX_TEXT));
            case "move" -> new DraftChange.Move(id(body), after);
            case "remove" -> new DraftChange.Remove(id(body));
            default -> new DraftChange.Restore(id(body));
        };
        if (!action.equals("add") && body.has("level"))
            body.forbid("level", "只有新增段落可指定级别", "only a new block takes a level");
        if (!action.equals("add") && !action.equals("edit") && body.has("text"))
            body.forbid("text", "该操作不需要文字", "this action takes no text");
        if (!action.equals("add") && !action.equals("move") && after != null)
            body.forbid("after", "该操作不需要位置", "this action takes no position");
        ReportDrafts.View view = drafts.change(staff.town(), year, kind, version, change, staff.sub());
        audit.record(staff, "report-draft:" + action, null, year + "/" + kind.code() + "/" + change.id());
        LOG.info(
                "report draft changed",
                "job",
                kind.code(),
                "year",
                year,
                "action",
                action,
                "version",
                view.state().version());
        return ApiResponse.json(200, DraftJson.view(view));
    }

    private ApiResponse approve(ApiRequest request) {
        Staff staff = staff(request, Role.TOWN_ADMIN);
        int year = year(request);
        ReportKind kind = kind(request);
        Fields body = Fields.root(request.jsonBody()).allowOnly("version");
        long version = body.requiredInt("version", 0, Integer.MAX_VALUE);
        ReportDrafts.View view = drafts.approve(staff.town(), year, kind, version, staff.sub());
        audit.record(
                staff,
                "report-draft:approve",
                null,
                year + "/" + kind.code() + "/v" + view.state().version());
        LOG.info(
                "report draft approved",
                "job",
                kind.code(),
                "year",
                year,
                "version",
                view.state().version());
        return ApiResponse.json(200, DraftJson.view(view));
    }

    private ApiResponse publish(ApiRequest request) {
        Staff staff = staff(request, Role.TOWN_ADMIN);
        int year = year(request);
        ReportKind kind = kind(request);
        Fields body = Fields.root(request.jsonBody()).allowOnly("version", "signingDate", "correction");
        long version = body.requiredInt("version", 0, Integer.MAX_VALUE);
        LocalDate signingDate = body.optionalDate("signingDate").orElse(null);
        String correction = body.optionalString("correction", 1, 1000).orElse(null);
        Publication p = drafts.publish(staff.town(), year, kind, version, signingDate, correction, staff.sub());
        audit.record(staff, "report-draft:publish", null, year + "/" + kind.code() + "/published-v" + p.version());
        LOG.info("report published", "job", kind.code(), "year", year, "publishedVersion", p.version());
        return ApiResponse.json(201, DraftJson.publication(p, true))
                .withHeader("location", DraftJson.publicHref(p, "report.html"));
    }

    private static String id(Fields body) {
        return blockId(body.requiredString("id", 1, 80), "id");
    }

    private static String blockId(String id, String field) {
        if (!Doc.isId(id)) throw Errors.notFound(field);
        return id;
    }
}

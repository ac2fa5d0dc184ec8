package cn.banshi.intake;

import cn.banshi.abuse.BotCheck;
import cn.banshi.abuse.PhoneVerification;
import cn.banshi.abuse.SubmitterBlocks;
import cn.banshi.abuse.VerificationCodes;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.attachments.AttachmentBodies;
import cn.banshi.attachments.UploadService;
import cn.banshi.calendar.CalendarService;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.idempotency.StoredResponse;
import cn.banshi.logging.Log;
import cn.banshi.logging.Metrics;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Citizens' submissions: {@code POST /towns/{town}/complaints} and {@code POST /towns/{town}/info-requests}. */
public final class SubmissionHandler extends ApiHandler {
    private static final Log LOG = Log.get(SubmissionHandler.class);

    private final IntakeService intake;
    private final CalendarService calendars;
    private final Catalogs catalogs;
    private final SecureRandom random;
    private final SubmitterBlocks blocks;
    private final BotCheck botCheck;
    private final VerificationCodes codes;
    private final Clock clock;
    private final UploadService uploads;
    private final FirstReads firstReads;

    /** Lambda's: builds the intake service (case and idempotency stores, calendars) and nothing else. */
    public SubmissionHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, random);
    }

    public SubmissionHandler(AppContext app) {
        this.intake = app.intake();
        this.calendars = app.calendars();
        this.catalogs = app.catalogs();
        this.random = app.random();
        this.blocks = app.blocks();
        this.botCheck = app.botCheck();
        this.codes = app.verificationCodes();
        this.clock = app.clock();
        this.uploads = app.uploads();
        this.firstReads = new FirstReads(app.dynamo(), app.personalData().keys(), calendars);
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/towns/{town}/complaints", request -> submit(request, "complaints"),
                "POST /api/v1/towns/{town}/info-requests", request -> submit(request, "info-requests"));
    }

    @Override
    protected void primeReads() {
        calendars.deadlines();
    }

    private ApiResponse submit(ApiRequest request, String kind) {
        String town = request.pathParam("town");
        Catalog catalog = catalogs.town(town).orElseThrow(() -> Errors.unknownTown(town));
        JsonNode body = request.jsonBody();
        Optional<String> bot = botCheck.strip(body);
        Optional<String> code = PhoneVerification.strip(body);
        List<String> uploadIds = AttachmentBodies.stripUploadIds(body);
        String draft = AttachmentBodies.draftId(request.header(AttachmentBodies.DRAFT_HEADER));
        String idempotencyKey = request.header("idempotency-key");
        if (!uploadIds.isEmpty()) {
            if (draft == null) throw Errors.required(AttachmentBodies.DRAFT_HEADER);
            if (idempotencyKey == null) throw Errors.required("idempotency-key");
        }
        Fields fields = Fields.root(body);
        CaseForm form =
                kind.equals("complaints") ? ComplaintForms.parse(fields, catalog) : InfoRequestForms.parse(fields);
        if (bot.isPresent()) {
            // answered like a success, stored nowhere; counted without anything personal
            LOG.info("submission dropped", "route", request.event().getRouteKey(), "reason", bot.get());
            Metrics.botDropped(request.event().getRouteKey(), bot.get(), clock);
            return ReceiptViews.toResponse(ReceiptViews.receipt(intake.decoy(catalog, form)));
        }
        firstReads.read();
        String sourceIp = sourceIp(request);
        String clientKey = blocks.clientKey(sourceIp);
        blocks.check(SubmitterBlocks.phoneOf(form.personal()), sourceIp);
        Consumer<String> verified = PhoneVerification.guard(codes, catalog, form, code);
        StoredResponse stored = intake.submit(
                town,
                catalog,
                form,
                IntakeService.Receipt.online(clientKey),
                kind,
                idempotencyKey,
                request.bodyBytes(),
                verified,
                trackingNo -> uploads.attachForSubmission(town, draft, uploadIds, form.type(), trackingNo),
                ReceiptViews::receipt);
        return ReceiptViews.toResponse(stored);
    }

    private static String sourceIp(ApiRequest request) {
        var context = request.event().getRequestContext();
        return context == null || context.getHttp() == null
                ? null
                : context.getHttp().getSourceIp();
    }
}

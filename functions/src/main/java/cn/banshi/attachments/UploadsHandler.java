package cn.banshi.attachments;

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
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.staff.StaffCaseService;
import cn.banshi.tracking.TrackingService;
import java.util.Map;
import java.util.function.Function;

/**
 * Attachments (docs/attachments.md): upload slots (presigned POSTs) for citizens' forms and for staff documents on a
 * case, the uploads' state, and short-lived download links after the case's own scope checks. Views of an ID proof are
 * audited; auditors never get one.
 */
public final class UploadsHandler extends ApiHandler {
    private final UploadService uploads;
    private final Catalogs catalogs;
    private final StaffCaseService staffCases;
    private final TrackingService tracking;
    private final AuditLog audit;

    /** Lambda's: the upload service (no S3 client: presigning is local), the case scope checks, the audit log. */
    public UploadsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public UploadsHandler(AppContext app) {
        this.uploads = app.uploads();
        this.catalogs = app.catalogs();
        this.staffCases = app.staffCases();
        this.tracking = app.tracking();
        this.audit = app.audit();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/towns/{town}/uploads", this::citizenSlot,
                "GET /api/v1/towns/{town}/uploads/{uploadId}", this::citizenStatus,
                "POST /api/v1/admin/cases/{trackingNo}/uploads", this::staffSlot,
                "GET /api/v1/admin/cases/{trackingNo}/uploads/{uploadId}", this::staffStatus,
                "GET /api/v1/admin/cases/{trackingNo}/attachments/{uploadId}", this::staffDownload,
                "GET /api/v1/track/{trackingNo}/attachments/{uploadId}", this::publicDownload);
    }

    private ApiResponse citizenSlot(ApiRequest request) {
        String town = request.pathParam("town");
        catalogs.town(town).orElseThrow(() -> Errors.unknownTown(town));
        String draft = AttachmentBodies.draftId(request.header(AttachmentBodies.DRAFT_HEADER));
        if (draft == null) throw Errors.required(AttachmentBodies.DRAFT_HEADER);
        SlotRequest slot = AttachmentBodies.citizenSlot(request.jsonBody());
        return ApiResponse.json(201, UploadViews.slot(uploads.citizenSlot(town, slot, draft)));
    }

    private ApiResponse citizenStatus(ApiRequest request) {
        String town = request.pathParam("town");
        catalogs.town(town).orElseThrow(() -> Errors.unknownTown(town));
        String draft = AttachmentBodies.draftId(request.header(AttachmentBodies.DRAFT_HEADER));
        UploadRecord u = uploads.citizenStatus(town, request.pathParam("uploadId"), draft);
        return ApiResponse.json(200, UploadViews.status(u));
    }

    private ApiResponse staffSlot(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        StaffCaseService.requireActor(staff);
        CaseRecord c = staffCases.load(staff, request.pathParam("trackingNo"));
        SlotRequest slot = AttachmentBodies.staffSlot(request.jsonBody());
        return ApiResponse.json(201, UploadViews.slot(uploads.staffSlot(staff, c, slot)));
    }

    private ApiResponse staffStatus(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        CaseRecord c = staffCases.load(staff, request.pathParam("trackingNo"));
        return ApiResponse.json(200, UploadViews.status(uploads.staffStatus(c, request.pathParam("uploadId"))));
    }

    private ApiResponse staffDownload(ApiRequest request) {
        Staff staff = StaffAuth.require(request);
        CaseRecord c = staffCases.load(staff, request.pathParam("trackingNo"));
        Attachment a = attachment(c, request.pathParam("uploadId"));
        if (a.isIdProof()) {
            if (!staff.seesPersonalData())
                throw Errors.forbidden("审计人员不能查看身份证明", "Auditors cannot see identity documents");
            audit.record(staff, "view-id-proof", c.trackingNo(), a.uploadId());
        }
        return ApiResponse.json(200, UploadViews.download(uploads.download(a, thumbnail(request))));
    }

    private ApiResponse publicDownload(ApiRequest request) {
        CaseRecord c = tracking.track(request.pathParam("trackingNo"), request.header("x-access-code"));
        Attachment a = attachment(c, request.pathParam("uploadId"));
        if (a.visibility() != Visibility.PUBLIC) throw Errors.notFound("uploadId");
        return ApiResponse.json(200, UploadViews.download(uploads.download(a, thumbnail(request))));
    }

    private static boolean thumbnail(ApiRequest request) {
        String v = request.query("thumbnail");
        if (v == null || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw Errors.invalidValue("thumbnail", "true, false");
    }

    private static Attachment attachment(CaseRecord c, String uploadId) {
        return c.attachments().stream()
                .filter(a -> a.uploadId().equals(uploadId))
                .findFirst()
                .orElseThrow(() -> Errors.notFound("uploadId"));
    }
}

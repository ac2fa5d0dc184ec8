package cn.banshi.attachments;

import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Upload slots, their status, and attaching ready uploads to cases (docs/attachments.md). A citizen's upload belongs
 * to its town and the form's draft id, and attaches to the first case filed with that draft; a staff upload names its
 * case from the start. Nothing here reads an object: the processing ({@link UploadProcessor}) decides what is ready.
 */
public final class UploadService {
    private final UploadStore store;
    private final BucketAccess bucket;
    private final PostPolicySigner signer;
    private final ProcessedTagging tagging;
    private final UploadProcessing processing;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * {@code bucket} null: attachments are off (no bucket configured). {@code processing} null in AWS (the S3 event
     * triggers the processing function); locally the in-process processor.
     */
    public UploadService(
            UploadStore store, BucketAccess bucket, UploadProcessing processing, Clock clock, SecureRandom random) {
        this.store = store;
        this.bucket = bucket;
        this.signer = bucket == null
                ? null
                : new PostPolicySigner(bucket.credentials(), Region.of(bucket.region()), bucket.endpoint(), clock);
        this.tagging = bucket == null ? null : new ProcessedTagging(bucket);
        this.processing = processing;
        this.clock = clock;
        this.random = random;
    }

    public Slot citizenSlot(String town, SlotRequest request, String draftId) {
        if (request.purpose() == FilePurpose.STAFF_DOCUMENT)
            throw Errors.invalidValue("purpose", "photo-or-pdf, id-proof");
        return slot(town, request, draftId, null, "citizen");
    }

    /** A slot for a document on {@code c}, which the caller loaded within the staff member's scope. */
    public Slot staffSlot(Staff staff, CaseRecord c, SlotRequest request) {
        if (attachedCount(c) >= UploadLimits.MAX_PER_CASE) throw Errors.tooManyAttachments(UploadLimits.MAX_PER_CASE);
        return slot(c.town(), request, null, c.trackingNo(), staff.sub());
    }

    private Slot slot(String town, SlotRequest request, String draftId, String caseRef, String by) {
        if (bucket == null) throw Errors.uploadsDisabled();
        if (!UploadLimits.accepts(request.purpose(), request.contentType()))
            throw Errors.uploadTypeNotAllowed("contentType");
        long max = UploadLimits.maxBytes(request.contentType());
        if (request.size() > max) throw Errors.uploadTooLarge(max);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] id = new byte[16];
        random.nextBytes(id);
        String uploadId = HexFormat.of().formatHex(id);
        UploadRecord record = new UploadRecord(
                uploadId,
                town,
                request.purpose(),
                request.contentType(),
                request.size(),
                draftId,
                caseRef,
                by,
                now,
                UploadState.PENDING,
                null,
                null,
                null,
                0,
                null,
                now.plus(UploadLimits.ORPHAN_AFTER).getEpochSecond());
        store.create(record);
        PresignedPost post = signer.sign(
                bucket.bucket(),
                record.incomingKey(),
                request.contentType(),
                request.size(),
                request.size(),
                UploadLimits.POST_VALIDITY);
        return new Slot(record, post, clock.instant().plus(UploadLimits.POST_VALIDITY), max);
    }

    /** A citizen's upload as its own form sees it (processed now locally when the object has arrived). */
    public UploadRecord citizenStatus(String town, String uploadId, String draftId) {
        UploadRecord r = store.find(uploadId)
                .filter(u -> u.town().equals(town) && draftId != null && draftId.equals(u.draftId()))
                .orElseThrow(() -> Errors.uploadNotFound("uploadId"));
        return fresh(r);
    }

    /** A staff upload of {@code c} (loaded within scope). */
    public UploadRecord staffStatus(CaseRecord c, String uploadId) {
        UploadRecord r = store.find(uploadId)
                .filter(u -> c.trackingNo().equals(u.caseRef()))
                .orElseThrow(() -> Errors.uploadNotFound("uploadId"));
        return fresh(r);
    }

    private UploadRecord fresh(UploadRecord r) {
        if (r.state() != UploadState.PENDING || processing == null) return r;
        processing.processNow(r);
        return store.find(r.uploadId()).orElse(r);
    }

    /**
     * Attaches the submission's uploads to the case {@code trackingNo} about to be filed, before it is written (a
     * retry of the same submission takes the same number and attaches again harmlessly). Throws
     * ATTACHMENTS_NOT_ACCEPTED with each file's problem, having attached none of them, when any cannot be used.
     */
    public List<Attachment> attachForSubmission(
            String town, String draftId, List<String> uploadIds, CaseType type, String trackingNo) {
        if (uploadIds.isEmpty()) return List.of();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(uploadIds));
        if (ids.size() > UploadLimits.MAX_PER_CASE) throw Errors.tooManyAttachments(UploadLimits.MAX_PER_CASE);
        List<ApiException> problems = new ArrayList<>();
        List<UploadRecord> ready = new ArrayList<>();
        int idProofs = 0;
        for (String id : ids) {
            Optional<UploadRecord> found =
                    store.find(id).filter(u -> u.town().equals(town) && draftId != null && draftId.equals(u.draftId()));
            if (found.isEmpty()) {
                problems.add(Errors.uploadNotFound(id));
                continue;
            }
            UploadRecord u = fresh(found.get());
            Optional<ApiException> problem = usable(u, trackingNo, id);
            if (problem.isEmpty() && !purposeFits(u, type)) problem = Optional.of(Errors.uploadNotAllowedHere(id));
            if (problem.isEmpty() && u.purpose() == FilePurpose.ID_PROOF && ++idProofs > 1)
                problem = Optional.of(Errors.uploadNotAllowedHere(id));
            problem.ifPresentOrElse(problems::add, () -> ready.add(u));
        }
        if (!problems.isEmpty()) throw Errors.attachmentsNotAccepted(problems);
        markAttached(ready);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Attachment> out = new ArrayList<>();
        for (UploadRecord u : ready) {
            if (!store.attachDraft(u.uploadId(), town, draftId, trackingNo)) {
                throw Errors.attachmentsNotAccepted(List.of(Errors.uploadUsedElsewhere(u.uploadId())));
            }
            out.add(attachment(u, Visibility.INTERNAL, "citizen", now));
        }
        return out;
    }

    /**
     * Attaches a staff action's uploads to {@code c}: each must have been made for this case and be ready. Returns
     * the case's attachments after the action (the existing ones first); nothing is attached when any is refused.
     */
    public List<Attachment> attachForAction(CaseRecord c, Staff staff, List<AttachmentRef> refs) {
        if (refs.isEmpty()) return c.attachments();
        List<Attachment> next = new ArrayList<>(c.attachments());
        List<ApiException> problems = new ArrayList<>();
        List<UploadRecord> ready = new ArrayList<>();
        for (AttachmentRef ref : refs) {
            if (next.stream().anyMatch(a -> a.uploadId().equals(ref.uploadId()))) continue;
            Optional<UploadRecord> found = store.find(ref.uploadId());
            if (found.isEmpty()) {
                problems.add(Errors.uploadNotFound(ref.uploadId()));
                continue;
            }
            UploadRecord u = fresh(found.get());
            if (u.draftId() != null || !c.trackingNo().equals(u.caseRef())) {
                problems.add(Errors.uploadNotFound(ref.uploadId()));
                continue;
            }
            usable(u, c.trackingNo(), ref.uploadId()).ifPresentOrElse(problems::add, () -> ready.add(u));
        }
        if (!problems.isEmpty()) throw Errors.attachmentsNotAccepted(problems);
        if (next.size() + ready.size() > UploadLimits.MAX_PER_CASE)
            throw Errors.tooManyAttachments(UploadLimits.MAX_PER_CASE);
        markAttached(ready);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (UploadRecord u : ready) {
            if (!store.attachToOwnCase(u.uploadId(), c.trackingNo()))
                throw Errors.attachmentsNotAccepted(List.of(Errors.uploadNotReady(u.uploadId())));
            Visibility v = refs.stream()
                    .filter(r -> r.uploadId().equals(u.uploadId()))
                    .findFirst()
                    .orElseThrow()
                    .visibility();
            next.add(attachment(u, v, staff.sub(), now));
        }
        return next;
    }

    /**
     * Tags the processed files attached before anything links them (the record, then the case): the lifecycle rule
     * expires processed files still tagged unattached. A failure is a 503 with nothing written.
     */
    private void markAttached(List<UploadRecord> ready) {
        if (tagging == null) return;
        for (UploadRecord u : ready) tagging.markAttached(u);
    }

    private static Optional<ApiException> usable(UploadRecord u, String trackingNo, String field) {
        if (u.caseRef() != null && !u.caseRef().equals(trackingNo))
            return Optional.of(Errors.uploadUsedElsewhere(field));
        return switch (u.state()) {
            case PENDING -> Optional.of(Errors.uploadNotReady(field));
            case REFUSED -> Optional.of(Errors.uploadRefused(u.refusal(), field));
            case READY -> Optional.empty();
        };
    }

    /** Complaints and the like take photos and PDFs; information requests an ID proof and PDFs. */
    private static boolean purposeFits(UploadRecord u, CaseType type) {
        if (type != CaseType.INFO_REQUEST) return u.purpose() == FilePurpose.PHOTO_OR_PDF;
        return u.purpose() == FilePurpose.ID_PROOF || UploadLimits.PDF.equals(u.processedContentType());
    }

    private static Attachment attachment(UploadRecord u, Visibility v, String by, Instant now) {
        return new Attachment(
                u.uploadId(),
                u.purpose(),
                u.processedContentType(),
                u.processedBytes(),
                u.processedKey(),
                u.thumbnailKey(),
                v,
                by,
                now);
    }

    private static int attachedCount(CaseRecord c) {
        return c.attachments().size();
    }

    /** A presigned GET of the attachment's processed body, or of its thumbnail when it has one and it is asked for. */
    public Download download(Attachment a, boolean thumbnail) {
        if (bucket == null) throw Errors.uploadsDisabled();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean thumb = thumbnail && a.thumbnailKey() != null;
        String key = thumb ? a.thumbnailKey() : a.objectKey();
        return new Download(
                SigV4.get(bucket, key, now, UploadLimits.GET_VALIDITY),
                thumb ? "image/jpeg" : a.contentType(),
                now.plus(UploadLimits.GET_VALIDITY));
    }
}

package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.Events;
import cn.banshi.audit.AuditEntry;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.tracking.TrackingHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attachments end to end on the local S3 server (docs/attachments.md): slot → browser form POST → processing (the
 * ObjectCreated event the processing handler gets) → attach on a submission or a staff action → download links after
 * the case's scope checks.
 */
class AttachmentsApiTest extends UploadsApiSupport {
    static final String DRAFT = "draft-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        setUpUploads("attachments");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    APIGatewayV2HTTPResponse submit(String kind, ObjectNode body, String draft, String key, String... uploadIds) {
        return call(new SubmissionHandler(app), submissionEvent(kind, body, draft, key, uploadIds));
    }

    /** A citizen's submission ({@code kind}: "complaints", …) from the draft, attaching its uploads. */
    static Events submissionEvent(String kind, ObjectNode body, String draft, String key, String... uploadIds) {
        var ids = body.putArray("attachments");
        for (String id : uploadIds) ids.add(id);
        return Events.post("/api/v1/towns/{town}/" + kind, "/api/v1/towns/gaocheng/" + kind, Json.write(body))
                .header("x-upload-draft", draft)
                .header("idempotency-key", key);
    }

    JsonNode detail(String trackingNo, String role) {
        var response =
                staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + trackingNo, role, null, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response);
    }

    APIGatewayV2HTTPResponse staffDownload(String trackingNo, String uploadId, String role, boolean thumbnail) {
        Events e = as(
                Events.get(
                        "/api/v1/admin/cases/{trackingNo}/attachments/{uploadId}",
                        "/api/v1/admin/cases/" + trackingNo + "/attachments/" + uploadId),
                role,
                null);
        if (thumbnail) e.query(Map.of("thumbnail", "true"));
        return call(uploads, e);
    }

    String staffUploaded(String trackingNo, byte[] file, String type) {
        ObjectNode body = Json.object().put("contentType", type).put("size", file.length);
        var response = call(
                uploads,
                as(
                        Events.post(
                                "/api/v1/admin/cases/{trackingNo}/uploads",
                                "/api/v1/admin/cases/" + trackingNo + "/uploads",
                                Json.write(body)),
                        ADMIN,
                        null));
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode slot = json(response);
        int posted = upload(slot, file, type);
        assertTrue(posted >= 200 && posted < 300, "form POST answered " + posted);
        return slot.get("uploadId").asText();
    }

    APIGatewayV2HTTPResponse actWith(String trackingNo, String action, ObjectNode attachments, String... pairs) {
        ObjectNode fields = Json.object().put("action", action);
        for (int i = 0; i < pairs.length; i += 2) fields.put(pairs[i], pairs[i + 1]);
        if (attachments != null) fields.set("attachments", attachments.get("list"));
        long version = app.cases().find(trackingNo).orElseThrow().version();
        return act(trackingNo, version, ADMIN, null, fields);
    }

    static ObjectNode refs(String visibility, String... ids) {
        ObjectNode holder = Json.object();
        var list = holder.putArray("list");
        for (String id : ids) list.addObject().put("uploadId", id).put("visibility", visibility);
        return holder;
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- tests --------------------------------------------------------------------------------------------------

    @Test
    void aPhotoAndAPdfGoFromUploadToTheStaffDetailAndDownloadProcessed() {
        byte[] jpeg = UploadFixtures.jpeg();
        byte[] png = UploadFixtures.png();
        byte[] pdf = UploadFixtures.pdf();
        String photo = uploaded(DRAFT, "photo-or-pdf", jpeg, "image/jpeg", "ready");
        String drawing = uploaded(DRAFT, "photo-or-pdf", png, "image/png", "ready");
        String document = uploaded(DRAFT, "photo-or-pdf", pdf, "application/pdf", "ready");

        var receipt = submit("complaints", complaint(), DRAFT, "k-1", photo, drawing, document);
        assertEquals(201, receipt.getStatusCode(), receipt.getBody());
        String trackingNo = json(receipt).get("trackingNo").asText();

        JsonNode shown = detail(trackingNo, ADMIN).get("attachments");
        assertEquals(3, shown.size(), shown.toString());
        assertEquals(photo, shown.get(0).get("uploadId").asText());
        assertTrue(shown.get(0).get("image").asBoolean());
        assertEquals("internal", shown.get(0).get("visibility").asText());
        assertEquals("application/pdf", shown.get(2).get("contentType").asText());

        for (String id : List.of(photo, drawing)) {
            JsonNode link = json(staffDownload(trackingNo, id, ADMIN, false));
            byte[] served = UploadFixtures.get(link.get("url").asText());
            BufferedImage image = decode(served);
            assertNotNull(image, "the processed photo decodes");
            JsonNode thumbLink = json(staffDownload(trackingNo, id, ADMIN, true));
            BufferedImage thumb = decode(UploadFixtures.get(thumbLink.get("url").asText()));
            assertTrue(thumb.getWidth() < image.getWidth() || thumb.getWidth() <= 400, "a thumbnail");
        }
        byte[] served = UploadFixtures.get(
                json(staffDownload(trackingNo, photo, ADMIN, false)).get("url").asText());
        assertFalse(java.util.Arrays.equals(jpeg, served), "never served as it came: re-encoded");
        byte[] servedPdf = UploadFixtures.get(json(staffDownload(trackingNo, document, ADMIN, false))
                .get("url")
                .asText());
        assertTrue(new String(servedPdf, 0, 5).startsWith("%PDF"));

        // citizens' own files are internal: not on the tracking page
        JsonNode tracked = track(trackingNo, json(receipt).get("accessCode").asText());
        assertEquals(0, tracked.get("attachments").size());
    }

    JsonNode track(String trackingNo, String code) {
        var response = call(
                new TrackingHandler(app),
                Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + trackingNo)
                        .header("x-access-code", code));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response);
    }

    @Test
    void aStaffReplyPdfMarkedPublicShowsOnTheTrackingPageAndDownloads() {
        var receipt = json(submit("complaints", complaint(), DRAFT, "k-2"));
        String trackingNo = receipt.get("trackingNo").asText();
        String code = receipt.get("accessCode").asText();
        act(trackingNo, "accept");
        String letter = staffUploaded(trackingNo, UploadFixtures.pdf(), "application/pdf");
        String note = staffUploaded(trackingNo, UploadFixtures.pdf(), "application/pdf");
        var replied = actWith(trackingNo, "reply", null, "reply", "已安排保洁人员于本周内清理河道垃圾。");
        assertEquals(200, replied.getStatusCode(), replied.getBody());
        // attach with the next step: one public, one internal
        ObjectNode two = Json.object();
        var list = two.putArray("list");
        list.addObject().put("uploadId", letter).put("visibility", "public");
        list.addObject().put("uploadId", note).put("visibility", "internal");
        var resolved = actWith(trackingNo, "resolve", two);
        assertEquals(200, resolved.getStatusCode(), resolved.getBody());
        assertEquals(2, json(resolved).get("attachments").size());

        JsonNode tracked = track(trackingNo, code);
        assertEquals(1, tracked.get("attachments").size(), tracked.toString());
        assertEquals(letter, tracked.get("attachments").get(0).get("uploadId").asText());
        assertFalse(tracked.get("attachments").get(0).has("addedBy"), "no staff ids on the public page");
        var link = call(
                uploads,
                Events.get(
                                "/api/v1/track/{trackingNo}/attachments/{uploadId}",
                                "/api/v1/track/" + trackingNo + "/attachments/" + letter)
                        .header("x-access-code", code));
        assertEquals(200, link.getStatusCode(), link.getBody());
        assertTrue(new String(UploadFixtures.get(json(link).get("url").asText()), 0, 5).startsWith("%PDF"));
        var internal = call(
                uploads,
                Events.get(
                                "/api/v1/track/{trackingNo}/attachments/{uploadId}",
                                "/api/v1/track/" + trackingNo + "/attachments/" + note)
                        .header("x-access-code", code));
        assertError(internal, 404, "NOT_FOUND", "uploadId");
    }

    @Test
    void aPolicyIsNotReusableForAnotherSizeKeyOrCase() {
        byte[] jpeg = UploadFixtures.jpeg();
        JsonNode slot = slot(DRAFT, "photo-or-pdf", "image/jpeg", jpeg.length);
        // another size: the policy's exact content-length-range
        byte[] bigger = Arrays.copyOf(jpeg, jpeg.length + 1);
        assertEquals(400, upload(slot, bigger, "image/jpeg"));
        // another key (another town's or upload's object)
        ObjectNode moved = slot.deepCopy();
        ((ObjectNode) moved.get("fields")).put("key", "incoming/gaocheng/" + "0".repeat(32));
        assertEquals(403, upload(moved, jpeg, "image/jpeg"));
        // another type
        ObjectNode retyped = slot.deepCopy();
        ((ObjectNode) retyped.get("fields")).put("Content-Type", "application/pdf");
        assertEquals(403, upload(retyped, jpeg, "application/pdf"));
        assertEquals(
                "pending",
                status(DRAFT, slot.get("uploadId").asText()).get("state").asText());

        // one form's upload is nobody else's: another draft cannot see or attach it
        String mine = uploaded(DRAFT, "photo-or-pdf", jpeg, "image/jpeg", "ready");
        String otherDraft = "draft-" + UUID.randomUUID();
        var status = call(
                uploads,
                Events.get("/api/v1/towns/{town}/uploads/{uploadId}", "/api/v1/towns/gaocheng/uploads/" + mine)
                        .header("x-upload-draft", otherDraft));
        assertError(status, 404, "UPLOAD_NOT_FOUND", "uploadId");
        var stolen = submit("complaints", complaint(), otherDraft, "k-3", mine);
        assertError(stolen, 422, "ATTACHMENTS_NOT_ACCEPTED", "attachments");
        assertEquals(
                "UPLOAD_NOT_FOUND",
                json(stolen).get("error").get("files").get(0).get("code").asText());
        assertEquals(0, caseCount());

        // attached to one case, the upload is not attached to a second submission of the same form
        String first = json(submit("complaints", complaint(), DRAFT, "k-4", mine))
                .get("trackingNo")
                .asText();
        var second = submit("complaints", complaint().put("title", "另一件事"), DRAFT, "k-5", mine);
        assertError(second, 422, "ATTACHMENTS_NOT_ACCEPTED", "attachments");
        assertEquals(
                "UPLOAD_USED_ELSEWHERE",
                json(second).get("error").get("files").get(0).get("code").asText());

        // a staff document made for one case does not attach to another
        String other = json(submit("complaints", complaint().put("title", "第三件"), DRAFT, "k-6"))
                .get("trackingNo")
                .asText();
        String forFirst = staffUploaded(first, UploadFixtures.pdf(), "application/pdf");
        assertEquals("ready", staffStatus(first, forFirst));
        var misplaced = actWith(other, "accept", refs("internal", forFirst));
        assertError(misplaced, 422, "ATTACHMENTS_NOT_ACCEPTED", "attachments");
        assertEquals(
                "UPLOAD_NOT_FOUND",
                json(misplaced).get("error").get("files").get(0).get("code").asText());
        assertEquals(1, app.cases().find(other).orElseThrow().version(), "the refused action stored nothing");
    }

    String staffStatus(String trackingNo, String uploadId) {
        var response = call(
                uploads,
                as(
                        Events.get(
                                "/api/v1/admin/cases/{trackingNo}/uploads/{uploadId}",
                                "/api/v1/admin/cases/" + trackingNo + "/uploads/" + uploadId),
                        ADMIN,
                        null));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response).get("state").asText();
    }

    @Test
    void anAuditorCannotFetchAnIdProofAndEveryViewOfOneIsAudited() {
        String id = uploaded(DRAFT, "id-proof", UploadFixtures.jpeg(), "image/jpeg", "ready");
        String pdf = uploaded(DRAFT, "photo-or-pdf", UploadFixtures.pdf(), "application/pdf", "ready");
        var receipt = submit("info-requests", infoRequest(), DRAFT, "k-7", id, pdf);
        assertEquals(201, receipt.getStatusCode(), receipt.getBody());
        String trackingNo = json(receipt).get("trackingNo").asText();

        assertError(staffDownload(trackingNo, id, AUDITOR, false), 403, "FORBIDDEN", "role");
        assertError(staffDownload(trackingNo, id, AUDITOR, true), 403, "FORBIDDEN", "role");
        assertEquals(200, staffDownload(trackingNo, pdf, AUDITOR, false).getStatusCode());
        assertEquals(200, staffDownload(trackingNo, id, ADMIN, false).getStatusCode());
        assertEquals(200, staffDownload(trackingNo, id, ADMIN, true).getStatusCode());
        List<AuditEntry> views = app.audit().list("gaocheng", null, null, 50, null).items().stream()
                .filter(e -> e.event().equals("view-id-proof"))
                .toList();
        assertEquals(2, views.size(), views.toString());
        assertEquals(trackingNo, views.get(0).trackingNo());
        assertEquals(id, views.get(0).detail());
    }

    @Test
    void anIdProofIsRefusedOnAComplaintAndAPhotoOnAnInformationRequest() {
        String id = uploaded(DRAFT, "id-proof", UploadFixtures.jpeg(), "image/jpeg", "ready");
        var complaint = submit("complaints", complaint(), DRAFT, "k-8", id);
        assertEquals(
                "UPLOAD_NOT_ALLOWED_HERE",
                json(complaint).get("error").get("files").get(0).get("code").asText());
        String photo = uploaded(DRAFT, "photo-or-pdf", UploadFixtures.jpeg(), "image/jpeg", "ready");
        var info = submit("info-requests", infoRequest(), DRAFT, "k-9", photo);
        assertEquals(
                "UPLOAD_NOT_ALLOWED_HERE",
                json(info).get("error").get("files").get(0).get("code").asText());
        assertEquals(0, caseCount());
    }

    @Test
    void aRefusedFileGetsItsCodeAndTheSubmissionGoesOnWithoutIt() {
        String good = uploaded(DRAFT, "photo-or-pdf", UploadFixtures.jpeg(), "image/jpeg", "ready");
        String exe = uploaded(DRAFT, "photo-or-pdf", UploadFixtures.executable(), "image/jpeg", "refused");
        String code = status(DRAFT, exe).get("code").asText();
        assertFalse(code.isBlank());
        JsonNode neverUploaded = slot(DRAFT, "photo-or-pdf", "image/jpeg", 1000);

        var refused = submit(
                "complaints",
                complaint(),
                DRAFT,
                "k-10",
                good,
                exe,
                neverUploaded.get("uploadId").asText());
        assertError(refused, 422, "ATTACHMENTS_NOT_ACCEPTED", "attachments");
        JsonNode files = json(refused).get("error").get("files");
        assertEquals(2, files.size(), files.toString());
        assertEquals(exe, files.get(0).get("uploadId").asText());
        assertEquals("UPLOAD_REFUSED", files.get(0).get("code").asText());
        assertEquals(code, files.get(0).get("reason").asText());
        assertEquals("UPLOAD_NOT_READY", files.get(1).get("code").asText());
        assertEquals(0, caseCount(), "nothing stored");

        // the same form goes on without them (a new attempt: the page makes a new Idempotency-Key)
        var filed = submit("complaints", complaint(), DRAFT, "k-11", good);
        assertEquals(201, filed.getStatusCode(), filed.getBody());
        assertEquals(
                1,
                detail(json(filed).get("trackingNo").asText(), ADMIN)
                        .get("attachments")
                        .size());
    }

    @Test
    void slotsRefuseTypesAndSizesBeyondTheLimits() {
        assertError(
                call(uploads, slotEvent(DRAFT, "photo-or-pdf", "application/zip", 10)),
                400,
                "UPLOAD_TYPE_NOT_ALLOWED",
                "contentType");
        assertError(
                call(uploads, slotEvent(DRAFT, "photo-or-pdf", "image/jpeg", UploadLimits.MAX_PHOTO_BYTES + 1)),
                400,
                "UPLOAD_TOO_LARGE",
                "size");
        assertEquals(
                201,
                call(uploads, slotEvent(DRAFT, "photo-or-pdf", "application/pdf", UploadLimits.MAX_PDF_BYTES))
                        .getStatusCode());
        assertError(
                call(uploads, slotEvent(DRAFT, "photo-or-pdf", "application/pdf", UploadLimits.MAX_PDF_BYTES + 1)),
                400,
                "UPLOAD_TOO_LARGE",
                "size");
        var noDraft = call(
                uploads,
                Events.post(
                        "/api/v1/towns/{town}/uploads",
                        "/api/v1/towns/gaocheng/uploads",
                        Json.write(Json.object()
                                .put("purpose", "photo-or-pdf")
                                .put("contentType", "image/jpeg")
                                .put("size", 10))));
        assertError(noDraft, 400, "REQUIRED", "x-upload-draft");
        String[] seven = new String[7];
        for (int i = 0; i < 7; i++) seven[i] = "0123456789abcdef0123456789abcde" + i;
        assertError(
                submit("complaints", complaint(), DRAFT, "k-12", seven), 400, "TOO_MANY_ATTACHMENTS", "attachments");
    }
}

package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.Events;
import cn.banshi.cases.CaseRecord;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.personaldata.PersonalDataHandler;
import cn.banshi.personaldata.PersonalDataRequestsHandler;
import cn.banshi.upkeep.DailyJobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The citizen's files go with the case's personal data (docs/personal-data.md), on the local S3 server and dynalite:
 * the sweep's retention erasure deletes the photos' objects (processed, thumbnail, incoming) and upload records, by
 * presigned DELETEs, and drops them from the case; the staff document stays; a second run succeeds; a held case keeps
 * its files.
 */
class AttachmentErasureApiTest extends UploadsApiSupport {
    private static final String DRAFT = "draft-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        setUpUploads("erasure");
    }

    /** A citizen's photo uploaded and processed; returns its upload id. */
    String photo() {
        return photo(DRAFT);
    }

    /** A staff document (a scanned reply letter) uploaded for the case; returns its upload id. */
    String letter(String trackingNo) {
        byte[] jpeg = UploadFixtures.jpeg();
        ObjectNode body = Json.object().put("contentType", "image/jpeg").put("size", jpeg.length);
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
        return posted(json(response), jpeg, "image/jpeg");
    }

    /** A finished complaint with the citizen's photos and a staff letter on its acceptance. */
    String finished(String key, String... photos) {
        return finishedReceipt(key, photos).get("trackingNo").asText();
    }

    /** The receipt (tracking number and access code) of {@link #finished}. */
    JsonNode finishedReceipt(String key, String... photos) {
        ObjectNode body = complaint();
        var ids = body.putArray("attachments");
        for (String id : photos) ids.add(id);
        var receipt = call(
                new SubmissionHandler(app),
                Events.post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", Json.write(body))
                        .header("x-upload-draft", DRAFT)
                        .header("idempotency-key", key));
        assertEquals(201, receipt.getStatusCode(), receipt.getBody());
        JsonNode filed = json(receipt);
        String no = filed.get("trackingNo").asText();
        String letter = letter(no);
        ObjectNode accept = Json.object().put("action", "accept");
        accept.putArray("attachments").addObject().put("uploadId", letter).put("visibility", "public");
        var accepted = act(no, app.cases().find(no).orElseThrow().version(), ADMIN, null, accept);
        assertEquals(200, accepted.getStatusCode(), accepted.getBody());
        act(no, "reply", "reply", "已安排保洁人员清理。");
        act(no, "resolve");
        return filed;
    }

    boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    static List<String> objectKeys(String town, Attachment a) {
        List<String> keys = new ArrayList<>(List.of(a.objectKey(), UploadKeys.incoming(town, a.uploadId())));
        if (a.thumbnailKey() != null) keys.add(a.thumbnailKey());
        return keys;
    }

    List<String> listed(String no) {
        var r = staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, ADMIN, null, null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        List<String> ids = new ArrayList<>();
        json(r).get("attachments").forEach(a -> ids.add(a.get("uploadId").asText()));
        return ids;
    }

    void sweep() {
        DailyJobs.run(app, Set.of("gaocheng"));
    }

    @Test
    void theRetentionErasureDeletesTheCitizensPhotosAndKeepsTheStaffDocument() {
        String first = photo();
        String second = photo();
        String no = finished("erase-1", first, second);
        String heldPhoto = photo();
        String held = finished("erase-2", heldPhoto);
        act(held, "legal-hold", "reason", "申请人已提起行政诉讼");

        CaseRecord before = app.cases().find(no).orElseThrow();
        assertEquals(3, before.attachments().size());
        List<Attachment> photos =
                before.attachments().stream().filter(Attachment::isPersonalData).toList();
        Attachment staffDocument = before.attachments().stream()
                .filter(a -> a.purpose() == FilePurpose.STAFF_DOCUMENT)
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(first, second),
                photos.stream().map(Attachment::uploadId).toList());
        for (Attachment a : photos) {
            assertTrue(exists(a.objectKey()), a.objectKey());
            assertTrue(a.thumbnailKey() != null && exists(a.thumbnailKey()), "a photo has a thumbnail");
        }
        CaseRecord heldBefore = app.cases().find(held).orElseThrow();

        // past the complaint's three years after it was finished
        clock.advance(Duration.ofDays(4 * 366));
        sweep();

        CaseRecord erased = app.cases().find(no).orElseThrow();
        assertTrue(erased.isPersonalErased());
        for (Attachment a : photos) {
            for (String key : objectKeys("gaocheng", a)) assertFalse(exists(key), key + " deleted");
            assertTrue(app.uploadStore().find(a.uploadId()).isEmpty(), "upload record deleted");
        }
        assertEquals(List.of(staffDocument), erased.attachments());
        assertEquals(List.of(staffDocument.uploadId()), listed(no));
        assertTrue(exists(staffDocument.objectKey()), "the staff document is kept");
        assertTrue(app.uploadStore().find(staffDocument.uploadId()).isPresent());

        // the held case keeps its files
        CaseRecord heldAfter = app.cases().find(held).orElseThrow();
        assertFalse(heldAfter.isPersonalErased());
        assertEquals(heldBefore.attachments(), heldAfter.attachments());
        for (Attachment a : heldAfter.attachments()) {
            assertTrue(exists(a.objectKey()), a.objectKey());
            assertTrue(app.uploadStore().find(a.uploadId()).isPresent());
        }
        assertTrue(heldAfter.attachments().stream().anyMatch(a -> a.uploadId().equals(heldPhoto)));

        // idempotent: erasing the files again (keys and records already gone) succeeds, and the sweep runs again
        app.personalFiles().erase(before);
        long version = erased.version();
        sweep();
        assertEquals(version, app.cases().find(no).orElseThrow().version());
        assertTrue(exists(staffDocument.objectKey()));
    }

    @Test
    void aGrantedDeletionRequestDeletesTheCitizensPhotoAtOnce() {
        String citizens = photo();
        JsonNode receipt = finishedReceipt("erase-3", citizens);
        String no = receipt.get("trackingNo").asText();
        CaseRecord before = app.cases().find(no).orElseThrow();
        Attachment photo = before.attachments().get(0);
        assertEquals(citizens, photo.uploadId());
        assertTrue(exists(photo.objectKey()));

        var asked = call(
                new PersonalDataHandler(app),
                Events.post(
                                "/api/v1/track/{trackingNo}/personal-data-requests",
                                "/api/v1/track/" + no + "/personal-data-requests",
                                Json.write(Json.object().put("kind", "deletion").put("text", "请删除我的照片")))
                        .header("x-access-code", receipt.get("accessCode").asText()));
        assertEquals(201, asked.getStatusCode(), asked.getBody());
        String id = json(asked).get("id").asText();
        var answered = call(
                new PersonalDataRequestsHandler(app),
                as(
                        Events.post(
                                "/api/v1/admin/personal-data-requests/{requestId}/answer",
                                "/api/v1/admin/personal-data-requests/" + id + "/answer",
                                Json.write(Json.object().put("outcome", "done").put("answer", "已删除"))),
                        ADMIN,
                        null));
        assertEquals(200, answered.getStatusCode(), answered.getBody());

        for (String key : objectKeys("gaocheng", photo)) assertFalse(exists(key), key + " deleted");
        assertTrue(app.uploadStore().find(citizens).isEmpty());
        CaseRecord erased = app.cases().find(no).orElseThrow();
        assertTrue(erased.isPersonalErased());
        assertEquals(1, erased.attachments().size());
        assertEquals(FilePurpose.STAFF_DOCUMENT, erased.attachments().get(0).purpose());
        assertTrue(exists(erased.attachments().get(0).objectKey()), "the staff document is kept");
    }
}

package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseRecord;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.testkit.LocalS3;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Orphans: an upload never attached is gone (record and objects) after its 24 hours, by the local daily sweep; an
 * attached one stays; a case's files go with {@code deleteForCase} (the retention job's call).
 */
class AttachmentCleanupTest extends ApiTestSupport {
    private String bucket;
    private S3Client s3;

    @BeforeEach
    void setUp() {
        setUpApp(LocalDateTime.now(ChinaTime.ZONE)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString());
        bucket = LocalS3.freshBucket("cleanup");
        s3 = LocalS3.client();
        app.useUploads(
                BucketAccess.local(bucket, URI.create(LocalS3.endpoint())),
                new LocalUploadProcessing(s3, bucket, app.uploadStore()));
    }

    String uploadedAndReady(String draft) {
        byte[] jpeg = UploadFixtures.jpeg();
        var response = call(
                new UploadsHandler(app),
                AttachmentsApiTest.slotEvent(draft, "photo-or-pdf", "image/jpeg", jpeg.length));
        JsonNode slot = json(response);
        int posted = AttachmentsApiTest.upload(slot, jpeg, "image/jpeg");
        assertTrue(posted >= 200 && posted < 300, "form POST " + posted);
        String id = slot.get("uploadId").asText();
        assertEquals(
                "ready",
                app.uploads().citizenStatus("gaocheng", id, draft).state().code());
        return id;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket)))
            for (S3Object o : page.contents()) keys.add(o.key());
        return keys;
    }

    @Test
    void anUnattachedUploadIsSweptAfter24HoursAndAnAttachedOneStaysUntilItsCaseGoes() {
        String draft = "draft-cleanup-0123456789";
        String orphan = uploadedAndReady(draft);
        String kept = uploadedAndReady(draft);
        var filed = call(
                new SubmissionHandler(app),
                AttachmentsApiTest.submissionEvent("complaints", complaint(), draft, "cleanup-1", kept));
        assertEquals(201, filed.getStatusCode(), filed.getBody());
        String trackingNo = json(filed).get("trackingNo").asText();
        assertEquals(6, keys().size(), keys().toString()); // incoming, processed, thumbnail of each

        AttachmentCleanup cleanup = new AttachmentCleanup(app.uploadStore(), s3, bucket, clock);
        clock.advance(Duration.ofHours(23));
        assertEquals(0, cleanup.sweepOrphans(), "not before its 24 hours");
        clock.advance(Duration.ofHours(2));
        assertEquals(1, cleanup.sweepOrphans());
        assertFalse(app.uploadStore().find(orphan).isPresent());
        assertTrue(keys().stream().noneMatch(k -> k.contains(orphan)), keys().toString());
        assertTrue(app.uploadStore().find(kept).isPresent(), "an attached upload never expires");
        assertEquals(3, keys().size(), keys().toString());
        assertEquals(0, cleanup.sweepOrphans(), "a second run finds nothing");

        CaseRecord c = app.cases().find(trackingNo).orElseThrow();
        assertEquals(1, cleanup.deleteForCase(c));
        assertEquals(List.of(), keys());
        assertFalse(app.uploadStore().find(kept).isPresent());
    }
}

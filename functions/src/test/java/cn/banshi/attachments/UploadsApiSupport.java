package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import cn.banshi.testkit.LocalS3;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The attachments API tests' common parts: a fresh bucket on the local S3 server, the app using it with in-process
 * processing, the uploads handler, and a citizen's upload from slot through form POST to its checked state.
 */
abstract class UploadsApiSupport extends ApiTestSupport {
    protected String bucket;
    protected S3Client s3;
    protected BucketAccess access;
    protected LocalUploadProcessing processing;
    protected UploadsHandler uploads;

    /** The app on a fresh bucket named after {@code purpose}; the handlers' clock starts now (policies expire by it). */
    void setUpUploads(String purpose) {
        setUpApp(LocalDateTime.now(ChinaTime.ZONE)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString());
        bucket = LocalS3.freshBucket(purpose);
        s3 = LocalS3.client();
        access = BucketAccess.local(bucket, URI.create(LocalS3.endpoint()));
        processing = new LocalUploadProcessing(s3, bucket, app.uploadStore());
        app.useUploads(access, processing);
        uploads = new UploadsHandler(app);
    }

    JsonNode slot(String draft, String purpose, String type, long size) {
        var response = call(uploads, slotEvent(draft, purpose, type, size));
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response);
    }

    static Events slotEvent(String draft, String purpose, String type, long size) {
        ObjectNode body =
                Json.object().put("purpose", purpose).put("contentType", type).put("size", size);
        return Events.post("/api/v1/towns/{town}/uploads", "/api/v1/towns/gaocheng/uploads", Json.write(body))
                .header("x-upload-draft", draft);
    }

    /** The browser's form POST of {@code file} to the slot's URL with its fields; the server's status. */
    static int upload(JsonNode slot, byte[] file, String type) {
        Map<String, String> fields = new LinkedHashMap<>();
        slot.get("fields")
                .fields()
                .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        return UploadFixtures.post(slot.get("url").asText(), fields, file, type);
    }

    /** {@link #upload}, which must succeed; the slot's upload id. */
    static String posted(JsonNode slot, byte[] file, String type) {
        int status = upload(slot, file, type);
        assertTrue(status >= 200 && status < 300, "form POST answered " + status);
        return slot.get("uploadId").asText();
    }

    JsonNode status(String draft, String uploadId) {
        var response = call(
                uploads,
                Events.get("/api/v1/towns/{town}/uploads/{uploadId}", "/api/v1/towns/gaocheng/uploads/" + uploadId)
                        .header("x-upload-draft", draft));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response);
    }

    /** Slot, upload and processing of one citizen file; returns the upload id. */
    String uploaded(String draft, String purpose, byte[] file, String type, String expectedState) {
        String id = posted(slot(draft, purpose, type, file.length), file, type);
        assertEquals(expectedState, status(draft, id).get("state").asText());
        return id;
    }

    /** A citizen's photo from {@code draft}, uploaded and checked ready; its upload id. */
    String photo(String draft) {
        return uploaded(draft, "photo-or-pdf", UploadFixtures.jpeg(), "image/jpeg", "ready");
    }
}

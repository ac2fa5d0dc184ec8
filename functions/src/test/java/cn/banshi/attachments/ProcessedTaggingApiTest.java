package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.Events;
import cn.banshi.cases.CaseRecord;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.store.Tables;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Processed files carry the tag the bucket's lifecycle rule reads (docs/attachments.md, "Orphans"), on the local S3
 * server and dynalite: written {@code banshi-attached=no}; tagged {@code yes} by the submission or the staff action
 * that attaches them, before the case links them; a tagging failure is a 503 that stores nothing; a late duplicate
 * processing run does not leave an attached file expiring.
 */
class ProcessedTaggingApiTest extends UploadsApiSupport {
    private final String draft = "draft-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        setUpUploads("tagging");
    }

    @Test
    void neverAttachedFilesStayTaggedUnattached() {
        UploadRecord u = app.uploadStore().find(photo()).orElseThrow();
        assertEquals(UploadState.READY, u.state());
        assertEquals(Map.of("banshi-attached", "no"), tags(u.processedKey()));
        assertEquals(Map.of("banshi-attached", "no"), tags(u.thumbnailKey()));
    }

    @Test
    void aSubmissionTagsItsFilesAttachedAndLeavesTheOthersExpiring() {
        String attached = photo();
        String left = photo();
        var receipt = submit("tag-1", attached);
        assertEquals(201, receipt.getStatusCode(), receipt.getBody());
        // a retry of the same submission answers the same receipt; the tags stay
        assertEquals(receipt.getBody(), submit("tag-1", attached).getBody());

        CaseRecord c =
                app.cases().find(json(receipt).get("trackingNo").asText()).orElseThrow();
        Attachment a = c.attachments().get(0);
        assertEquals(attached, a.uploadId());
        assertEquals(Map.of("banshi-attached", "yes"), tags(a.objectKey()));
        assertEquals(Map.of("banshi-attached", "yes"), tags(a.thumbnailKey()));
        UploadRecord other = app.uploadStore().find(left).orElseThrow();
        assertEquals(Map.of("banshi-attached", "no"), tags(other.processedKey()));
        assertEquals(Map.of("banshi-attached", "no"), tags(other.thumbnailKey()));
    }

    @Test
    void aStaffDocumentAttachedWithAnActionIsTaggedAttached() {
        var receipt = submit("tag-2");
        assertEquals(201, receipt.getStatusCode(), receipt.getBody());
        String no = json(receipt).get("trackingNo").asText();
        String letter = letter(no);
        UploadRecord u = app.uploadStore().find(letter).orElseThrow();
        assertEquals(Map.of("banshi-attached", "no"), tags(u.processedKey()));

        ObjectNode accept = Json.object().put("action", "accept");
        accept.putArray("attachments").addObject().put("uploadId", letter).put("visibility", "public");
        var accepted = act(no, app.cases().find(no).orElseThrow().version(), ADMIN, null, accept);
        assertEquals(200, accepted.getStatusCode(), accepted.getBody());

        assertEquals(
                List.of(letter),
                app.cases().find(no).orElseThrow().attachments().stream()
                        .map(Attachment::uploadId)
                        .toList());
        assertEquals(Map.of("banshi-attached", "yes"), tags(u.processedKey()));
        assertEquals(Map.of("banshi-attached", "yes"), tags(u.thumbnailKey()));
    }

    @Test
    void whenTaggingFailsTheSubmissionIsA503ThatStoresNothingAndItsRetryGoesThrough() throws Exception {
        String id = photo();
        int cases = caseCount();
        // S3 unreachable for the submission (a port nothing listens on)
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        app.useUploads(BucketAccess.local(bucket, URI.create("http://127.0.0.1:" + deadPort)), processing);
        var failed = submit("tag-3", id);
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        assertEquals("SERVICE_UNAVAILABLE", json(failed).at("/error/code").asText());
        assertEquals(cases, caseCount(), "no case written");
        UploadRecord u = app.uploadStore().find(id).orElseThrow();
        assertEquals(null, u.caseRef(), "the upload is not attached");
        assertTrue(u.expiresAt() != null, "the upload still expires");
        assertEquals(Map.of("banshi-attached", "no"), tags(u.processedKey()));

        app.useUploads(access, processing);
        var retried = submit("tag-3", id);
        assertEquals(201, retried.getStatusCode(), retried.getBody());
        assertEquals(cases + 1, caseCount());
        assertEquals(Map.of("banshi-attached", "yes"), tags(u.processedKey()));
        assertEquals(Map.of("banshi-attached", "yes"), tags(u.thumbnailKey()));
    }

    @Test
    void aLateDuplicateProcessingRunLeavesAnAttachedFileAttached() {
        String id = photo();
        var receipt = submit("tag-4", id);
        assertEquals(201, receipt.getStatusCode(), receipt.getBody());
        UploadRecord u = app.uploadStore().find(id).orElseThrow();
        assertEquals(Map.of("banshi-attached", "yes"), tags(u.processedKey()));
        // a duplicate S3 event whose run read the upload still pending (before the first run made it ready) and
        // finishes after the submission attached it: its view of the record is restored, then it runs
        dynamo.updateItem(b -> b.tableName(Tables.physical(Tables.EPHEMERAL))
                .key(Map.of("pk", AttributeValue.fromS("upload#" + id)))
                .updateExpression("SET #s = :p")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(UploadState.PENDING.code()))));
        var outcome = new UploadProcessor(app.uploadStore(), s3, bucket).process(UploadKeys.incoming("gaocheng", id));

        assertEquals(UploadProcessor.Outcome.READY, outcome, "the objects were written again");
        assertEquals(Map.of("banshi-attached", "yes"), tags(u.processedKey()));
        assertEquals(Map.of("banshi-attached", "yes"), tags(u.thumbnailKey()));
    }

    private APIGatewayV2HTTPResponse submit(String key, String... uploadIds) {
        ObjectNode body = complaint();
        var ids = body.putArray("attachments");
        for (String id : uploadIds) ids.add(id);
        return call(
                new SubmissionHandler(app),
                Events.post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", Json.write(body))
                        .header("x-upload-draft", draft)
                        .header("idempotency-key", key));
    }

    /** A citizen's photo uploaded and processed; returns its upload id. */
    private String photo() {
        return photo(draft);
    }

    /** A staff document (a scanned letter) uploaded for the case and processed; returns its upload id. */
    private String letter(String trackingNo) {
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
        String id = posted(json(response), jpeg, "image/jpeg");
        var state = call(
                uploads,
                as(
                        Events.get(
                                "/api/v1/admin/cases/{trackingNo}/uploads/{uploadId}",
                                "/api/v1/admin/cases/" + trackingNo + "/uploads/" + id),
                        ADMIN,
                        null));
        assertEquals("ready", json(state).get("state").asText(), state.getBody());
        return id;
    }

    /** The object's tag set, read with the SDK's GetObjectTagging. */
    private Map<String, String> tags(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}

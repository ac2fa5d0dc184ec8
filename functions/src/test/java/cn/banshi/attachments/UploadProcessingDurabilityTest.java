package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.LocalS3;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Twenty files uploaded at once, and a processor killed after writing the processed objects but before recording the
 * state (the last write): the rerun of the same events finishes every upload, and each has exactly one processed body
 * and one thumbnail, the case gets all of them (nothing lost, nothing doubled).
 */
class UploadProcessingDurabilityTest extends ApiTestSupport {
    private String bucket;
    private S3Client s3;
    private UploadsHandler uploads;

    /** Kills the "process" at its state write: every UpdateItem fails as if the function died there. */
    static final class KillAtStateWrite implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof UpdateItemRequest) throw new IllegalStateException("killed");
        }
    }

    @BeforeEach
    void setUp() {
        // the presigned policies expire by the local S3 server's clock: the handlers' clock is now
        setUpApp(LocalDateTime.now(ChinaTime.ZONE)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString());
        bucket = LocalS3.freshBucket("durability");
        s3 = LocalS3.client();
        // uploads are only seen, never processed, by the API here: the processors below get the events
        app.useUploads(BucketAccess.local(bucket, URI.create(LocalS3.endpoint())), upload -> {});
        uploads = new UploadsHandler(app);
    }

    @Test
    void twentyConcurrentUploadsAndAKilledProcessorLoseNothing() throws Exception {
        String draft = "draft-" + UUID.randomUUID();
        List<JsonNode> slots = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] file = i % 4 == 3 ? UploadFixtures.pdf() : UploadFixtures.image("jpeg", 200 + i, 150 + i);
            files.add(file);
            String type = i % 4 == 3 ? "application/pdf" : "image/jpeg";
            var response = call(uploads, AttachmentsApiTest.slotEvent(draft, "photo-or-pdf", type, file.length));
            assertEquals(201, response.getStatusCode(), response.getBody());
            slots.add(json(response));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> posted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                JsonNode slot = slots.get(i);
                byte[] file = files.get(i);
                String type = i % 4 == 3 ? "application/pdf" : "image/jpeg";
                posted.add(pool.submit(() -> AttachmentsApiTest.upload(slot, file, type)));
            }
            for (Future<Integer> p : posted) assertTrue(p.get() >= 200 && p.get() < 300, "form POST " + p.get());
        } finally {
            pool.shutdown();
        }

        // the killed run: processed objects written, no state recorded
        DynamoDbClient dying = LocalDynamo.client(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(new KillAtStateWrite()));
        UploadProcessingHandler killed =
                new UploadProcessingHandler(new UploadProcessor(new UploadStore(dying), s3, bucket));
        for (JsonNode slot : slots) {
            String key = slot.get("fields").get("key").asText();
            long size = files.get(slots.indexOf(slot)).length;
            assertThrows(
                    IllegalStateException.class,
                    () -> killed.handleRequest(ObjectCreatedEvents.post(bucket, key, size), null));
        }
        for (JsonNode slot : slots) {
            assertEquals(
                    "pending",
                    app.uploadStore()
                            .find(slot.get("uploadId").asText())
                            .orElseThrow()
                            .state()
                            .code());
        }

        // S3 delivers the events again (at least once), concurrently: every upload is processed once more, to the same
        // keys
        UploadProcessingHandler healthy =
                new UploadProcessingHandler(new UploadProcessor(app.uploadStore(), s3, bucket));
        ExecutorService again = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 20; i++) {
                    String key = slots.get(i).get("fields").get("key").asText();
                    long size = files.get(i).length;
                    runs.add(again.submit(
                            () -> healthy.handleRequest(ObjectCreatedEvents.post(bucket, key, size), null)));
                }
            }
            for (Future<?> r : runs) r.get();
        } finally {
            again.shutdown();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode slot : slots) {
            String id = slot.get("uploadId").asText();
            assertEquals(
                    "ready", app.uploadStore().find(id).orElseThrow().state().code(), id);
            ids.add(id);
        }
        List<String> processed = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("processed/")))
            for (S3Object o : page.contents()) processed.add(o.key());
        assertEquals(15 * 2 + 5, processed.size(), "one body per upload and one thumbnail per photo: " + processed);

        // six to a case: the first six go on one submission, the rest stay unattached (and expire)
        var filed = call(
                new SubmissionHandler(app),
                AttachmentsApiTest.submissionEvent(
                        "complaints",
                        complaint(),
                        draft,
                        "twenty",
                        ids.subList(0, 6).toArray(String[]::new)));
        assertEquals(201, filed.getStatusCode(), filed.getBody());
        String trackingNo = json(filed).get("trackingNo").asText();
        assertEquals(6, app.cases().find(trackingNo).orElseThrow().attachments().size());
    }
}

package cn.banshi.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.AppContext;
import cn.banshi.api.Events;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.store.Tables;
import cn.banshi.testkit.FaultInjector;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.tracking.TrackingHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB throttles and fails (a test-only interceptor injects the service's own errors into a share of call
 * attempts, below the production client's retry strategy): every submission either succeeds or answers 503
 * with Retry-After, never a 500; a client that retries with its Idempotency-Key ends with exactly one case,
 * complete and trackable, and every answer it got for that key names the same case.
 */
class SubmissionFaultsTest {
    static final String ROUTE = "/api/v1/towns/{town}/complaints";
    static final String PATH = "/api/v1/towns/gaocheng/complaints";

    FaultInjector faults;
    DynamoDbClient dynamo;
    DynamoDbClient clean;
    AppContext app;
    SkippingClock clock;
    ExecutorService pool;

    /** Real time from a fixed start, plus the waits the test's clients skip instead of sleeping. */
    static final class SkippingClock extends Clock {
        final Instant start = Instant.parse("2026-06-01T01:00:00Z");
        final long origin = System.nanoTime();
        final AtomicLong skippedMillis = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(System.nanoTime() - origin).plusMillis(skippedMillis.get());
        }

        void skip(Duration d) {
            skippedMillis.addAndGet(d.toMillis());
        }
    }

    @BeforeEach
    void setUp() {
        clean = LocalDynamo.freshTables();
        faults = new FaultInjector(0.3, 20260601L);
        dynamo = LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(faults));
        clock = new SkippingClock();
        app = new AppContext(dynamo, clock);
        pool = Executors.newFixedThreadPool(12);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    record Outcome(String key, List<APIGatewayV2HTTPResponse> answers) {}

    /** A citizen's phone app: retries after Retry-After with the same Idempotency-Key until it gets its receipt. */
    Outcome submitUntilAccepted(SubmissionHandler handler, String key, String body) {
        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            APIGatewayV2HTTPResponse r =
                    ApiTestSupport.call(handler, Events.post(ROUTE, PATH, body).header("idempotency-key", key));
            answers.add(r);
            if (r.getStatusCode() == 201) return new Outcome(key, answers);
            assertRetryLater(r);
            clock.skip(Duration.ofSeconds(Long.parseLong(r.getHeaders().get("retry-after"))));
        }
        throw new AssertionError("no receipt after 30 attempts for " + key);
    }

    /** 503 with Retry-After; or, on a retry whose first attempt is still leased, 409 IDEMPOTENCY_IN_PROGRESS with Retry-After. */
    static void assertRetryLater(APIGatewayV2HTTPResponse r) {
        String retryAfter = r.getHeaders().get("retry-after");
        if (r.getStatusCode() == 503) {
            ApiTestSupport.assertError(r, 503, "SERVICE_UNAVAILABLE", null);
        } else if (r.getStatusCode() == 409) {
            ApiTestSupport.assertError(r, 409, "IDEMPOTENCY_IN_PROGRESS", "idempotency-key");
        } else {
            fail("expected 201, 503 or 409 in progress, got " + r.getStatusCode() + " " + r.getBody());
        }
        assertNotNull(retryAfter, "Retry-After on " + r.getStatusCode());
        assertTrue(Integer.parseInt(retryAfter) >= 1);
    }

    @Test
    void retriedSubmissionsEndAsExactlyOneCompleteCaseEach() throws Exception {
        SubmissionHandler handler = new SubmissionHandler(app);
        int n = 60;
        // one submission meets DynamoDB failing longer than the SDK retries: it is answered 503 (not left to chance
        // among the 30 % below); its client retries with the same key below, like the others
        faults.share(1.0);
        APIGatewayV2HTTPResponse down = ApiTestSupport.call(
                handler,
                Events.post(ROUTE, PATH, Json.write(ApiTestSupport.complaint().put("title", "河道有垃圾 0")))
                        .header("idempotency-key", "fault-key-0"));
        assertEquals(503, down.getStatusCode(), down.getBody());
        assertRetryLater(down);
        faults.share(0.3);
        List<Future<Outcome>> futures = new ArrayList<>();
        Map<String, ObjectNode> bodies = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = "fault-key-" + i;
            ObjectNode body = ApiTestSupport.complaint().put("title", "河道有垃圾 " + i);
            bodies.put(key, body);
            futures.add(pool.submit(() -> submitUntilAccepted(handler, key, Json.write(body))));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) outcomes.add(f.get());
        faults.enabled(false);

        TrackingHandler tracking = new TrackingHandler(app);
        Set<String> trackingNos = new HashSet<>();
        for (Outcome o : outcomes) {
            JsonNode receipt = ApiTestSupport.json(o.answers().get(o.answers().size() - 1));
            String trackingNo = receipt.get("trackingNo").asText();
            assertTrue(trackingNos.add(trackingNo), "two keys, one case: " + trackingNo);
            // the receipt works: the case is there, complete, and the access code opens it
            var tracked = ApiTestSupport.call(
                    tracking,
                    Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + trackingNo)
                            .header("x-access-code", receipt.get("accessCode").asText()));
            assertEquals(200, tracked.getStatusCode(), tracked.getBody());
            var stored = app.cases().find(trackingNo).orElseThrow();
            assertEquals(bodies.get(o.key()).get("title").asText(), stored.title());
            assertEquals("13912345678", stored.personal().submitter().phone());
            assertEquals(1, stored.history().size());
            assertEquals(1, stored.version());
            // a replay after the receipt gives the same receipt
            var replay = ApiTestSupport.call(
                    handler,
                    Events.post(ROUTE, PATH, Json.write(bodies.get(o.key()))).header("idempotency-key", o.key()));
            assertEquals(201, replay.getStatusCode(), replay.getBody());
            assertEquals(
                    trackingNo, ApiTestSupport.json(replay).get("trackingNo").asText());
        }
        assertEquals(n, count(), "one case per Idempotency-Key, no duplicate, none lost");
        assertTrue(
                faults.throttled.get() > 20 && faults.failedBefore.get() > 10 && faults.failedAfterWrite.get() > 10,
                "faults were injected: " + faults.throttled + " throttled, " + faults.failedBefore + " 5xx, "
                        + faults.failedAfterWrite + " 5xx after the write");
    }

    @Test
    void withoutIdempotencyKeyEveryAnswerIs201Or503AndEvery201IsOneCase() throws Exception {
        SubmissionHandler handler = new SubmissionHandler(app);
        AtomicInteger unavailable = new AtomicInteger();
        List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = Json.write(ApiTestSupport.complaint().put("title", "路灯不亮 " + i));
            futures.add(pool.submit(() -> ApiTestSupport.call(handler, Events.post(ROUTE, PATH, body))));
        }
        Set<String> accepted = new HashSet<>();
        for (Future<APIGatewayV2HTTPResponse> f : futures) {
            APIGatewayV2HTTPResponse r = f.get();
            if (r.getStatusCode() == 201) {
                assertTrue(accepted.add(ApiTestSupport.json(r).get("trackingNo").asText()));
            } else {
                ApiTestSupport.assertError(r, 503, "SERVICE_UNAVAILABLE", null);
                assertNotNull(r.getHeaders().get("retry-after"));
                unavailable.incrementAndGet();
            }
        }
        faults.enabled(false);
        for (String trackingNo : accepted)
            assertTrue(app.cases().find(trackingNo).isPresent(), trackingNo);
        // a 5xx after the case was written makes the SDK retry the put: the write nonce keeps that one case;
        // only a 503 answered after such a write can leave a case whose receipt the citizen never saw
        int stored = count();
        assertTrue(
                stored >= accepted.size() && stored <= accepted.size() + unavailable.get(),
                stored + " stored, " + accepted.size() + " accepted, " + unavailable + " answered 503");
        assertTrue(faults.injected() > 20, "faults were injected: " + faults.injected());
    }

    int count() {
        int total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = clean.scan(b ->
                    b.tableName(Tables.physical(Tables.CASES)).select("COUNT").exclusiveStartKey(from));
            total += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return total;
    }
}

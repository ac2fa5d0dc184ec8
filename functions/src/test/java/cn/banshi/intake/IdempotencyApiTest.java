package cn.banshi.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on the submission routes. */
class IdempotencyApiTest extends ApiTestSupport {
    SubmissionHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2021-06-01T09:00");
        handler = new SubmissionHandler(app);
    }

    APIGatewayV2HTTPResponse submit(String body, String key) {
        return call(
                handler,
                Events.post(ComplaintSubmissionApiTest.ROUTE, "/api/v1/towns/gaocheng/complaints", body)
                        .header("idempotency-key", key));
    }

    @Test
    void sameKeyAndBodyReturnsTheFirstResponseAndCreatesNothing() {
        String body = Json.write(complaint());
        APIGatewayV2HTTPResponse first = submit(body, "key-1");
        APIGatewayV2HTTPResponse again = submit(body, "key-1");
        assertEquals(201, first.getStatusCode());
        assertEquals(201, again.getStatusCode());
        assertEquals(first.getBody(), again.getBody());
        assertEquals(first.getHeaders().get("location"), again.getHeaders().get("location"));
        assertEquals(1, caseCount());
    }

    @Test
    void sameKeyWithAnotherBodyIs409() {
        submit(Json.write(complaint()), "key-2");
        APIGatewayV2HTTPResponse other = submit(Json.write(complaint().put("title", "另一个问题")), "key-2");
        assertError(other, 409, "IDEMPOTENCY_KEY_REUSED", "idempotency-key");
        assertEquals(1, caseCount());
    }

    @Test
    void withoutKeyEverySubmissionIsANewCase() {
        String body = Json.write(complaint());
        assertNotEquals(
                json(submit(body, null)).get("trackingNo"),
                json(submit(body, null)).get("trackingNo"));
        assertEquals(2, caseCount());
    }

    @Test
    void keyIsScopedToTheRoute() {
        submit(Json.write(complaint()), "shared");
        var info = call(
                handler,
                Events.post(
                                InfoRequestSubmissionApiTest.ROUTE,
                                "/api/v1/towns/gaocheng/info-requests",
                                Json.write(infoRequest()))
                        .header("idempotency-key", "shared"));
        assertEquals(201, info.getStatusCode(), info.getBody());
        assertEquals(2, caseCount());
    }

    @Test
    void afterTwentyFourHoursTheKeyMayBeUsedAgain() {
        String body = Json.write(complaint());
        String first = json(submit(body, "key-3")).get("trackingNo").asText();
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        String later = json(submit(body, "key-3")).get("trackingNo").asText();
        assertNotEquals(first, later);
        assertEquals(2, caseCount());
    }

    @Test
    void invalidBodyReleasesTheKeySoTheCorrectedRequestCanUseIt() {
        var refused = submit(Json.write(complaint().put("title", "x")), "key-4");
        assertEquals(400, refused.getStatusCode());
        // the same key with the corrected body is a new request, not a conflict
        assertEquals(201, submit(Json.write(complaint()), "key-4").getStatusCode());
        assertEquals(1, caseCount());
    }

    @Test
    void invalidKeyIs400() {
        assertError(submit(Json.write(complaint()), "x".repeat(129)), 400, "INVALID_HEADER", "idempotency-key");
        assertEquals(0, caseCount());
    }

    @Test
    void fiftyConcurrentRetriesWithOneKeyCreateExactlyOneCase() throws Exception {
        String body = Json.write(complaint());
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return submit(body, "concurrent-key");
            }));
        }
        start.countDown();
        Set<String> bodies = new HashSet<>();
        for (Future<APIGatewayV2HTTPResponse> f : futures) {
            APIGatewayV2HTTPResponse response = f.get();
            assertEquals(201, response.getStatusCode(), response.getBody());
            bodies.add(response.getBody());
        }
        pool.shutdown();
        assertEquals(1, bodies.size(), "all answers identical");
        assertEquals(1, caseCount());
    }
}

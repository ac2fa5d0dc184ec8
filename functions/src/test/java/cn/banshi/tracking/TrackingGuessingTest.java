package cn.banshi.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guessing access codes is throttled even when the guesses come all at once: of 40 concurrent wrong guesses
 * for one tracking number, at most {@link AttemptLimiter#MAX_FAILURES} are checked against the code (404); every
 * other one is refused unchecked (429 with Retry-After), and then so is the right code, until the window ends.
 */
class TrackingGuessingTest extends ApiTestSupport {
    TrackingHandler tracking;
    String trackingNo;
    String accessCode;

    @BeforeEach
    void setUp() {
        setUpApp("2021-06-01T09:00");
        tracking = new TrackingHandler(app);
        JsonNode receipt = submitOnline("complaints", complaint());
        trackingNo = receipt.get("trackingNo").asText();
        accessCode = receipt.get("accessCode").asText();
    }

    APIGatewayV2HTTPResponse track(String code) {
        return call(
                tracking,
                Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + trackingNo)
                        .header("x-access-code", code));
    }

    @Test
    void concurrentGuessesGetAtMostFiveChecks() throws Exception {
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String guess = String.format("%05d-%05d", i, i);
            answers.add(pool.submit(() -> {
                go.await();
                return track(guess);
            }));
        }
        go.countDown();
        int checked = 0;
        int refused = 0;
        for (Future<APIGatewayV2HTTPResponse> f : answers) {
            APIGatewayV2HTTPResponse r = f.get();
            if (r.getStatusCode() == 404) {
                checked++;
            } else {
                assertError(r, 429, "TOO_MANY_ATTEMPTS", "X-Access-Code");
                assertTrue(Integer.parseInt(r.getHeaders().get("retry-after")) > 0);
                refused++;
            }
        }
        pool.shutdown();
        assertTrue(checked <= AttemptLimiter.MAX_FAILURES, checked + " guesses were checked");
        assertEquals(n, checked + refused);
        assertEquals(429, track(accessCode).getStatusCode(), "locked, even for the right code");
        clock.advance(AttemptLimiter.WINDOW.plus(Duration.ofSeconds(1)));
        assertEquals(200, track(accessCode).getStatusCode());
    }

    @Test
    void theRightCodeDoesNotUseUpAttempts() {
        for (int i = 0; i < 3 * AttemptLimiter.MAX_FAILURES; i++)
            assertEquals(200, track(accessCode).getStatusCode());
        for (int i = 0; i < AttemptLimiter.MAX_FAILURES; i++)
            assertEquals(404, track("00000-0000" + i).getStatusCode());
        assertEquals(429, track(accessCode).getStatusCode());
    }
}

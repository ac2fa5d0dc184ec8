package cn.banshi.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/track/{trackingNo} with X-Access-Code. */
class TrackingApiTest extends ApiTestSupport {
    static final String ROUTE = "/api/v1/track/{trackingNo}";
    TrackingHandler tracking;
    String trackingNo;
    String accessCode;

    @BeforeEach
    void setUp() {
        setUpApp("2021-03-15T08:30");
        tracking = new TrackingHandler(app);
        var created = call(
                new SubmissionHandler(app),
                Events.post(
                        "/api/v1/towns/{town}/complaints",
                        "/api/v1/towns/gaocheng/complaints",
                        Json.write(complaint())));
        trackingNo = json(created).get("trackingNo").asText();
        accessCode = json(created).get("accessCode").asText();
    }

    APIGatewayV2HTTPResponse track(String number, String code) {
        return call(tracking, Events.get(ROUTE, "/api/v1/track/" + number).header("x-access-code", code));
    }

    @Test
    void rightCodeShowsStatusDueDateAndTimelineWithoutPersonalData() {
        APIGatewayV2HTTPResponse response = track(trackingNo, accessCode);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals("submitted", body.get("status").asText());
        assertEquals(trackingNo, body.get("trackingNo").asText());
        assertEquals(1, body.get("timeline").size());
        assertEquals(
                "2021-03-15T08:30:00+08:00",
                body.get("timeline").get(0).get("at").asText());
        for (String personal : new String[] {"王小明", "13912345678", "梅家渎村东河桥边", "accessHash", accessCode}) {
            assertFalse(response.getBody().contains(personal), personal);
        }
    }

    @Test
    void codeIsReadCaseInsensitivelyAndWithoutDashes() {
        assertEquals(
                200,
                track(trackingNo.toLowerCase().replace("-", ""), accessCode.toLowerCase())
                        .getStatusCode());
    }

    @Test
    void wrongCodeAndUnknownNumberAnswerTheSame404() {
        APIGatewayV2HTTPResponse wrongCode = track(trackingNo, "00000-00000");
        APIGatewayV2HTTPResponse unknown = track("0000-0000-0000-0000", accessCode);
        APIGatewayV2HTTPResponse malformed = track("not-a-number", accessCode);
        assertError(wrongCode, 404, "NOT_FOUND", "trackingNo");
        assertEquals(wrongCode.getBody(), unknown.getBody());
        assertEquals(wrongCode.getBody(), malformed.getBody());
    }

    @Test
    void missingCodeIs400() {
        assertError(call(tracking, Events.get(ROUTE, "/api/v1/track/" + trackingNo)), 400, "REQUIRED", "X-Access-Code");
    }

    @Test
    void repeatedWrongCodesLockTheNumberForAWhile() {
        for (int i = 0; i < AttemptLimiter.MAX_FAILURES; i++) {
            assertEquals(404, track(trackingNo, "00000-0000" + i).getStatusCode());
        }
        APIGatewayV2HTTPResponse locked = track(trackingNo, accessCode);
        assertError(locked, 429, "TOO_MANY_ATTEMPTS", "X-Access-Code");
        int retryAfter = Integer.parseInt(locked.getHeaders().get("retry-after"));
        assertEquals(true, retryAfter > 0 && retryAfter <= AttemptLimiter.WINDOW.toSeconds());
        clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(200, track(trackingNo, accessCode).getStatusCode());
    }

    @Test
    void unknownNumbersAreLockedTooSoLockingRevealsNothing() {
        for (int i = 0; i < AttemptLimiter.MAX_FAILURES; i++) track("ABCD-ABCD-ABCD-ABCD", accessCode);
        assertEquals(429, track("ABCD-ABCD-ABCD-ABCD", accessCode).getStatusCode());
        assertEquals(200, track(trackingNo, accessCode).getStatusCode(), "other numbers are unaffected");
    }
}

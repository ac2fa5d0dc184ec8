package cn.banshi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.json.Json;
import cn.banshi.tracking.TrackingHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 12345 closed loop through the staff and citizen handlers. */
class HotlineWorkflowApiTest extends ApiTestSupport {
    String trackingNo;
    String accessCode;

    @BeforeEach
    void setUp() {
        setUpApp("2021-04-06T09:00");
        JsonNode receipt = submitOnline("complaints", complaint());
        trackingNo = receipt.get("trackingNo").asText();
        accessCode = receipt.get("accessCode").asText();
    }

    JsonNode track() {
        var response = call(
                new TrackingHandler(app),
                Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + trackingNo)
                        .header("x-access-code", accessCode));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response);
    }

    @Test
    void givenAComplaintWhenWorkedThroughTheClosedLoopThenHistoryAndCitizenViewFollow() {
        JsonNode accepted = act(trackingNo, "accept");
        assertEquals("accepted", accepted.get("status").asText());
        assertEquals(List.of("assign", "reply"), list(accepted.get("allowedActions")));
        JsonNode assigned = act(trackingNo, "assign", "village", "hongxing");
        assertEquals("hongxing", assigned.get("village").asText());
        assertEquals(
                "已派单至红星社区办理", assigned.get("history").get(2).get("publicNote").asText());
        act(trackingNo, "reply", "reply", "已安排保洁人员于本周内清理河道垃圾。");
        clock.advance(Duration.ofDays(2));
        JsonNode resolved = act(trackingNo, "resolve");
        assertEquals("resolved", resolved.get("status").asText());
        assertTrue(resolved.get("resolution").get("onTime").asBoolean());
        assertEquals("resolved", resolved.get("resolution").get("outcome").asText());
        JsonNode closed = act(trackingNo, "close", "followUp", "电话回访，群众满意");
        assertEquals("closed", closed.get("status").asText());
        assertEquals(List.of(), list(closed.get("allowedActions")));

        JsonNode history = closed.get("history");
        assertEquals(6, history.size());
        String[] actions = {"submit", "accept", "assign", "reply", "resolve", "close"};
        String[] to = {"submitted", "accepted", "assigned", "replied", "resolved", "closed"};
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 1, history.get(i).get("seq").asInt());
            assertEquals(actions[i], history.get(i).get("action").asText());
            assertEquals(to[i], history.get(i).get("to").asText());
            if (i > 0) assertEquals(to[i - 1], history.get(i).get("from").asText());
            if (i > 0)
                assertEquals("town-admin@gaocheng", history.get(i).get("actor").asText());
        }
        assertEquals(6, closed.get("version").asInt());

        JsonNode citizen = track();
        assertEquals("closed", citizen.get("status").asText());
        assertEquals(6, citizen.get("timeline").size());
        assertTrue(citizen.get("canRate").asBoolean());
    }

    @Test
    void illegalTransitionIs422WithTheAllowedActions() {
        var response = act(trackingNo, 1, ADMIN, null, Json.object().put("action", "resolve"));
        assertError(response, 422, "ACTION_NOT_ALLOWED", "action");
        assertEquals(
                List.of("accept", "reject"), list(json(response).get("error").get("allowedActions")));
        assertError(
                act(trackingNo, 1, ADMIN, null, Json.object().put("action", "fly")),
                422,
                "ACTION_NOT_ALLOWED",
                "action");
        assertEquals(1, app.cases().find(trackingNo).orElseThrow().version(), "nothing written");
    }

    @Test
    void rejectNeedsAReasonAndFinishesTheCase() {
        assertError(act(trackingNo, 1, ADMIN, null, Json.object().put("action", "reject")), 400, "REQUIRED", "reason");
        assertError(
                act(
                        trackingNo,
                        1,
                        ADMIN,
                        null,
                        Json.object().put("action", "reject").put("reason", "x").put("x", 1)),
                400,
                "UNKNOWN_FIELD",
                "x");
        JsonNode rejected = act(trackingNo, "reject", "reason", "不属于本镇职责范围，请向市场监管部门反映");
        assertEquals("rejected", rejected.get("resolution").get("outcome").asText());
        assertFalse(track().get("canRate").asBoolean(), "a rejected case is not rated");
    }

    @Test
    void assignNeedsExactlyOneKnownTarget() {
        act(trackingNo, "accept");
        assertError(
                act(trackingNo, 2, ADMIN, null, Json.object().put("action", "assign")),
                400,
                "INVALID_VALUE",
                "village");
        assertError(
                act(
                        trackingNo,
                        2,
                        ADMIN,
                        null,
                        Json.object().put("action", "assign").put("village", "nowhere")),
                400,
                "UNKNOWN_VILLAGE",
                "village");
        assertEquals(
                "assigned",
                act(trackingNo, "assign", "department", "镇城管办").get("status").asText());
    }

    @Test
    void citizenRatesOnceAfterResolution() {
        var rate = (Function<String, APIGatewayV2HTTPResponse>) body -> call(
                new TrackingHandler(app),
                Events.post("/api/v1/track/{trackingNo}/rating", "/api/v1/track/" + trackingNo + "/rating", body)
                        .header("x-access-code", accessCode));
        assertError(rate.apply("{\"score\":5}"), 422, "RATING_NOT_ALLOWED", "score");
        act(trackingNo, "accept");
        act(trackingNo, "reply", "reply", "已处理");
        act(trackingNo, "resolve");
        assertError(rate.apply("{\"score\":6}"), 400, "OUT_OF_RANGE", "score");
        assertError(rate.apply("{\"score\":\"5\"}"), 400, "WRONG_TYPE", "score");
        var rated = rate.apply("{\"score\":4,\"comment\":\"处理及时\"}");
        assertEquals(200, rated.getStatusCode(), rated.getBody());
        assertEquals(4, json(rated).get("rating").asInt());
        assertError(rate.apply("{\"score\":5}"), 422, "RATING_NOT_ALLOWED", "score");
        assertEquals(4, app.cases().find(trackingNo).orElseThrow().rating().score());
        var wrongCode = call(
                new TrackingHandler(app),
                Events.post(
                                "/api/v1/track/{trackingNo}/rating",
                                "/api/v1/track/" + trackingNo + "/rating",
                                "{\"score\":1}")
                        .header("x-access-code", "00000-00000"));
        assertEquals(404, wrongCode.getStatusCode());
    }
}

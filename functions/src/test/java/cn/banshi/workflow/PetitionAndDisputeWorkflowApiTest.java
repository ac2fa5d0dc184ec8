package cn.banshi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Petitions (calendar days: 15 + 15 + 60, one extension ≤ 30, review and re-review 30 + 30) and mediation. */
class PetitionAndDisputeWorkflowApiTest extends ApiTestSupport {

    @BeforeEach
    void setUp() {
        setUpApp("2021-09-25T10:00");
    }

    String petition() {
        ObjectNode body = complaint().put("type", "petition").put("category", "petition-land-requisition");
        return submitOnline("complaints", body).get("trackingNo").asText();
    }

    @Test
    void petitionDeadlinesFollowTheRegulation() {
        String no = petition();
        assertEquals("2021-10-10", act(no, "register").get("dueDate").asText()); // 25 Sep + 15
        at("2021-10-08T10:00");
        assertEquals(
                "2021-10-23",
                act(no, "forward", "handlingBody", "镇国土所").get("dueDate").asText()); // 8 Oct + 15
        at("2021-10-09T10:00");
        JsonNode accepted = act(no, "acknowledge");
        assertEquals("2021-12-08", accepted.get("dueDate").asText()); // 9 Oct + 60
        long v = accepted.get("version").asLong();
        assertError(
                act(
                        no,
                        v,
                        ADMIN,
                        null,
                        Json.object().put("action", "extend").put("days", 31).put("reason", "情况复杂")),
                400,
                "OUT_OF_RANGE",
                "days");
        assertError(
                act(no, v, ADMIN, null, Json.object().put("action", "extend").put("days", 10)),
                400,
                "REQUIRED",
                "reason");
        ObjectNode extend =
                Json.object().put("action", "extend").put("days", 30).put("reason", "涉及多个部门，情况复杂");
        JsonNode extended = json(act(no, v, ADMIN, null, extend));
        assertEquals("2022-01-07", extended.get("dueDate").asText()); // 8 Dec + 30
        assertEquals(List.of("reply"), list(extended.get("allowedActions")));
        assertError(act(no, v + 1, ADMIN, null, extend.deepCopy()), 422, "ACTION_NOT_ALLOWED", "action");

        at("2021-12-20T10:00");
        JsonNode replied = act(no, "reply", "opinion", "经调查核实，征地补偿已按标准发放。");
        assertTrue(replied.get("resolution").get("onTime").asBoolean());
        at("2022-01-10T10:00"); // within 30 days of the reply (19 Jan)
        JsonNode review = act(no, "request-review", "receivedOn", "2022-01-10");
        assertEquals("under-review", review.get("status").asText());
        assertEquals("2022-02-09", review.get("dueDate").asText()); // 10 Jan + 30
        at("2022-02-01T10:00");
        act(no, "review-reply", "opinion", "维持原处理意见。");
        at("2022-02-20T10:00");
        JsonNode reReview = act(no, "request-review");
        assertEquals("2022-03-22", reReview.get("dueDate").asText()); // 20 Feb + 30
        assertEquals(2, reReview.get("details").get("reviews").asInt());
        JsonNode finalReply = act(no, "review-reply", "opinion", "复核维持。");
        assertEquals(List.of(), list(finalReply.get("allowedActions")), "after re-review nothing more is accepted");
    }

    @Test
    void reviewMustBeAskedWithinThirtyDays() {
        String no = petition();
        act(no, "register");
        act(no, "forward", "handlingBody", "镇信访办");
        act(no, "acknowledge");
        act(no, "reply", "opinion", "已答复。");
        at("2021-10-26T10:00"); // 31 days after the reply of 25 Sep
        var late = act(
                no,
                app.cases().find(no).orElseThrow().version(),
                ADMIN,
                null,
                Json.object().put("action", "request-review"));
        assertError(late, 422, "ACTION_NOT_ALLOWED", "action");
    }

    @Test
    void mediationRecordsSessionsResultAndFulfilment() {
        at("2021-03-01T10:00");
        ObjectNode body = complaint().put("type", "dispute").put("category", "dispute-neighbour");
        body.putArray("parties").addObject().put("name", "赵四").put("phone", "13800001111");
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        assertEquals("2021-03-31", act(no, "accept").get("dueDate").asText()); // 1 Mar + 30 days
        JsonNode mediating = act(no, "assign-mediator", "mediator", "高塍村人民调解委员会 周调解员");
        long v = mediating.get("version").asLong();
        assertError(
                act(
                        no,
                        v,
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "record-session")
                                .put("date", "2021-03-02")
                                .put("summary", "双方到场")),
                400,
                "OUT_OF_RANGE",
                "date");
        at("2021-03-10T10:00");
        JsonNode session = act(no, "record-session", "date", "2021-03-09", "summary", "双方到场，初步沟通");
        assertEquals(
                "2021-03-09",
                session.get("details").get("sessions").get(0).get("date").asText());
        assertError(
                act(
                        no,
                        session.get("version").asLong(),
                        ADMIN,
                        null,
                        Json.object().put("action", "resolve").put("result", "maybe")),
                400,
                "INVALID_VALUE",
                "result");
        JsonNode resolved = act(no, "resolve", "result", "agreement-reached");
        assertEquals(
                "agreement-reached", resolved.get("resolution").get("outcome").asText());
        assertEquals(List.of("record-fulfilment", "close"), list(resolved.get("allowedActions")));
        ObjectNode fulfil = Json.object().put("action", "record-fulfilment").put("fulfilled", true);
        JsonNode fulfilled = json(act(no, resolved.get("version").asLong(), ADMIN, null, fulfil));
        assertTrue(fulfilled.get("resolution").get("agreementFulfilled").asBoolean());
        assertEquals(List.of("close"), list(fulfilled.get("allowedActions")));
        assertNull(app.cases().find(no).orElseThrow().rating());
    }
}

package cn.banshi.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A repeat petition is refused at registration with the repeat-petition ground and its earlier petition, which must
 * have been handled, reviewed and re-reviewed (信访工作条例); a repeated information request is answered
 * not-processed:duplicate with its earlier, answered request. Both links are checked and shown.
 */
class EarlierCaseApiTest extends ApiTestSupport {
    @BeforeEach
    void setUp() {
        setUpApp("2021-09-25T10:00");
    }

    String petition() {
        ObjectNode body = complaint().put("type", "petition").put("category", "petition-land-requisition");
        return submitOnline("complaints", body).get("trackingNo").asText();
    }

    APIGatewayV2HTTPResponse refuseAsRepeat(String no, String earlier) {
        long version = app.cases().find(no).orElseThrow().version();
        ObjectNode fields = Json.object().put("action", "reject").put("ground", "repeat-petition");
        if (earlier != null) fields.put("earlierCase", earlier);
        return act(no, version, ADMIN, null, fields);
    }

    String request() {
        return submitOnline("info-requests", infoRequest()).get("trackingNo").asText();
    }

    APIGatewayV2HTTPResponse answerDuplicate(String no, String earlier) {
        long version = app.cases().find(no).orElseThrow().version();
        ObjectNode fields = Json.object().put("action", "answer").put("outcome", "not-processed:duplicate");
        if (earlier != null) fields.put("earlierCase", earlier);
        return act(no, version, ADMIN, null, fields);
    }

    @Test
    void aRepeatPetitionIsRefusedOnlyWithAHandledReviewedAndReReviewedEarlierPetition() {
        String earlier = petition();
        String complaint =
                submitOnline("complaints", complaint()).get("trackingNo").asText();
        act(earlier, "register");
        act(earlier, "forward", "handlingBody", "镇国土所");
        act(earlier, "acknowledge");
        at("2021-10-20T10:00");
        act(earlier, "reply", "opinion", "经调查核实，征地补偿已按标准发放。");

        at("2021-10-25T10:00");
        String repeat = petition();
        assertError(refuseAsRepeat(repeat, null), 400, "REQUIRED", "earlierCase");
        assertError(refuseAsRepeat(repeat, complaint), 422, "EARLIER_CASE_INVALID", "earlierCase");
        assertError(refuseAsRepeat(repeat, repeat), 422, "EARLIER_CASE_INVALID", "earlierCase");
        // handled but not yet reviewed and re-reviewed: not a repeat petition in the regulation's sense
        assertError(refuseAsRepeat(repeat, earlier), 422, "EARLIER_CASE_INVALID", "earlierCase");

        act(earlier, "request-review");
        act(earlier, "review-reply", "opinion", "维持原处理意见。");
        at("2021-11-01T10:00");
        act(earlier, "request-review");
        assertError(refuseAsRepeat(repeat, earlier), 422, "EARLIER_CASE_INVALID", "earlierCase");
        act(earlier, "review-reply", "opinion", "复核维持。");

        JsonNode refused = json(refuseAsRepeat(repeat, earlier));
        assertEquals("rejected", refused.get("status").asText());
        assertEquals(earlier, refused.at("/links/earlierCase").asText());
        String note = refused.get("history")
                .get(refused.get("history").size() - 1)
                .get("publicNote")
                .asText();
        assertTrue(note.contains("复查、复核") && note.contains(earlier), note);

        // the ground without the reference, or the reference without the ground, is refused
        String another = petition();
        assertError(
                act(
                        another,
                        app.cases().find(another).orElseThrow().version(),
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "reject")
                                .put("reason", "其他原因")
                                .put("earlierCase", earlier)),
                400,
                "NOT_ALLOWED",
                "earlierCase");
    }

    @Test
    void aRepeatedInformationRequestIsAnsweredAsDuplicateOfAnAnsweredEarlierRequest() {
        String earlier = request();
        at("2021-09-26T10:00");
        String repeat = request();
        String other = request();
        at("2021-09-27T10:00");
        String later = request();
        assertError(answerDuplicate(repeat, null), 400, "REQUIRED", "earlierCase");
        assertError(answerDuplicate(repeat, earlier), 422, "EARLIER_CASE_INVALID", "earlierCase");
        act(earlier, "answer", "outcome", "disclosed");
        // a later request is not an earlier one
        assertError(answerDuplicate(other, later), 422, "EARLIER_CASE_INVALID", "earlierCase");

        JsonNode answered = json(answerDuplicate(repeat, earlier));
        assertEquals(
                "not-processed:duplicate", answered.at("/resolution/outcome").asText());
        assertEquals(earlier, answered.at("/links/earlierCase").asText());
        // another outcome takes no earlier request
        assertError(
                act(
                        other,
                        app.cases().find(other).orElseThrow().version(),
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "answer")
                                .put("outcome", "disclosed")
                                .put("earlierCase", earlier)),
                400,
                "NOT_ALLOWED",
                "earlierCase");
    }
}

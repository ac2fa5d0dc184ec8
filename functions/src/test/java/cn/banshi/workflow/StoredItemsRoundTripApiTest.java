package cn.banshi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.cases.CaseItems;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.json.Json;
import cn.banshi.personaldata.FieldCipher;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every state a case passes through on its way through the handlers is stored so that the typed model reads it and
 * writes back the same item: after each step the raw item (GetItem) maps item → record → item unchanged.
 */
class StoredItemsRoundTripApiTest extends ApiTestSupport {
    int checked;

    @BeforeEach
    void setUp() {
        setUpApp("2021-09-30T16:30");
    }

    void step(String no, String action, String... fieldPairs) {
        act(no, action, fieldPairs);
        assertStoredItemRoundTrips(no);
    }

    void assertStoredItemRoundTrips(String no) {
        Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(Tables.physical(Tables.CASES))
                        .key(Map.of("pk", AttributeValue.fromS(no)))
                        .consistentRead(true))
                .item();
        // personal data is sealed with a fresh IV on every write (issue 18): compare the opened (canonical) form
        assertTrue(FieldCipher.isSealed(stored.get("personal")), no);
        Map<String, AttributeValue> item =
                new HashMap<>(PersonalData.shared(dynamo).open(ProtectedAttributes.CASES, stored));
        item.remove(DynamoCaseStore.IDEMPOTENCY_REF);
        assertEquals(item, CaseItems.toItem(CaseItems.fromItem(item)), no);
        checked++;
    }

    @Test
    void informationRequestThroughCorrectionThirdPartyExtensionAndAnswer() {
        String no =
                submitOnline("info-requests", infoRequest()).get("trackingNo").asText();
        assertStoredItemRoundTrips(no);
        at("2021-10-15T10:00");
        step(no, "request-correction", "items", "请说明所需信息的具体年份和项目名称");
        at("2021-10-20T09:00");
        step(no, "receive-correction");
        at("2021-10-22T09:00");
        step(no, "consult-third-party", "thirdParty", "某建设公司");
        at("2021-10-27T09:00");
        step(no, "third-party-replied");
        step(no, "extend", "reason", "需要调取档案");
        step(no, "answer", "outcome", "partially-disclosed", "reply", "部分公开，其余涉及商业秘密");
        assertEquals(7, checked);
    }

    @Test
    void informationRequestPausedThenWithdrawn() {
        String no =
                submitOnline("info-requests", infoRequest()).get("trackingNo").asText();
        at("2021-10-11T10:00");
        step(no, "consult-third-party", "thirdParty", "某建设公司");
        step(no, "withdraw", "reason", "不再需要");
    }

    @Test
    void petitionThroughExtensionReviewAndReReview() {
        ObjectNode body = complaint().put("type", "petition").put("category", "petition-land-requisition");
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        assertStoredItemRoundTrips(no);
        step(no, "register");
        at("2021-10-08T10:00");
        step(no, "forward", "handlingBody", "镇国土所");
        at("2021-10-09T10:00");
        step(no, "acknowledge");
        ObjectNode extend =
                Json.object().put("action", "extend").put("days", 30).put("reason", "涉及多个部门，情况复杂");
        assertEquals(
                200,
                act(no, app.cases().find(no).orElseThrow().version(), ADMIN, null, extend)
                        .getStatusCode());
        assertStoredItemRoundTrips(no);
        at("2021-12-20T10:00");
        step(no, "reply", "opinion", "经调查核实，征地补偿已按标准发放。");
        at("2022-01-10T10:00");
        step(no, "request-review", "receivedOn", "2022-01-10");
        at("2022-02-01T10:00");
        step(no, "review-reply", "opinion", "维持原处理意见。");
        at("2022-02-20T10:00");
        step(no, "request-review");
        step(no, "review-reply", "opinion", "复核维持。");
    }

    @Test
    void disputeWithPartiesSessionsAndFulfilment() {
        ObjectNode body = complaint().put("type", "dispute").put("category", "dispute-neighbour");
        body.putArray("parties")
                .addObject()
                .put("name", "赵四")
                .put("phone", "13800001111")
                .put("role", "邻居");
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        step(no, "accept");
        step(no, "assign-mediator", "mediator", "高塍村人民调解委员会 周调解员");
        at("2021-10-10T10:00");
        step(no, "record-session", "date", "2021-10-09", "summary", "双方到场，初步沟通");
        step(no, "record-session", "summary", "再次调解");
        step(no, "resolve", "result", "agreement-reached", "summary", "达成赔偿协议");
        ObjectNode fulfil = Json.object().put("action", "record-fulfilment").put("fulfilled", true);
        assertEquals(
                200,
                act(no, app.cases().find(no).orElseThrow().version(), ADMIN, null, fulfil)
                        .getStatusCode());
        assertStoredItemRoundTrips(no);
        step(no, "close");
    }

    @Test
    void anonymousComplaintWithCoordinatesThroughTheClosedLoop() {
        ObjectNode body = complaint();
        body.putObject("submitter").put("anonymous", true);
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        assertStoredItemRoundTrips(no);
        step(no, "accept");
        step(no, "assign", "department", "镇城管办");
        step(no, "assign", "village", "meijiadu");
        step(no, "reply", "reply", "已清理河道垃圾");
        step(no, "resolve");
        step(no, "close", "followUp", "群众表示满意");
        assertTrue(checked >= 7);
    }
}

package cn.banshi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseAction;
import cn.banshi.intake.StaffIntakeHandler;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Information requests on China's 2021 calendar (days off 1–7 Oct, Sat 9 Oct a make-up working day;
 * Spring Festival 11–17 Feb with Sat 20 Feb worked). Every expected date is counted by hand in a comment.
 */
class InfoRequestWorkflowApiTest extends ApiTestSupport {
    String trackingNo;

    @BeforeEach
    void setUp() {
        setUpApp("2021-09-30T16:30");
        trackingNo =
                submitOnline("info-requests", infoRequest()).get("trackingNo").asText();
    }

    String due() {
        var c = app.cases().find(trackingNo).orElseThrow();
        return c.dueDate() == null ? null : c.dueDate().toString();
    }

    @Test
    void correctionRestartsThirdPartyPausesExtensionAddsTwentyDays() {
        // 20 working days after 30 Sep: 8 Oct(1) 9 Oct(2) 11–15(7) 18–22(12) 25–29(17) 1 Nov(18) 2(19) 3(20)
        assertEquals("2021-11-03", due());
        // the correction notice is due within 7 working days: 8, 9, 11, 12, 13, 14, 15 Oct → 15 Oct is the last day
        at("2021-10-15T10:00");
        JsonNode waiting = act(trackingNo, "request-correction", "items", "请说明所需信息的具体年份和项目名称");
        assertEquals("awaiting-correction", waiting.get("status").asText());
        assertTrue(waiting.get("dueDate").isNull(), "the clock stops while waiting");
        // default time to correct: 15 working days from 15 Oct: 18–22(5) 25–29(10) 1–5 Nov(15)
        assertEquals("2021-11-05", waiting.get("details").get("correctBy").asText());
        assertFalse(list(waiting.get("allowedActions")).contains("answer"), "not yet: the applicant still has time");

        at("2021-10-20T09:00");
        JsonNode corrected = act(trackingNo, "receive-correction");
        // afresh from 20 Oct: 21(1) 22(2) 25–29(7) 1–5 Nov(12) 8–12(17) 15(18) 16(19) 17(20)
        assertEquals("2021-11-17", corrected.get("dueDate").asText());
        assertEquals("in-progress", corrected.get("status").asText());
        assertFalse(list(corrected.get("allowedActions")).contains("request-correction"), "correction only once");

        at("2021-10-25T09:00");
        JsonNode consulting = act(trackingNo, "consult-third-party", "thirdParty", "宜兴市某某建设有限公司");
        assertTrue(consulting.get("dueDate").isNull());
        // used before the pause: 21, 22, 25 Oct = 3 working days
        assertEquals(3, consulting.get("details").get("clock").get("used").asInt());

        at("2021-11-08T09:00");
        JsonNode resumed = act(trackingNo, "third-party-replied");
        // 17 remaining from 8 Nov: 9–12(4) 15–19(9) 22–26(14) 29(15) 30(16) 1 Dec(17)
        assertEquals("2021-12-01", resumed.get("dueDate").asText());

        JsonNode extended = act(trackingNo, "extend", "reason", "需要调取多个部门档案");
        // 20 more: 2(18) 3(19) 6–10(24) 13–17(29) 20–24(34) 27(35) 28(36) 29(37) Dec
        assertEquals("2021-12-29", extended.get("dueDate").asText());
        assertFalse(list(extended.get("allowedActions")).contains("extend"), "one extension only");
        var again = act(
                trackingNo,
                extended.get("version").asLong(),
                ADMIN,
                null,
                Json.object().put("action", "extend").put("reason", "再次延期"));
        assertError(again, 422, "ACTION_NOT_ALLOWED", "action");

        at("2021-12-20T15:00");
        JsonNode answered = act(trackingNo, "answer", "outcome", "partially-disclosed", "repliedOn", "2021-12-20");
        assertEquals("answered", answered.get("status").asText());
        assertEquals(
                "partially-disclosed", answered.get("resolution").get("outcome").asText());
        assertTrue(answered.get("resolution").get("onTime").asBoolean());
        assertEquals("2021-12-20", answered.get("resolution").get("on").asText());
    }

    @Test
    void correctionCannotBeRequestedAfterSevenWorkingDays() {
        at("2021-10-18T09:00"); // the 8th working day after receipt
        var response = act(
                trackingNo,
                1,
                ADMIN,
                null,
                Json.object().put("action", "request-correction").put("items", "请补充"));
        assertError(response, 422, "ACTION_NOT_ALLOWED", "action");
    }

    @Test
    void uncorrectedRequestClosesOnlyAsNoCorrectionAndOnlyAfterTheDeadline() {
        at("2021-10-08T09:00");
        JsonNode waiting = act(trackingNo, "request-correction", "items", "请明确申请内容", "correctBy", "2021-10-22");
        at("2021-10-22T18:00");
        assertFalse(app.staffCases()
                .detail(staffAdmin(), trackingNo)
                .allowedActions()
                .contains(CaseAction.ANSWER));
        at("2021-10-25T09:00");
        long v = waiting.get("version").asLong();
        assertError(
                act(
                        trackingNo,
                        v,
                        ADMIN,
                        null,
                        Json.object().put("action", "answer").put("outcome", "disclosed")),
                400,
                "NOT_ALLOWED",
                "outcome");
        JsonNode closed = act(trackingNo, "answer", "outcome", "other:no-correction");
        assertEquals(
                "other:no-correction", closed.get("resolution").get("outcome").asText());
    }

    @Test
    void answerValidatesOutcomeAndDate() {
        assertError(
                act(
                        trackingNo,
                        1,
                        ADMIN,
                        null,
                        Json.object().put("action", "answer").put("outcome", "maybe")),
                400,
                "INVALID_VALUE",
                "outcome");
        assertError(
                act(
                        trackingNo,
                        1,
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "answer")
                                .put("outcome", "disclosed")
                                .put("repliedOn", "2021-10-30")),
                400,
                "OUT_OF_RANGE",
                "repliedOn");
        assertError(
                act(
                        trackingNo,
                        1,
                        ADMIN,
                        null,
                        Json.object().put("action", "answer").put("outcome", "other:no-correction")),
                400,
                "NOT_ALLOWED",
                "outcome");
        assertError(
                act(
                        trackingNo,
                        1,
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "answer")
                                .put("outcome", "disclosed")
                                .put("repliedOn", "30/09/2021")),
                400,
                "INVALID_FORMAT",
                "repliedOn");
    }

    @Test
    void withdrawalCountsAsOtherOther() {
        JsonNode withdrawn = act(trackingNo, "withdraw", "reason", "申请人电话告知不再需要");
        assertEquals("withdrawn", withdrawn.get("status").asText());
        assertEquals("other:other", withdrawn.get("resolution").get("outcome").asText());
    }

    APIGatewayV2HTTPResponse enter(String receivedOn, String channel, String role) {
        ObjectNode body = infoRequest().put("receivedOn", receivedOn).put("channel", channel);
        return call(
                new StaffIntakeHandler(app),
                as(
                        Events.post(
                                "/api/v1/admin/towns/{town}/info-requests",
                                "/api/v1/admin/towns/gaocheng/info-requests",
                                Json.write(body)),
                        role,
                        role.equals(VILLAGE) ? "meijiadu" : null));
    }

    @Test
    void staffEnteredRequestsCountFromTheRealDateOfReceipt() {
        at("2021-10-12T09:00");
        APIGatewayV2HTTPResponse posted = enter("2021-09-18", "post", ADMIN);
        assertEquals(201, posted.getStatusCode(), posted.getBody());
        // received on the make-up Saturday 18 Sep: 22(1) 23(2) 24(3) Sun 26(4) 27–30(8) 8 Oct(9) Sat 9(10) 11–15(15)
        // 18–22(20)
        assertEquals("2021-10-22", json(posted).get("dueDate").asText());
        var stored = app.cases().find(json(posted).get("trackingNo").asText()).orElseThrow();
        assertEquals("post", stored.channel());
        assertEquals("2021-09-18", stored.receivedOn().toString());

        APIGatewayV2HTTPResponse festival = enter("2021-02-10", "in-person", ADMIN);
        // 18 Feb(1) 19(2) Sat 20(3) 22–26(8) 1–5 Mar(13) 8–12(18) 15(19) 16(20)
        assertEquals("2021-03-16", json(festival).get("dueDate").asText());

        APIGatewayV2HTTPResponse onHoliday = enter("2021-10-03", "post", ADMIN);
        // received on a day off: 8(1) 9(2) 11–15(7) 18–22(12) 25–29(17) 1–3 Nov(20)
        assertEquals("2021-11-03", json(onHoliday).get("dueDate").asText());

        assertError(enter("2021-10-13", "post", ADMIN), 400, "OUT_OF_RANGE", "receivedOn");
        assertError(enter("2021-10-01", "carrier-pigeon", ADMIN), 400, "INVALID_VALUE", "channel");
        assertError(enter("2021-10-01", "post", AUDITOR), 403, "FORBIDDEN", "role");
    }

    @Test
    void staffIntakeForAnotherTownIs404() {
        ObjectNode body = infoRequest().put("receivedOn", "2021-09-29").put("channel", "post");
        var response = call(
                new StaffIntakeHandler(app),
                Events.post(
                                "/api/v1/admin/towns/{town}/info-requests",
                                "/api/v1/admin/towns/dingshu/info-requests",
                                Json.write(body))
                        .claims("x", "gaocheng", ADMIN, null));
        assertError(response, 404, "UNKNOWN_TOWN", "town");
    }

    static Staff staffAdmin() {
        return new Staff("town-admin@gaocheng", "gaocheng", Role.TOWN_ADMIN, null);
    }
}

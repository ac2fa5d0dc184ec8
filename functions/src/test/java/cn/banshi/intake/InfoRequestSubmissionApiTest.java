package cn.banshi.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/towns/{town}/info-requests: the statutory application form. */
class InfoRequestSubmissionApiTest extends ApiTestSupport {
    static final String ROUTE = "/api/v1/towns/{town}/info-requests";
    SubmissionHandler handler;

    @BeforeEach
    void setUp() {
        // the day before the National Day holiday: 1–7 Oct off, Sat 9 Oct a make-up working day
        setUpApp("2021-09-30T16:30");
        handler = new SubmissionHandler(app);
    }

    APIGatewayV2HTTPResponse submit(JsonNode body) {
        return call(handler, Events.post(ROUTE, "/api/v1/towns/gaocheng/info-requests", Json.write(body)));
    }

    @Test
    void naturalPersonRequestIsDueIn20WorkingDays() {
        APIGatewayV2HTTPResponse response = submit(infoRequest());
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        // Working days after 30 Sep 2021: 8 Oct (1), Sat 9 Oct (2), 11–15 Oct (3–7), 18–22 (8–12),
        // 25–29 (13–17), 1 Nov (18), 2 Nov (19), 3 Nov (20).
        assertEquals("2021-11-03", body.get("dueDate").asText());
        assertEquals("info-request", body.get("type").asText());
        var stored = app.cases().find(body.get("trackingNo").asText()).orElseThrow();
        assertEquals("natural-person", stored.details(InfoRequestDetails.class).applicantKind());
        assertEquals("email", stored.details(InfoRequestDetails.class).delivery());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "commercial-enterprise",
                "research-institution",
                "public-interest-org",
                "legal-service-org",
                "other-org"
            })
    void organisationsApplyWithCreditCode(String kind) {
        ObjectNode body = infoRequest();
        ObjectNode applicant = body.putObject("applicant");
        applicant
                .put("kind", kind)
                .put("organization", "宜兴市某某环保科技有限公司")
                .put("creditCode", creditCode("91320282MA1XXXXX0"))
                .put("name", "张经理")
                .put("phone", "13700002222")
                .put("email", "office@example.com");
        APIGatewayV2HTTPResponse response = submit(body);
        assertEquals(201, response.getStatusCode(), response.getBody());
    }

    @Test
    void lowercaseXInIdNumberIsAccepted() {
        ObjectNode body = infoRequest();
        String id = null;
        for (int seq = 100; seq < 999 && id == null; seq++) {
            String candidate = residentId("19900215", String.valueOf(seq));
            if (candidate.endsWith("X")) id = candidate;
        }
        ((ObjectNode) body.get("applicant")).put("idNumber", id.toLowerCase());
        assertEquals(201, submit(body).getStatusCode());
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                bad("REQUIRED", "applicant", b -> b.remove("applicant")),
                bad("REQUIRED", "applicant.kind", b -> applicant(b).remove("kind")),
                bad("INVALID_VALUE", "applicant.kind", b -> applicant(b).put("kind", "government")),
                bad("REQUIRED", "applicant.name", b -> applicant(b).remove("name")),
                bad("REQUIRED", "applicant.idType", b -> applicant(b).remove("idType")),
                bad("REQUIRED", "applicant.idNumber", b -> applicant(b).remove("idNumber")),
                bad("INVALID_ID_NUMBER", "applicant.idNumber", b -> {
                    String id = applicant(b).get("idNumber").asText();
                    char wrong = id.charAt(17) == '0' ? '1' : '0';
                    applicant(b).put("idNumber", id.substring(0, 17) + wrong);
                }),
                bad(
                        "INVALID_ID_NUMBER",
                        "applicant.idNumber",
                        b -> applicant(b).put("idNumber", residentId("19810230", "123"))),
                bad("INVALID_ID_NUMBER", "applicant.idNumber", b -> applicant(b).put("idNumber", "32028219800101123")),
                bad(
                        "INVALID_FORMAT",
                        "applicant.idNumber",
                        b -> applicant(b).put("idType", "passport").put("idNumber", "E1234<567>")),
                bad("UNKNOWN_FIELD", "applicant.organization", b -> applicant(b).put("organization", "某公司")),
                bad("REQUIRED", "applicant.phone", b -> applicant(b).remove("phone")),
                bad("INVALID_PHONE", "applicant.phone", b -> applicant(b).put("phone", "400-800-1234")),
                bad("INVALID_EMAIL", "applicant.email", b -> applicant(b).put("email", "lihua@")),
                bad("REQUIRED", "applicant.email", b -> applicant(b).remove("email")),
                bad("REQUIRED", "applicant.address", b -> {
                    b.put("delivery", "post");
                    applicant(b).remove("address");
                }),
                bad("REQUIRED", "applicant.creditCode", b -> organisation(b).remove("creditCode")),
                bad("REQUIRED", "applicant.organization", b -> organisation(b).remove("organization")),
                bad("INVALID_CREDIT_CODE", "applicant.creditCode", b -> {
                    String code = organisation(b).get("creditCode").asText();
                    char wrong = code.charAt(17) == '0' ? '1' : '0';
                    organisation(b).put("creditCode", code.substring(0, 17) + wrong);
                }),
                bad("TOO_SHORT", "applicant.creditCode", b -> organisation(b).put("creditCode", "9132028")),
                bad("UNKNOWN_FIELD", "applicant.idNumber", b -> organisation(b).put("idNumber", "123")),
                bad("REQUIRED", "description", b -> b.remove("description")),
                bad("TOO_LONG", "description", b -> b.put("description", "信".repeat(5001))),
                bad("REQUIRED", "form", b -> b.remove("form")),
                bad("INVALID_VALUE", "form", b -> b.put("form", "fax")),
                bad("REQUIRED", "delivery", b -> b.remove("delivery")),
                bad("INVALID_VALUE", "delivery", b -> b.put("delivery", "wechat")),
                bad("UNKNOWN_FIELD", "receivedOn", b -> b.put("receivedOn", "2021-01-01")));
    }

    static ObjectNode applicant(ObjectNode body) {
        return (ObjectNode) body.get("applicant");
    }

    static ObjectNode organisation(ObjectNode body) {
        ObjectNode a = body.putObject("applicant");
        a.put("kind", "commercial-enterprise")
                .put("organization", "宜兴市某某环保科技有限公司")
                .put("creditCode", creditCode("91320282MA1XXXXX0"))
                .put("phone", "13700002222")
                .put("email", "office@example.com");
        return a;
    }

    static Arguments bad(String code, String field, Consumer<ObjectNode> change) {
        return Arguments.of(code, field, change);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("invalidBodies")
    void invalidRequestIsRefusedAndNothingStored(String code, String field, Consumer<ObjectNode> change) {
        ObjectNode body = infoRequest();
        change.accept(body);
        assertError(submit(body), 400, code, field);
        assertEquals(0, caseCount());
    }
}

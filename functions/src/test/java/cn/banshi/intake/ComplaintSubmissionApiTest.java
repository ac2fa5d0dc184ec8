package cn.banshi.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.WorkingDayCalendar;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.TimeLimit;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/towns/{town}/complaints through the real handler, event JSON and dynalite. */
class ComplaintSubmissionApiTest extends ApiTestSupport {
    static final String ROUTE = "/api/v1/towns/{town}/complaints";
    SubmissionHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2021-09-30T10:00");
        handler = new SubmissionHandler(app);
    }

    APIGatewayV2HTTPResponse submit(JsonNode body) {
        return call(handler, Events.post(ROUTE, "/api/v1/towns/gaocheng/complaints", Json.write(body)));
    }

    @Test
    void validComplaintIsStoredAndAnswered201WithReceipt() {
        APIGatewayV2HTTPResponse response = submit(complaint());
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        String trackingNo = body.get("trackingNo").asText();
        assertTrue(trackingNo.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), trackingNo);
        assertTrue(body.get("accessCode").asText().matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}"));
        assertEquals("submitted", body.get("status").asText());
        assertEquals("2021-09-30T10:00:00+08:00", body.get("receivedAt").asText());
        TimeLimit limit = Catalogs.bundled()
                .town("gaocheng")
                .orElseThrow()
                .limitFor("environment", CaseType.COMPLAINT)
                .orElseThrow();
        Deadlines deadlines = new Deadlines(WorkingDayCalendar.bundled());
        LocalDate expected = limit.unit() == TimeLimit.Unit.WORKING
                ? deadlines.addWorkingDays(LocalDate.of(2021, 9, 30), limit.days())
                : LocalDate.of(2021, 9, 30).plusDays(limit.days());
        assertEquals(expected.toString(), body.get("dueDate").asText());
        assertEquals("/api/v1/track/" + trackingNo, response.getHeaders().get("location"));
        assertEquals(1, caseCount());
        var stored = app.cases().find(trackingNo).orElseThrow();
        assertEquals("gaocheng", stored.town());
        assertEquals("meijiadu", stored.village());
        assertEquals("13912345678", stored.personal().submitter().phone());
        assertTrue(!stored.accessHash().contains(body.get("accessCode").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint", "help", "enquiry", "suggestion", "dispute", "petition"})
    void everyTypeIsAccepted(String type) {
        CaseType caseType = CaseType.fromCode(type);
        String category = Catalogs.bundled()
                .town("gaocheng")
                .orElseThrow()
                .categoriesFor(caseType)
                .get(0)
                .id();
        ObjectNode body = complaint().put("type", type).put("category", category);
        if (type.equals("dispute")) {
            body.putArray("parties")
                    .addObject()
                    .put("name", "赵四")
                    .put("phone", "13800001111")
                    .put("role", "邻居");
        }
        APIGatewayV2HTTPResponse response = submit(body);
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(type, json(response).get("type").asText());
    }

    @Test
    void anonymousComplaintNeedsNoNameOrPhone() {
        ObjectNode body = complaint();
        body.putObject("submitter").put("anonymous", true);
        assertEquals(201, submit(body).getStatusCode());
    }

    @Test
    void landlineIsAccepted() {
        ObjectNode body = complaint();
        ((ObjectNode) body.get("submitter")).put("phone", "0510 87123456");
        assertEquals(201, submit(body).getStatusCode());
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                bad("REQUIRED", "type", b -> b.remove("type")),
                bad("INVALID_VALUE", "type", b -> b.put("type", "praise")),
                bad("WRONG_TYPE", "type", b -> b.put("type", 3)),
                bad("REQUIRED", "category", b -> b.remove("category")),
                bad("UNKNOWN_CATEGORY", "category", b -> b.put("category", "no-such-category")),
                bad("UNKNOWN_VILLAGE", "village", b -> b.put("village", "atlantis")),
                bad("REQUIRED", "title", b -> b.remove("title")),
                bad("REQUIRED", "title", b -> b.put("title", "   ")),
                bad("TOO_SHORT", "title", b -> b.put("title", "垃")),
                bad("TOO_LONG", "title", b -> b.put("title", "很".repeat(101))),
                bad("WRONG_TYPE", "title", b -> b.put("title", 12)),
                bad("INVALID_FORMAT", "title", b -> b.put("title", "河道\u0000垃圾")),
                bad("REQUIRED", "description", b -> b.remove("description")),
                bad("TOO_SHORT", "description", b -> b.put("description", "太脏")),
                bad("TOO_LONG", "description", b -> b.put("description", "脏".repeat(5001))),
                bad("UNKNOWN_FIELD", "priority", b -> b.put("priority", "high")),
                bad("WRONG_TYPE", "location", b -> b.put("location", "东河桥")),
                bad("OUT_OF_RANGE", "location.lat", b -> ((ObjectNode) b.get("location")).put("lat", 91)),
                bad("REQUIRED", "location.lng", b -> ((ObjectNode) b.get("location")).remove("lng")),
                bad("UNKNOWN_FIELD", "location.floor", b -> ((ObjectNode) b.get("location")).put("floor", 2)),
                bad("REQUIRED", "submitter", b -> b.remove("submitter")),
                bad("REQUIRED", "submitter.name", b -> ((ObjectNode) b.get("submitter")).remove("name")),
                bad("REQUIRED", "submitter.phone", b -> ((ObjectNode) b.get("submitter")).remove("phone")),
                bad(
                        "INVALID_PHONE",
                        "submitter.phone",
                        b -> ((ObjectNode) b.get("submitter")).put("phone", "1391234567")),
                bad(
                        "INVALID_PHONE",
                        "submitter.phone",
                        b -> ((ObjectNode) b.get("submitter")).put("phone", "23912345678")),
                bad(
                        "WRONG_TYPE",
                        "submitter.anonymous",
                        b -> ((ObjectNode) b.get("submitter")).put("anonymous", "yes")),
                bad(
                        "NOT_ALLOWED",
                        "parties",
                        b -> b.putArray("parties").addObject().put("name", "赵四")),
                bad("NOT_ALLOWED", "submitter.anonymous", b -> {
                    b.put("type", "petition").put("category", firstCategory(CaseType.PETITION));
                    ((ObjectNode) b.get("submitter")).put("anonymous", true);
                }),
                bad(
                        "REQUIRED",
                        "parties",
                        b -> b.put("type", "dispute").put("category", firstCategory(CaseType.DISPUTE))),
                bad("REQUIRED", "parties[0].name", b -> {
                    b.put("type", "dispute").put("category", firstCategory(CaseType.DISPUTE));
                    b.putArray("parties").addObject().put("phone", "13800001111");
                }),
                bad("INVALID_PHONE", "parties[0].phone", b -> {
                    b.put("type", "dispute").put("category", firstCategory(CaseType.DISPUTE));
                    b.putArray("parties").addObject().put("name", "赵四").put("phone", "12345");
                }));
    }

    static String firstCategory(CaseType type) {
        return Catalogs.bundled()
                .town("gaocheng")
                .orElseThrow()
                .categoriesFor(type)
                .get(0)
                .id();
    }

    static Arguments bad(String code, String field, Consumer<ObjectNode> change) {
        return Arguments.of(code, field, change);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("invalidBodies")
    void invalidBodyIsRefusedWithCodeAndFieldAndNothingIsStored(
            String code, String field, Consumer<ObjectNode> change) {
        ObjectNode body = complaint();
        change.accept(body);
        APIGatewayV2HTTPResponse response = submit(body);
        assertError(response, 400, code, field);
        assertEquals(0, caseCount());
    }

    @Test
    void unknownTownIs404() {
        APIGatewayV2HTTPResponse response =
                call(handler, Events.post(ROUTE, "/api/v1/towns/nowhere/complaints", Json.write(complaint())));
        assertError(response, 404, "UNKNOWN_TOWN", "town");
    }

    @Test
    void bodyOver64KiBIs413() {
        ObjectNode body = complaint().put("description", "x".repeat(70_000));
        assertError(submit(body), 413, "BODY_TOO_LARGE", "body");
        assertEquals(0, caseCount());
    }

    @Test
    void invalidUtf8Is400() {
        byte[] bytes = Json.write(complaint()).getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(bytes, bytes.length);
        int at = Json.write(complaint()).indexOf("河");
        int byteAt = Json.write(complaint()).substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        broken[byteAt] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        broken[byteAt + 1] = (byte) 0x28;
        var response = call(
                handler,
                Events.request("POST", ROUTE, "/api/v1/towns/gaocheng/complaints")
                        .binaryBody(broken)
                        .header("content-type", "application/json"));
        assertError(response, 400, "INVALID_ENCODING", "body");
        assertEquals(0, caseCount());
    }

    @Test
    void gbkCharsetIsRefused() {
        var response = call(
                handler,
                Events.post(ROUTE, "/api/v1/towns/gaocheng/complaints", Json.write(complaint()))
                        .header("content-type", "application/json; charset=gbk"));
        assertError(response, 400, "INVALID_ENCODING", "body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"type\":\"complaint\"} trailing", "{\"a\":1,\"a\":2}"})
    void malformedJsonIs400(String text) {
        assertError(
                call(handler, Events.post(ROUTE, "/api/v1/towns/gaocheng/complaints", text)),
                400,
                "INVALID_JSON",
                "body");
    }

    @Test
    void deeplyNestedJsonIs400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertError(
                call(handler, Events.post(ROUTE, "/api/v1/towns/gaocheng/complaints", deep)),
                400,
                "INVALID_JSON",
                "body");
    }

    @Test
    void arrayBodyIs400() {
        assertError(
                call(handler, Events.post(ROUTE, "/api/v1/towns/gaocheng/complaints", "[]")),
                400,
                "WRONG_TYPE",
                "body");
    }

    @Test
    void emptyBodyIs400() {
        assertError(
                call(handler, Events.post(ROUTE, "/api/v1/towns/gaocheng/complaints", "")), 400, "REQUIRED", "body");
    }

    @Test
    void wrongContentTypeIs415() {
        var response = call(
                handler,
                Events.post(ROUTE, "/api/v1/towns/gaocheng/complaints", Json.write(complaint()))
                        .header("content-type", "text/plain"));
        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE", "content-type");
        assertEquals(0, caseCount());
    }
}

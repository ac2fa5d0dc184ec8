package cn.banshi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.staff.StaffCasesHandler;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import cn.banshi.testkit.contract.ApiContract;
import cn.banshi.validation.ChineseIds;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Shared set-up for handler tests: fresh tables on dynalite, a settable clock, request helpers. */
public abstract class ApiTestSupport {
    protected DynamoDbClient dynamo;
    protected MutableClock clock;
    protected AppContext app;

    /** Every case item the test wrote survives item → record → item unchanged. */
    @AfterEach
    void storedCaseItemsRoundTrip() {
        if (dynamo != null) StoredCaseItems.assertRoundTrip(dynamo);
    }

    protected void setUpApp(String beijingNow) {
        dynamo = LocalDynamo.freshTables();
        clock = MutableClock.at(beijingNow);
        app = new AppContext(dynamo, clock);
    }

    /** Sets the clock to a Beijing wall-clock time, e.g. at("2021-09-30T10:00"). */
    protected void at(String beijing) {
        clock.set(LocalDateTime.parse(beijing).atZone(ChinaTime.ZONE).toInstant());
    }

    /**
     * Invokes the handler as Lambda does, through the stream entry with the event's bytes (so every API test also
     * reads the event and writes the answer with {@link HttpApiJson}); the request and the answer are checked against
     * infra/openapi.yaml.
     */
    public static APIGatewayV2HTTPResponse call(ApiHandler handler, Events event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.json().getBytes(StandardCharsets.UTF_8)), out, null);
            APIGatewayV2HTTPResponse response = HttpApiJson.readResponse(new ByteArrayInputStream(out.toByteArray()));
            ApiContract.check(EventExchanges.of(event, response));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** A JSON array's items as text (allowed actions, links, …). */
    public static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String field) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertNotNull(error, response.getBody());
        assertEquals(code, error.get("code").asText(), response.getBody());
        assertEquals(
                field, error.get("field").isNull() ? null : error.get("field").asText(), response.getBody());
        assertTrue(
                error.get("message")
                        .asText()
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "Chinese message: " + response.getBody());
        assertTrue(error.get("messageEn").asText().matches(".*[A-Za-z].*"));
        assertTrue(response.getHeaders().get("content-type").startsWith("application/json"));
    }

    public static final String ADMIN = "town-admin";
    public static final String VILLAGE = "village-staff";
    public static final String AUDITOR = "auditor";

    /** Claims of a gaocheng staff member; village staff of {@code village}. */
    public static Events as(Events event, String role, String village) {
        return event.claims(role + (village == null ? "" : "." + village) + "@gaocheng", "gaocheng", role, village);
    }

    /** A citizen's online submission through the public handler; returns the receipt. */
    protected JsonNode submitOnline(String kind, ObjectNode body) {
        return submitOnline("gaocheng", kind, body);
    }

    /** As above, to another town. */
    protected JsonNode submitOnline(String town, String kind, ObjectNode body) {
        var response = call(
                new SubmissionHandler(app),
                Events.post("/api/v1/towns/{town}/" + kind, "/api/v1/towns/" + town + "/" + kind, Json.write(body)));
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response);
    }

    protected APIGatewayV2HTTPResponse act(
            String trackingNo, long version, String role, String village, ObjectNode fields) {
        fields.put("expectedVersion", version);
        return call(
                new StaffCasesHandler(app),
                as(
                        Events.post(
                                "/api/v1/admin/cases/{trackingNo}/actions",
                                "/api/v1/admin/cases/" + trackingNo + "/actions",
                                Json.write(fields)),
                        role,
                        village));
    }

    /** Acts as town admin with the current version and expects 200; returns the new view. */
    protected JsonNode act(String trackingNo, String action, String... fieldPairs) {
        ObjectNode fields = Json.object().put("action", action);
        for (int i = 0; i < fieldPairs.length; i += 2) fields.put(fieldPairs[i], fieldPairs[i + 1]);
        long version = app.cases().find(trackingNo).orElseThrow().version();
        var response = act(trackingNo, version, ADMIN, null, fields);
        assertEquals(200, response.getStatusCode(), action + ": " + response.getBody());
        return json(response);
    }

    protected APIGatewayV2HTTPResponse staffGet(
            String routePath, String path, String role, String village, Map<String, String> query) {
        Events event = as(Events.get(routePath, path), role, village);
        if (query != null && !query.isEmpty()) event.query(query);
        return call(new StaffCasesHandler(app), event);
    }

    protected int caseCount() {
        int count = 0;
        for (var page : dynamo.scanPaginator(
                b -> b.tableName(Tables.physical(Tables.CASES)).select("COUNT"))) count += page.count();
        return count;
    }

    /** A valid resident ID number: region 320282 (Yixing), birth date, sequence, computed check char. */
    public static String residentId(String birthDate, String sequence) {
        String first17 = "320282" + birthDate + sequence;
        return first17 + ChineseIds.residentIdCheckChar(first17);
    }

    public static String creditCode(String first17) {
        return first17 + ChineseIds.creditCodeCheckChar(first17);
    }

    public static ObjectNode complaint() {
        ObjectNode body = Json.object();
        body.put("type", "complaint");
        body.put("category", "environment");
        body.put("village", "meijiadu");
        body.put("title", "河道有垃圾");
        body.put("description", "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。");
        body.putObject("location").put("address", "梅家渎村东河桥边").put("lat", 31.45).put("lng", 119.9);
        body.putObject("submitter")
                .put("name", "王小明")
                .put("phone", "13912345678")
                .put("anonymous", false);
        return body;
    }

    public static ObjectNode infoRequest() {
        ObjectNode body = Json.object();
        ObjectNode applicant = body.putObject("applicant");
        applicant.put("kind", "natural-person");
        applicant.put("name", "李华");
        applicant.put("idType", "resident-id");
        applicant.put("idNumber", residentId("19800101", "123"));
        applicant.put("phone", "0510-87654321");
        applicant.put("email", "lihua@example.com");
        applicant.put("address", "高塍镇高塍村1号");
        body.put("description", "请公开2021年高塍镇农村人居环境整治项目的预算和决算信息。");
        body.put("form", "electronic");
        body.put("delivery", "email");
        return body;
    }
}

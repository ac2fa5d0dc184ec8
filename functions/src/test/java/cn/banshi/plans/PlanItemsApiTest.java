package cn.banshi.plans;

import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static cn.banshi.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanItemsApiTest extends ApiTestSupport {
    static final String COLLECTION = "/api/v1/admin/plan-items";
    static final String ITEM = "/api/v1/admin/plan-items/{id}";
    private PlanItemsHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2021-12-10T09:00");
        handler = new PlanItemsHandler(app);
    }

    private static Events admin(Events e) {
        return e.claims("admin-1", "gaocheng", "town-admin", null);
    }

    private APIGatewayV2HTTPResponse create(String body) {
        return call(handler, admin(Events.post(COLLECTION, COLLECTION, body)));
    }

    @Test
    @DisplayName("given next year's arrangements, when listing, the default is next year, in entry order, "
            + "and the status starts not started")
    void listDefaultsToNextYear() {
        APIGatewayV2HTTPResponse r = create("""
                {"title":"进一步加强法治阵地建设","description":"拟在红星社区建一室内普法宣传阵地。",
                 "owner":"司法所","place":"红星社区","targetDate":"2022-10-31"}""");
        assertEquals(201, r.getStatusCode(), r.getBody());
        assertEquals("not-started", json(r).get("status").asText());
        assertEquals(2022, json(r).get("year").asInt());
        assertEquals("staff", json(r).get("source").asText());
        clock.advance(Duration.ofMinutes(1));
        create("{\"title\":\"强化领导干部依法行政水平\",\"owner\":\"党政办\",\"targetDate\":\"2022-06-30\"}");
        create("{\"title\":\"今年的事\",\"owner\":\"党政办\",\"targetDate\":\"2021-12-31\"}");

        JsonNode next = json(call(handler, admin(Events.get(COLLECTION, COLLECTION))));
        assertEquals(2022, next.get("year").asInt());
        assertEquals(2, next.get("items").size());
        assertEquals("2022-10-31", next.get("items").get(0).get("targetDate").asText(), "in the order entered");
        assertEquals("2022-06-30", next.get("items").get(1).get("targetDate").asText());
        JsonNode thisYear = json(call(
                handler,
                Events.get(COLLECTION, COLLECTION)
                        .query(Map.of("year", "2021"))
                        .claims("a", "gaocheng", "auditor", null)));
        assertEquals(1, thisYear.get("items").size());
    }

    @Test
    void givenAPlanItemWhenStaffRecordItsStatusThenItIsKeptAndBadStatusesAreRefused() {
        String id = json(create("{\"title\":\"推广办塍事小程序\",\"owner\":\"综治办\",\"targetDate\":\"2022-12-31\"}"))
                .get("id")
                .asText();
        APIGatewayV2HTTPResponse done =
                call(handler, admin(Events.put(ITEM, COLLECTION + "/" + id, "{\"status\":\"done\"}")));
        assertEquals(200, done.getStatusCode(), done.getBody());
        assertEquals("done", json(done).get("status").asText());
        assertEquals("已完成", json(done).get("statusName").asText());
        assertEquals("推广办塍事小程序", json(done).get("title").asText());
        assertError(
                call(handler, admin(Events.put(ITEM, COLLECTION + "/" + id, "{\"status\":\"finished\"}"))),
                400,
                "INVALID_VALUE",
                "status");
        assertError(call(handler, admin(Events.put(ITEM, COLLECTION + "/" + id, "{}"))), 400, "REQUIRED", "body");
        assertError(
                call(handler, admin(Events.put(ITEM, COLLECTION + "/" + id, "{\"targetDate\":\"2023-01-01\"}"))),
                400,
                "NOT_ALLOWED",
                "targetDate");
        assertError(
                call(handler, admin(Events.put(ITEM, COLLECTION + "/..%2F..", "{\"status\":\"done\"}"))),
                404,
                "NOT_FOUND",
                "id");
        assertEquals(
                204,
                call(handler, admin(Events.delete(ITEM, COLLECTION + "/" + id))).getStatusCode());
    }

    @Test
    void givenMissingOwnerOrDateThenRefused() {
        assertError(create("{\"title\":\"推广办塍事小程序\",\"targetDate\":\"2022-12-31\"}"), 400, "REQUIRED", "owner");
        assertError(create("{\"title\":\"推广办塍事小程序\",\"owner\":\"综治办\"}"), 400, "REQUIRED", "targetDate");
        assertError(
                call(handler, Events.post(COLLECTION, COLLECTION, "{}").claims("a", "gaocheng", "auditor", null)),
                403,
                "FORBIDDEN",
                "role");
    }
}

package cn.banshi.activities;

import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static cn.banshi.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivitiesApiTest extends ApiTestSupport {
    static final String COLLECTION = "/api/v1/admin/activities";
    static final String ITEM = "/api/v1/admin/activities/{id}";
    private ActivitiesHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2021-12-10T09:00");
        handler = new ActivitiesHandler(app);
    }

    static Events admin(Events e) {
        return e.claims("admin-1", "gaocheng", "town-admin", null);
    }

    private APIGatewayV2HTTPResponse create(String body) {
        return call(handler, admin(Events.post(COLLECTION, COLLECTION, body)));
    }

    private JsonNode list(String year, String role) {
        Events e = Events.get(COLLECTION, COLLECTION).claims("u", "gaocheng", role, null);
        if (year != null) e.query(Map.of("year", year));
        APIGatewayV2HTTPResponse r = call(handler, e);
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    @Test
    void givenAdminWhenCreatingActivitiesThenTheYearListsThemByDateAndOtherYearsDoNot() {
        APIGatewayV2HTTPResponse first = create("""
                {"date":"2021-12-04","theme":"legal-education","title":"举办首届滆南法治集市文艺汇演",
                 "description":"以12.4国家宪法日为契机开展宪法宣传。","place":"高塍镇文化广场","participants":"镇村干部和群众"}""");
        assertEquals(201, first.getStatusCode(), first.getBody());
        String id = json(first).get("id").asText();
        assertTrue(id.startsWith("2021-"), id);
        assertEquals(COLLECTION + "/" + id, first.getHeaders().get("location"));
        assertEquals(
                201,
                create("{\"date\":\"2021-03-15\",\"theme\":\"legal-education\",\"title\":\"3.15消费者权益日普法宣传\"}")
                        .getStatusCode());
        assertEquals(
                201,
                create("{\"date\":\"2020-06-26\",\"theme\":\"legal-education\",\"title\":\"6.26禁毒宣传\"}")
                        .getStatusCode());

        JsonNode year2021 = list("2021", "town-admin");
        assertEquals(2, year2021.get("items").size());
        assertEquals("2021-03-15", year2021.get("items").get(0).get("date").asText());
        assertEquals("举办首届滆南法治集市文艺汇演", year2021.get("items").get(1).get("title").asText());
        assertEquals("普法宣传教育", year2021.get("items").get(1).get("themeName").asText());
        assertFalse(year2021.get("items").get(1).get("leaderDuty").asBoolean());
        assertEquals(1, list("2020", "auditor").get("items").size());
        assertEquals(2, list(null, "auditor").get("items").size(), "default year is the current year (2021)");
    }

    @Test
    void givenAnActivityWhenUpdatingThenOnlyGivenFieldsChangeAndTheYearCannotMove() {
        String id = json(create("{\"date\":\"2021-05-10\",\"theme\":\"rule-making\",\"title\":\"制定议事规则\"}"))
                .get("id")
                .asText();
        APIGatewayV2HTTPResponse updated = call(
                handler,
                admin(Events.put(
                        ITEM, COLLECTION + "/" + id, "{\"title\":\"制定《2021高塍镇党委议事规则和决策程序》\",\"leaderDuty\":true}")));
        assertEquals(200, updated.getStatusCode(), updated.getBody());
        assertEquals("2021-05-10", json(updated).get("date").asText());
        assertTrue(json(updated).get("leaderDuty").asBoolean());
        assertEquals(2, json(updated).get("version").asInt());

        assertError(
                call(handler, admin(Events.put(ITEM, COLLECTION + "/" + id, "{\"date\":\"2022-01-05\"}"))),
                400,
                "NOT_ALLOWED",
                "date");
        assertError(
                call(handler, admin(Events.put(ITEM, COLLECTION + "/2021-nosuchthing", "{\"title\":\"不存在\"}"))),
                404,
                "NOT_FOUND",
                "id");
        assertEquals(
                "制定《2021高塍镇党委议事规则和决策程序》",
                list("2021", "town-admin").get("items").get(0).get("title").asText());
    }

    @Test
    void givenAnActivityWhenDeletingThenItIsGoneAndASecondDeleteIs404() {
        String id = json(create("{\"date\":\"2021-05-10\",\"theme\":\"supervision\",\"title\":\"向人大汇报依法行政情况\"}"))
                .get("id")
                .asText();
        APIGatewayV2HTTPResponse deleted = call(handler, admin(Events.delete(ITEM, COLLECTION + "/" + id)));
        assertEquals(204, deleted.getStatusCode());
        assertEquals(0, list("2021", "town-admin").get("items").size());
        assertError(call(handler, admin(Events.delete(ITEM, COLLECTION + "/" + id))), 404, "NOT_FOUND", "id");
    }

    @Test
    void givenBadBodiesThenA400NamesTheFieldAndNothingIsWritten() {
        assertError(
                create("{\"date\":\"2021-13-01\",\"theme\":\"rule-making\",\"title\":\"标题\"}"),
                400,
                "INVALID_FORMAT",
                "date");
        assertError(
                create("{\"date\":\"2021-05-01\",\"theme\":\"sports\",\"title\":\"标题\"}"),
                400,
                "INVALID_VALUE",
                "theme");
        assertError(create("{\"date\":\"2021-05-01\",\"theme\":\"rule-making\"}"), 400, "REQUIRED", "title");
        assertError(
                create("{\"date\":\"2021-05-01\",\"theme\":\"rule-making\",\"title\":\"标题\",\"town\":\"other\"}"),
                400,
                "UNKNOWN_FIELD",
                "town");
        assertError(
                create("{\"date\":\"2021-05-01\",\"theme\":\"rule-making\",\"title\":\"标题\",\"leaderDuty\":\"yes\"}"),
                400,
                "WRONG_TYPE",
                "leaderDuty");
        assertError(
                call(handler, admin(Events.get(COLLECTION, COLLECTION).query(Map.of("year", "20x1")))),
                400,
                "INVALID_FORMAT",
                "year");
        assertEquals(0, list("2021", "town-admin").get("items").size());
    }

    @Test
    void givenRolesThenAuditorsReadOnlyVillageStaffNothingAndTheTownComesFromTheToken() {
        String body = "{\"date\":\"2021-05-01\",\"theme\":\"rule-making\",\"title\":\"标题文字\"}";
        assertError(call(handler, Events.post(COLLECTION, COLLECTION, body)), 401, "UNAUTHORIZED", "authorization");
        assertError(
                call(handler, Events.post(COLLECTION, COLLECTION, body).claims("a", "gaocheng", "auditor", null)),
                403,
                "FORBIDDEN",
                "role");
        assertError(
                call(handler, Events.get(COLLECTION, COLLECTION).claims("v", "gaocheng", "village-staff", "fucun")),
                403,
                "FORBIDDEN",
                "role");
        assertEquals(
                201,
                call(handler, Events.post(COLLECTION, COLLECTION, body).claims("x", "othertown", "town-admin", null))
                        .getStatusCode());
        assertEquals(0, list("2021", "town-admin").get("items").size(), "another town's activity is not gaocheng's");
    }
}

package cn.banshi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public catalog JSON (moved from core's CatalogTest with the view). */
class CatalogViewsTest {
    static Catalog gaocheng() {
        return Catalogs.bundled().town("gaocheng").orElseThrow();
    }

    @Test
    void publicJsonShape() throws Exception {
        ObjectNode json = CatalogViews.publicView(gaocheng());
        assertEquals(List.of("town", "types", "categories", "villages", "phoneVerification"), names(json));
        assertEquals(0, json.get("phoneVerification").size(), "gaocheng asks for no verification code");
        JsonNode dingshu = CatalogViews.publicView(
                        Catalogs.bundled().town("dingshu").orElseThrow())
                .get("phoneVerification");
        assertEquals("[\"dispute\",\"petition\"]", dingshu.toString(), "in the enum's order");

        assertEquals(new ObjectMapper().readTree("{\"id\":\"gaocheng\",\"name\":\"高塍镇\"}"), json.get("town"));

        JsonNode types = json.get("types");
        assertEquals(6, types.size());
        assertEquals("complaint", types.get(0).get("id").asText());
        assertEquals("投诉举报", types.get(0).get("name").asText());
        for (JsonNode t : types) {
            assertEquals(List.of("id", "name"), names(t));
            assertFalse(t.get("id").asText().equals("info-request"));
        }

        JsonNode cats = json.get("categories");
        assertEquals(gaocheng().categories().size(), cats.size());
        for (JsonNode c : cats) {
            assertEquals(List.of("id", "name", "types", "limits"), names(c));
            assertTrue(c.get("types").isArray());
            assertEquals(c.get("types").size(), c.get("limits").size());
            for (JsonNode t : c.get("types")) {
                JsonNode l = c.get("limits").get(t.asText());
                assertNotNull(l, c.get("id") + "/" + t);
                assertEquals(List.of("days", "unit"), names(l));
                assertTrue(l.get("days").isInt());
                assertTrue(Set.of("working", "calendar").contains(l.get("unit").asText()));
            }
        }
        JsonNode env = cats.get(1);
        assertEquals("environment", env.get("id").asText());
        assertEquals(
                new ObjectMapper().readTree("{\"days\":13,\"unit\":\"working\"}"),
                env.get("limits").get("complaint"));

        JsonNode villages = json.get("villages");
        assertEquals(5, villages.size());
        for (JsonNode v : villages) {
            assertEquals(List.of("id", "name", "kind"), names(v));
        }
        assertEquals(
                "{\"id\":\"meijiadu\",\"name\":\"梅家渎村\",\"kind\":\"village\"}",
                villages.get(0).toString());
    }

    @Test
    void publicJsonIsAFreshCopy() {
        CatalogViews.publicView(gaocheng()).removeAll();
        assertEquals(5, CatalogViews.publicView(gaocheng()).size());
    }

    @Test
    void theRouteAnswersTheViewAndRefusesAnUnknownTown() {
        CatalogHandler handler = new CatalogHandler(Catalogs.bundled());
        String route = "/api/v1/towns/{town}/catalog";
        APIGatewayV2HTTPResponse ok = ApiTestSupport.call(handler, Events.get(route, "/api/v1/towns/gaocheng/catalog"));
        assertEquals(200, ok.getStatusCode());
        assertEquals(CatalogViews.publicView(gaocheng()), ApiTestSupport.json(ok));
        ApiTestSupport.assertError(
                ApiTestSupport.call(handler, Events.get(route, "/api/v1/towns/nowhere/catalog")),
                404,
                "UNKNOWN_TOWN",
                "town");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package cn.banshi.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.AppContext;
import cn.banshi.json.Json;
import cn.banshi.testkit.LocalDynamo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** GET /api/v1/admin/cases: filters, pagination, scope, and no Scan on the request path. */
class StaffListApiTest extends ApiTestSupport {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<String> all = new ArrayList<>();

    @BeforeEach
    void setUp() {
        setUpApp("2021-03-01T08:00");
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.computeIfAbsent(
                                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        };
        app = new AppContext(
                LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter)), clock);
        String[] villages = {"meijiadu", "hongxing", "fucun"};
        String[] types = {"complaint", "help", "suggestion"};
        String[] categories = {"environment", "roads-traffic", "social-security"};
        for (int i = 0; i < 24; i++) {
            ObjectNode body = complaint()
                    .put("village", villages[i % 3])
                    .put("type", types[i % 2 == 0 ? 0 : 1 + i % 2])
                    .put("category", categories[i % 3])
                    .put("title", "事项 " + i);
            all.add(submitOnline("complaints", body).get("trackingNo").asText());
            clock.advance(Duration.ofHours(20));
        }
        calls.clear();
    }

    JsonNode list(String role, String village, Map<String, String> query) {
        var response = staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", role, village, query);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response);
    }

    static List<String> numbers(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("trackingNo").asText()));
        return out;
    }

    @Test
    void pagesWalkEveryCaseNewestFirstWithoutPersonalData() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page =
                    list(ADMIN, null, cursor == null ? Map.of("limit", "5") : Map.of("limit", "5", "cursor", cursor));
            seen.addAll(numbers(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
            assertFalse(
                    page.toString().contains("13912345678") || page.toString().contains("王小明"),
                    "no personal data in lists");
        } while (cursor != null);
        assertEquals(5, pages);
        List<String> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
    }

    @Test
    void everyFilterSelectsExactlyTheMatchingCases() {
        assertEquals(
                8, numbers(list(ADMIN, null, Map.of("village", "hongxing"))).size());
        assertEquals(12, numbers(list(ADMIN, null, Map.of("type", "complaint"))).size());
        assertEquals(
                8,
                numbers(list(ADMIN, null, Map.of("category", "roads-traffic"))).size());
        JsonNode combined =
                list(ADMIN, null, Map.of("village", "meijiadu", "type", "complaint", "category", "environment"));
        combined.get("items").forEach(i -> {
            assertEquals("meijiadu", i.get("village").asText());
            assertEquals("complaint", i.get("type").asText());
            assertEquals("environment", i.get("category").asText());
        });
        assertEquals(4, combined.get("items").size()); // i in {0, 6, 12, 18}
        // received 20 h apart from 1 Mar 08:00: 1 Mar 08:00, 2 Mar 04:00, 3 Mar 00:00, 3 Mar 20:00, 4 Mar 16:00 ...
        assertEquals(
                4,
                numbers(list(ADMIN, null, Map.of("from", "2021-03-02", "to", "2021-03-04")))
                        .size());
        act(all.get(0), "accept");
        assertEquals(List.of(all.get(0)), numbers(list(ADMIN, null, Map.of("status", "accepted"))));
        assertEquals(0, calls.getOrDefault("Scan", new AtomicInteger()).get(), "no Scan: " + calls);
    }

    @Test
    void overdueAndDueBeforeUseTheOpenCasesIndex() {
        clock.set(Instant.parse("2021-03-25T02:00:00Z"));
        JsonNode overdue = list(ADMIN, null, Map.of("overdue", "true"));
        Set<String> expected = new HashSet<>();
        for (String no : all) {
            var c = app.cases().find(no).orElseThrow();
            if (c.dueDate().isBefore(LocalDate.of(2021, 3, 25))) expected.add(no);
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, new HashSet<>(numbers(overdue)));
        overdue.get("items").forEach(i -> assertTrue(i.get("overdue").asBoolean()));
        // soonest due first
        List<String> dues = new ArrayList<>();
        overdue.get("items").forEach(i -> dues.add(i.get("dueDate").asText()));
        List<String> sorted = new ArrayList<>(dues);
        Collections.sort(sorted);
        assertEquals(sorted, dues);
        act(numbers(overdue).get(0), "reject", "reason", "重复投诉");
        assertEquals(
                expected.size() - 1,
                numbers(list(ADMIN, null, Map.of("overdue", "true"))).size(),
                "finished cases leave the index");
        assertEquals(0, calls.getOrDefault("Scan", new AtomicInteger()).get(), "no Scan: " + calls);
    }

    @Test
    void villageStaffSeeOnlyTheirVillage() {
        JsonNode mine = list(VILLAGE, "fucun", Map.of());
        assertEquals(8, mine.get("items").size());
        mine.get("items").forEach(i -> assertEquals("fucun", i.get("village").asText()));
        var other =
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", VILLAGE, "fucun", Map.of("village", "hongxing"));
        assertError(other, 403, "FORBIDDEN", "role");
    }

    @Test
    void badFiltersAndForeignCursorsAre400() {
        assertError(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("limit", "0")),
                400,
                "OUT_OF_RANGE",
                "limit");
        assertError(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("from", "2021/03/01")),
                400,
                "INVALID_FORMAT",
                "from");
        assertError(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("type", "x")),
                400,
                "INVALID_VALUE",
                "type");
        assertError(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("sort", "x")),
                400,
                "UNKNOWN_FIELD",
                "sort");
        assertError(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("cursor", "%%%")),
                400,
                "INVALID_CURSOR",
                "cursor");
        // a cursor from the village index of another village, replayed by a village clerk, is refused
        String cursor = list(ADMIN, null, Map.of("village", "hongxing", "limit", "2"))
                .get("nextCursor")
                .asText();
        assertError(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", VILLAGE, "fucun", Map.of("cursor", cursor)),
                400,
                "INVALID_CURSOR",
                "cursor");
        // a forged cursor naming another town's partition is refused
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"i\":\"by-town\",\"k\":{\"pk\":\"X\",\"town\":\"dingshu\",\"receivedKey\":\"2021\"}}"
                        .getBytes());
        assertError(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("cursor", forged)),
                400,
                "INVALID_CURSOR",
                "cursor");
    }

    @Test
    void listIsTheSameThroughTheSameRoutesForAuditors() {
        assertEquals(24, numbers(list(AUDITOR, null, Map.of("limit", "100"))).size());
        assertEquals(
                Json.write(list(ADMIN, null, Map.of("limit", "3"))),
                Json.write(list(AUDITOR, null, Map.of("limit", "3"))));
    }
}

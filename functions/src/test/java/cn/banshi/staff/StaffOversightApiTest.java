package cn.banshi.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.overdue.OverdueSweepHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Audit log, masking, CSV export, the year's figures, and the overdue sweep (calendar years: ProvisionalDeadlinesApiTest). */
class StaffOversightApiTest extends ApiTestSupport {

    @BeforeEach
    void setUp() {
        setUpApp("2021-07-01T09:00");
    }

    String newCase(ObjectNode body) {
        return submitOnline("complaints", body).get("trackingNo").asText();
    }

    @Test
    void unmaskedViewsAreAuditedAndAuditorsSeeMaskedData() {
        String no = newCase(complaint());
        JsonNode admin =
                json(staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, ADMIN, null, null));
        assertEquals(
                "13912345678",
                admin.get("personal").get("submitter").get("phone").asText());
        JsonNode auditor =
                json(staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, AUDITOR, null, null));
        assertTrue(auditor.get("personalMasked").asBoolean());
        assertEquals(
                "139****5678",
                auditor.get("personal").get("submitter").get("phone").asText());
        assertEquals(
                "王*",
                auditor.get("personal").get("submitter").get("name").asText().substring(0, 2));
        assertEquals(
                "***", auditor.get("personal").get("location").get("address").asText());
        assertFalse(auditor.toString().contains("13912345678")
                || auditor.toString().contains("王小明")
                || auditor.toString().contains("东河桥"));
        assertEquals(0, auditor.get("allowedActions").size());

        JsonNode log = json(staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, null));
        List<String> events = new ArrayList<>();
        log.get("items")
                .forEach(e -> events.add(e.get("event").asText() + " "
                        + e.get("sub").asText() + " " + e.path("trackingNo").asText()));
        assertEquals(
                List.of("view-personal-data town-admin@gaocheng " + no),
                events,
                "the auditor's masked view is not a view of personal data");
        assertFalse(log.toString().contains("13912345678"));

        clock.advance(Duration.ofSeconds(1));
        staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, VILLAGE, "meijiadu", null);
        clock.advance(Duration.ofSeconds(1));
        act(no, "accept");
        JsonNode later =
                json(staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, Map.of("limit", "2")));
        assertEquals("action:accept", later.get("items").get(0).get("event").asText());
        assertEquals(
                "view-personal-data", later.get("items").get(1).get("event").asText());
        assertEquals("meijiadu", later.get("items").get(1).get("village").asText());
        assertFalse(later.get("nextCursor").isNull());
    }

    @Test
    void auditFiltersByEventStaffAndCaseAndPagesThroughFilteredEntries() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String no = newCase(complaint());
            numbers.add(no);
            clock.advance(Duration.ofSeconds(1));
            staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, ADMIN, null, null);
            clock.advance(Duration.ofSeconds(1));
            act(no, "accept");
            clock.advance(Duration.ofSeconds(1));
            staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, VILLAGE, "meijiadu", null);
            clock.advance(Duration.ofSeconds(1));
        }
        // 15 entries: per case a view by the admin, an accept, a view by the clerk
        JsonNode actions =
                json(staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, Map.of("event", "action:")));
        assertEquals(5, actions.get("items").size());
        actions.get("items")
                .forEach(e -> assertEquals("action:accept", e.get("event").asText()));
        assertTrue(actions.get("nextCursor").isNull());

        String clerk = "village-staff.meijiadu@gaocheng";
        List<String> seen = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("sub", clerk, "limit", "2"));
        for (int page = 0; page < 5; page++) {
            JsonNode log = json(staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, query));
            log.get("items").forEach(e -> {
                assertEquals(clerk, e.get("sub").asText());
                assertEquals("view-personal-data", e.get("event").asText());
                seen.add(e.get("trackingNo").asText());
            });
            if (log.get("nextCursor").isNull()) break;
            query.put("cursor", log.get("nextCursor").asText());
        }
        List<String> newestFirst = new ArrayList<>(numbers);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "newest first, each of the clerk's views once");

        JsonNode one = json(staffGet(
                "/api/v1/admin/audit",
                "/api/v1/admin/audit",
                ADMIN,
                null,
                Map.of("trackingNo", numbers.get(2).toLowerCase(), "event", "view")));
        assertEquals(2, one.get("items").size());
        one.get("items")
                .forEach(e -> assertEquals(numbers.get(2), e.get("trackingNo").asText()));

        assertError(
                staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, Map.of("event", "DROP TABLE")),
                400,
                "INVALID_FORMAT",
                "event");
        assertError(
                staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, Map.of("who", "x")),
                400,
                "UNKNOWN_FIELD",
                "who");
        assertError(
                staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", VILLAGE, "meijiadu", Map.of("event", "action:")),
                403,
                "FORBIDDEN",
                "role");
    }

    @Test
    void csvExportHasBomNeutralisedCellsAndPersonalColumnsOnlyForAllowedRoles() {
        newCase(complaint().put("title", "=HYPERLINK(\"http://x\")").put("description", "+SUM(A1) 这是描述内容"));
        newCase(complaint().put("title", "普通标题\"带引号\""));
        var admin = staffGet("/api/v1/admin/cases/export", "/api/v1/admin/cases/export", ADMIN, null, null);
        assertEquals(200, admin.getStatusCode());
        assertTrue(admin.getHeaders().get("content-type").startsWith("text/csv"));
        String csv = admin.getBody();
        assertTrue(csv.startsWith("\uFEFF\"查询编号\""));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), csv);
        assertTrue(csv.contains("\"普通标题\"\"带引号\"\"\""));
        assertTrue(csv.contains("13912345678") && csv.contains("\"姓名\""));
        assertEquals(3, csv.split("\r\n").length);
        String auditorCsv = staffGet("/api/v1/admin/cases/export", "/api/v1/admin/cases/export", AUDITOR, null, null)
                .getBody();
        assertFalse(auditorCsv.contains("13912345678") || auditorCsv.contains("王小明") || auditorCsv.contains("\"姓名\""));
        JsonNode log = json(staffGet("/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, null));
        assertEquals(
                "export-personal-data", log.get("items").get(0).get("event").asText());
        assertEquals("2 rows", log.get("items").get(0).get("detail").asText());
    }

    @Test
    void statsCountTheYearsCasesAsComputedIndependently() {
        List<String> numbers = new ArrayList<>();
        String[] villages = {"meijiadu", "hongxing", "fucun", "meijiadu"};
        for (int i = 0; i < 8; i++) {
            numbers.add(newCase(
                    complaint().put("village", villages[i % 4]).put("type", i % 2 == 0 ? "complaint" : "help")));
            clock.advance(Duration.ofDays(9));
        }
        ObjectNode dispute = complaint().put("type", "dispute").put("category", "dispute-neighbour");
        dispute.putArray("parties").addObject().put("name", "赵四");
        String agreed = newCase(dispute.deepCopy());
        String failed = newCase(dispute.deepCopy());
        for (String d : List.of(agreed, failed)) {
            act(d, "accept");
            act(d, "assign-mediator", "mediator", "周调解员");
        }
        act(agreed, "resolve", "result", "agreement-reached");
        act(failed, "resolve", "result", "no-agreement");
        act(numbers.get(0), "accept");
        act(numbers.get(0), "reply", "reply", "已处理");
        act(numbers.get(0), "resolve"); // received 1 Jul, resolved 72 days later: past its 13 working days
        clock.set(Instant.parse("2022-01-05T02:00:00Z"));

        JsonNode stats =
                json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, Map.of("year", "2021")));
        assertEquals(10, stats.get("total").asInt());
        assertEquals(4, stats.get("byType").get("complaint").asInt());
        assertEquals(4, stats.get("byType").get("help").asInt());
        assertEquals(2, stats.get("byType").get("dispute").asInt());
        assertEquals(2 + 2 + 2, stats.get("byVillage").get("meijiadu").asInt());
        assertEquals(3, stats.get("finished").asInt());
        assertEquals(0.6667, stats.get("onTimeRate").asDouble(), 1e-9); // two disputes on time, the complaint late
        assertEquals(2, stats.get("disputesMediated").asInt());
        assertEquals(0.5, stats.get("mediationSuccessRate").asDouble(), 1e-9);
        long july = stats.get("byMonth").get("07").asLong();
        assertEquals(4, july); // 1, 10, 19, 28 July
        assertTrue(stats.get("averageSatisfaction").isNull());
        assertEquals(7, stats.get("overdueNow").asInt(), "the 7 untouched hotline cases are past due in January");
        JsonNode village = json(
                staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", VILLAGE, "hongxing", Map.of("year", "2021")));
        assertEquals(2, village.get("total").asInt());
        assertEquals(
                0,
                json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, Map.of("year", "2020")))
                        .get("total")
                        .asInt());
        assertError(
                staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, Map.of("year", "20x1")),
                400,
                "INVALID_FORMAT",
                "year");
    }

    @Test
    void sweepMarksEachOverdueCaseOnceAndRecordsOneAlert() {
        String first = newCase(complaint().put("type", "help")); // help: 3 working days → due 6 Jul
        String second = newCase(complaint().put("village", "hongxing"));
        clock.set(Instant.parse("2021-07-08T01:00:00Z"));
        var handler = new OverdueSweepHandler(app);
        assertEquals(Map.of("gaocheng", 1, "dingshu", 0), handler.handleRequest(Map.of(), null));
        assertEquals(Map.of("gaocheng", 0, "dingshu", 0), handler.handleRequest(Map.of(), null), "once");
        var c = app.cases().find(first).orElseThrow();
        assertEquals(
                "mark-overdue", c.history().get(c.history().size() - 1).action().code());
        assertEquals("2021-07-07", c.details().supervision().overdueSince().toString());
        JsonNode alerts = json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", ADMIN, null, null));
        assertEquals(1, alerts.get("items").size());
        assertEquals(first, alerts.get("items").get(0).get("trackingNo").asText());
        assertEquals(
                0,
                json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", VILLAGE, "hongxing", null))
                        .get("items")
                        .size());
        clock.set(Instant.parse("2021-07-30T01:00:00Z"));
        assertEquals(Map.of("gaocheng", 1, "dingshu", 0), handler.handleRequest(Map.of(), null));
        assertEquals(
                1,
                json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", VILLAGE, "hongxing", null))
                        .get("items")
                        .size());
        assertEquals(
                second,
                json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", VILLAGE, "hongxing", null))
                        .get("items")
                        .get(0)
                        .get("trackingNo")
                        .asText());
    }
}

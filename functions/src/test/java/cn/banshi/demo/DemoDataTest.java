package cn.banshi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.Personal;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalogs;
import cn.banshi.tracking.TrackingHandler;
import cn.banshi.validation.ChineseIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo year: reproducible, valid, and loaded through the bulk loader its figures are what the seed states. */
class DemoDataTest extends ApiTestSupport {

    @Test
    @DisplayName("given the demo year, when loaded, the stats show 1334 disputes, all mediated with agreement")
    void demoYearStatsShow1334Disputes() {
        setUpApp("2026-11-28T09:00");
        var catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        DemoCases demo = new DemoCases(catalog, app.calendars().deadlines());

        Map<CaseType, Integer> byType = new EnumMap<>(CaseType.class);
        Iterator<CaseRecord> first = demo.cases();
        Iterator<CaseRecord> second = new DemoCases(catalog, app.calendars().deadlines()).cases();
        int n = 0;
        while (first.hasNext()) {
            CaseRecord c = first.next();
            CaseRecord again = second.next();
            assertEquals(c, again, "same seed, same case");
            byType.merge(c.type(), 1, Integer::sum);
            for (int i = 0; i < c.history().size(); i++)
                assertEquals(i + 1, c.history().get(i).seq());
            assertEquals(c.version(), c.history().size());
            Personal.Applicant applicant = c.personal().applicant();
            String phone = applicant != null
                    ? applicant.phone()
                    : c.personal().submitter().phone();
            assertTrue(ChineseIds.isMobile(phone), phone);
            if (applicant != null && applicant.idNumber() != null) {
                assertTrue(ChineseIds.isResidentIdNumber(applicant.idNumber()));
            }
            if (applicant != null && applicant.creditCode() != null) {
                assertTrue(ChineseIds.isUnifiedSocialCreditCode(applicant.creditCode()));
            }
            if (c.type() == CaseType.DISPUTE)
                assertEquals("agreement-reached", c.resolution().outcome());
            n++;
        }
        assertEquals(demo.size(), n);
        // the year's 1334 (30 of them carried over from 2020) and the 30 carried into 2022
        assertEquals(DemoCases.DISPUTES + DemoCases.DISPUTES_CARRIED, byType.get(CaseType.DISPUTE));
        for (CaseType type : CaseType.values()) assertTrue(byType.getOrDefault(type, 0) > 0, type + " present");

        DemoLoader.Loaded loaded =
                DemoLoader.load(dynamo, catalog, app.calendars().deadlines(), clock);
        assertEquals(demo.size() + DemoLoader.OPEN_CASES, loaded.result().items());
        assertEquals(demo.size() + DemoLoader.OPEN_CASES, caseCount());
        System.out.printf(
                "demo load: %d items in %d ms (%.0f items/s, %d retried)%n",
                loaded.result().items(),
                loaded.result().millis(),
                loaded.result().itemsPerSecond(),
                loaded.result().retried());

        JsonNode stats =
                json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, Map.of("year", "2021")));
        assertEquals(DemoCases.DISPUTES, stats.get("disputesMediated").asInt());
        assertEquals(DemoCases.DISPUTES, stats.get("disputesAgreed").asInt());
        assertEquals(1.0, stats.get("mediationSuccessRate").asDouble());
        JsonNode weak =
                json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", VILLAGE, "fucun", Map.of("year", "2021")));
        assertTrue(
                weak.get("averageSatisfaction").asDouble()
                        < stats.get("averageSatisfaction").asDouble() - 0.3,
                "the weak village stands out: " + weak.get("averageSatisfaction") + " vs "
                        + stats.get("averageSatisfaction"));
        assertTrue(weak.get("onTimeRate").asDouble() < stats.get("onTimeRate").asDouble());

        DemoCases.DemoCase sample = loaded.samples().get(0);
        var tracked = call(
                new TrackingHandler(app),
                Events.get(
                                "/api/v1/track/{trackingNo}",
                                "/api/v1/track/" + sample.record().trackingNo())
                        .header("x-access-code", sample.accessCode()));
        assertEquals(200, tracked.getStatusCode(), tracked.getBody());
    }
}

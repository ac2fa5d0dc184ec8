package cn.banshi.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.PendingNotice;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.tracking.TrackingHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * merge-as-duplicate and unmerge through real events and dynalite: both cases show the link, the duplicate's filer is
 * told the original's number, the tracking page says where it went; unmerge within 30 days restores the duplicate;
 * another type, town or a finished original is refused with its code.
 */
class MergeApiTest extends ApiTestSupport {
    @BeforeEach
    void setUp() {
        setUpApp("2021-07-01T09:00");
    }

    String file(ObjectNode body) {
        return submitOnline("complaints", body).get("trackingNo").asText();
    }

    JsonNode detail(String no, String role, String village) {
        return json(staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, role, village, null));
    }

    APIGatewayV2HTTPResponse merge(String no, String original, String role, String village) {
        long version = app.cases().find(no).orElseThrow().version();
        return act(
                no,
                version,
                role,
                village,
                Json.object().put("action", "merge-as-duplicate").put("original", original));
    }

    APIGatewayV2HTTPResponse unmerge(String no) {
        long version = app.cases().find(no).orElseThrow().version();
        return act(no, version, ADMIN, null, Json.object().put("action", "unmerge"));
    }

    @Test
    void mergedDuplicateLinksBothCasesTellsItsFilerAndUnmergesWithinThirtyDays() {
        String original = file(complaint());
        JsonNode receipt = submitOnline("complaints", complaint().put("title", "河里垃圾没人管"));
        String duplicate = receipt.get("trackingNo").asText();
        act(duplicate, "accept");
        CaseRecord before = app.cases().find(duplicate).orElseThrow();
        JsonNode offered = detail(duplicate, ADMIN, null);
        assertTrue(list(offered.get("otherActions")).contains("merge-as-duplicate"));
        assertFalse(list(offered.get("otherActions")).contains("unmerge"));

        clock.advance(Duration.ofDays(2));
        JsonNode merged = json(merge(duplicate, original, ADMIN, null));
        assertEquals("merged", merged.get("status").asText());
        assertEquals("duplicate", merged.at("/resolution/outcome").asText());
        assertEquals(original, merged.at("/links/mergedInto/original").asText());
        assertFalse(merged.at("/links/mergedInto/pending").asBoolean());
        assertEquals("2021-08-02", merged.at("/links/mergedInto/unmergeUntil").asText());
        assertTrue(list(merged.get("otherActions")).contains("unmerge"));
        assertFalse(list(merged.get("otherActions")).contains("merge-as-duplicate"));
        assertEquals(List.of(), list(merged.get("allowedActions")), "a merged duplicate takes no workflow action");
        assertEquals(List.of(duplicate), list(detail(original, ADMIN, null).at("/links/duplicates")));
        assertFalse(
                list(detail(original, ADMIN, null).get("otherActions")).contains("merge-as-duplicate"),
                "a case with merged duplicates is not merged itself");

        // the filer is told the original's number once the merge is complete, never its filer's details
        CaseRecord stored = app.cases().find(duplicate).orElseThrow();
        PendingNotice told = stored.outbox().stream()
                .filter(n -> n.kind().equals("merged"))
                .findFirst()
                .orElseThrow();
        assertEquals(original, told.params().get("originalNo"));
        assertFalse(told.params().toString().contains("王小明"));
        // and follows the original: told its later public steps
        assertEquals(
                List.of("13912345678"),
                app.cases().find(original).orElseThrow().personal().followers().stream()
                        .map(f -> f.phone())
                        .toList());

        // the tracking page says where it went
        APIGatewayV2HTTPResponse tracking = ApiTestSupport.call(
                new TrackingHandler(app),
                Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + duplicate)
                        .header("x-access-code", receipt.get("accessCode").asText()));
        JsonNode tracked = json(tracking);
        assertEquals(original, tracked.get("mergedInto").asText());
        assertEquals("已合并至 " + original + " 办理", tracked.get("mergedIntoNote").asText());
        assertFalse(tracking.getBody().contains("王小明"));

        // the audit log names the action
        JsonNode audit = json(staffGet(
                "/api/v1/admin/audit",
                "/api/v1/admin/audit",
                ADMIN,
                null,
                Map.of("event", "action:merge-as-duplicate")));
        assertEquals(duplicate, audit.at("/items/0/trackingNo").asText());

        // unmerge restores the duplicate: its status, its due date, no resolution; the original's link goes
        clock.advance(Duration.ofDays(29));
        JsonNode restored = json(unmerge(duplicate));
        assertEquals(before.status().code(), restored.get("status").asText());
        assertEquals(before.dueDate().toString(), restored.get("dueDate").asText());
        assertTrue(restored.get("resolution").isNull());
        assertFalse(restored.has("links"));
        assertEquals(List.of(), list(detail(original, ADMIN, null).at("/links/duplicates")));
        assertEquals(
                List.of(), app.cases().find(original).orElseThrow().personal().followers());
        assertTrue(list(restored.get("allowedActions")).size() > 0, "the workflow goes on");
        assertTrue(app.cases().find(duplicate).orElseThrow().outbox().stream()
                .anyMatch(n -> n.kind().equals("unmerged")));
    }

    JsonNode stats() {
        return json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, Map.of("year", "2021")));
    }

    @Test
    void theStatisticsCountAMergedGroupOnceAsTheReportsDo() {
        String original = file(complaint());
        String duplicate = file(complaint().put("title", "河里垃圾没人管"));
        act(duplicate, "accept");
        JsonNode before = stats();
        assertEquals(2, before.get("total").asLong());
        assertEquals(0, before.get("mergedDuplicates").asLong());

        json(merge(duplicate, original, ADMIN, null));
        JsonNode merged = stats();
        assertEquals(1, merged.get("total").asLong(), "the group counts once, as its original");
        assertEquals(1, merged.get("mergedDuplicates").asLong());
        assertEquals(0, merged.get("finished").asLong(), "a merged duplicate is not a finished case");
        assertEquals(1, merged.at("/byType/complaint").asLong());
        assertFalse(merged.get("byStatus").has("merged"));

        json(unmerge(duplicate));
        JsonNode unmerged = stats();
        assertEquals(2, unmerged.get("total").asLong());
        assertEquals(0, unmerged.get("mergedDuplicates").asLong());
        assertEquals(before.get("byStatus"), unmerged.get("byStatus"));
    }

    @Test
    void unmergeIsRefusedAfterThirtyDays() {
        String original = file(complaint());
        String duplicate = file(complaint());
        assertEquals(200, merge(duplicate, original, ADMIN, null).getStatusCode());
        clock.advance(Duration.ofDays(31));
        assertError(unmerge(duplicate), 422, "UNMERGE_WINDOW_PASSED", "action");
        assertFalse(list(detail(duplicate, ADMIN, null).get("otherActions")).contains("unmerge"));
    }

    @Test
    void anotherTypeTownOrAFinishedOriginalIsRefusedWithItsCode() {
        String original = file(complaint());
        String duplicate = file(complaint());
        String help = file(complaint().put("type", "help"));
        assertError(merge(duplicate, help, ADMIN, null), 422, "MERGE_TYPE_MISMATCH", "original");

        ObjectNode dingshu = complaint().put("village", "xiwang");
        APIGatewayV2HTTPResponse filed = ApiTestSupport.call(
                new SubmissionHandler(app),
                Events.post(
                        "/api/v1/towns/{town}/complaints", "/api/v1/towns/dingshu/complaints", Json.write(dingshu)));
        assertEquals(201, filed.getStatusCode(), filed.getBody());
        String otherTown = json(filed).get("trackingNo").asText();
        assertError(merge(duplicate, otherTown, ADMIN, null), 422, "MERGE_TOWN_MISMATCH", "original");

        assertError(merge(duplicate, duplicate, ADMIN, null), 422, "MERGE_TARGET_NOT_OPEN", "original");
        String unknown = original.substring(0, original.length() - 1) + (original.endsWith("A") ? "B" : "A");
        assertError(merge(duplicate, unknown, ADMIN, null), 404, "NOT_FOUND", "original");
        assertError(
                act(duplicate, 1, ADMIN, null, Json.object().put("action", "merge-as-duplicate")),
                400,
                "REQUIRED",
                "original");

        act(original, "accept");
        act(original, "reply", "reply", "已安排清理");
        act(original, "resolve");
        assertError(merge(duplicate, original, ADMIN, null), 422, "MERGE_TARGET_NOT_OPEN", "original");

        // nothing was written by the refusals
        assertEquals("submitted", detail(duplicate, ADMIN, null).get("status").asText());
        assertFalse(detail(duplicate, ADMIN, null).has("links"));
        // a second original for a merged duplicate, or merging a case others were merged into, is refused
        String third = file(complaint());
        String fourth = file(complaint());
        assertEquals(200, merge(third, fourth, ADMIN, null).getStatusCode());
        assertError(merge(fourth, duplicate, ADMIN, null), 422, "MERGE_HAS_DUPLICATES", "action");
        assertError(merge(third, duplicate, ADMIN, null), 422, "ACTION_NOT_ALLOWED", "action");
        // auditors never act
        assertError(merge(duplicate, fourth, AUDITOR, null), 403, "FORBIDDEN", "role");
    }

    @Test
    void villageStaffMergeOnlyWithinTheirVillageAndPetitionsAreNotMerged() {
        String original = file(complaint());
        String duplicate = file(complaint());
        String elsewhere = file(complaint().put("village", "gaocheng-cun"));
        assertError(merge(duplicate, elsewhere, VILLAGE, "meijiadu"), 404, "NOT_FOUND", "original");
        assertEquals(200, merge(duplicate, original, VILLAGE, "meijiadu").getStatusCode());

        String petition = file(complaint().put("type", "petition").put("category", "petition-land-requisition"));
        String petition2 = file(complaint().put("type", "petition").put("category", "petition-land-requisition"));
        assertFalse(list(detail(petition2, ADMIN, null).get("otherActions")).contains("merge-as-duplicate"));
        assertError(merge(petition2, petition, ADMIN, null), 422, "ACTION_NOT_ALLOWED", "action");
    }
}

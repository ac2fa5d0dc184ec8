package cn.banshi.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.digest.Sha256;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.staff.SpamMarking;
import cn.banshi.store.Tables;
import cn.banshi.tracking.TrackingHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 21's spam handling through real events and dynalite: mark-spam (town admins, with a reason) takes a case out
 * of lists and figures, keeps it in the audit log and blocks its phone and client for a while; the citizen form's
 * honeypot and minimum fill time drop crude bots, answered like a success and stored nowhere.
 */
class SpamAndBotsApiTest extends ApiTestSupport {
    @BeforeEach
    void setUp() {
        setUpApp("2021-07-01T09:00");
    }

    APIGatewayV2HTTPResponse submitFrom(String ip, ObjectNode body) {
        return call(
                new SubmissionHandler(app),
                Events.post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", Json.write(body))
                        .sourceIp(ip));
    }

    static ObjectNode from(String phone) {
        ObjectNode body = complaint();
        ((ObjectNode) body.get("submitter")).put("phone", phone);
        return body;
    }

    APIGatewayV2HTTPResponse markSpam(String no, String role, String village, ObjectNode fields) {
        return act(no, app.cases().find(no).orElseThrow().version(), role, village, fields.put("action", "mark-spam"));
    }

    List<String> listed() {
        List<String> numbers = new ArrayList<>();
        json(staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, null))
                .get("items")
                .forEach(i -> numbers.add(i.get("trackingNo").asText()));
        return numbers;
    }

    @Test
    void aSpamCaseLeavesListsAndFiguresStaysAuditedAndBlocksItsPhoneAndClient() {
        String junk = json(submitFrom("198.51.100.7", from("13900000001")))
                .get("trackingNo")
                .asText();
        String real = json(submitFrom("198.51.100.8", from("13900000002")))
                .get("trackingNo")
                .asText();
        assertTrue(listed().containsAll(List.of(junk, real)));
        int totalBefore = json(staffGet(
                        "/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, Map.of("year", "2021")))
                .get("total")
                .asInt();

        // only town admins see and take it, and with a reason
        JsonNode before =
                json(staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + junk, ADMIN, null, null));
        assertEquals(List.of("mark-spam", "merge-as-duplicate", "legal-hold"), list(before.get("otherActions")));
        assertFalse(list(before.get("allowedActions")).contains("mark-spam"), "not a workflow action");
        JsonNode clerkView = json(
                staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + junk, VILLAGE, "meijiadu", null));
        assertEquals(List.of("merge-as-duplicate"), list(clerkView.get("otherActions")), "not mark-spam");
        assertError(markSpam(junk, VILLAGE, "meijiadu", Json.object().put("reason", "广告")), 403, "FORBIDDEN", "role");
        assertError(markSpam(junk, ADMIN, null, Json.object()), 400, "REQUIRED", "reason");
        JsonNode marked = json(markSpam(junk, ADMIN, null, Json.object().put("reason", "重复发送的广告信息")));
        assertEquals("重复发送的广告信息", marked.at("/spam/reason").asText());
        assertEquals(List.of(), list(marked.get("allowedActions")), "nothing more to do on a spam case");
        assertEquals(List.of(), list(marked.get("otherActions")));

        assertEquals(List.of(real), listed());
        assertFalse(staffGet("/api/v1/admin/cases/export", "/api/v1/admin/cases/export", ADMIN, null, null)
                .getBody()
                .contains(junk));
        assertEquals(
                totalBefore - 1,
                json(staffGet("/api/v1/admin/stats", "/api/v1/admin/stats", ADMIN, null, Map.of("year", "2021")))
                        .get("total")
                        .asInt());
        JsonNode audit = json(staffGet(
                "/api/v1/admin/audit", "/api/v1/admin/audit", ADMIN, null, Map.of("event", "action:mark-spam")));
        assertEquals(junk, audit.at("/items/0/trackingNo").asText());
        assertFalse(audit.toString().contains("13900000001"));
        // a second mark is refused
        assertError(
                markSpam(junk, ADMIN, null, Json.object().put("reason", "再次标记")), 422, "ACTION_NOT_ALLOWED", "action");

        // the phone is blocked from any address, the address with any phone; nothing is written
        int cases = caseCount();
        assertError(submitFrom("192.0.2.1", from("13900000001")), 403, "SUBMITTER_BLOCKED", null);
        assertError(submitFrom("198.51.100.7", from("13900000003")), 403, "SUBMITTER_BLOCKED", null);
        assertEquals(cases, caseCount());
        assertEquals(201, submitFrom("192.0.2.1", from("13900000003")).getStatusCode());

        // for the default 30 days
        clock.advance(Duration.ofDays(SpamMarkingDays.DEFAULT).plusMinutes(1));
        assertEquals(201, submitFrom("198.51.100.7", from("13900000001")).getStatusCode());
    }

    @Test
    void blocksKeyedTheLegacyWayStillHoldAndNewOnesAreKeyedPseudonyms() {
        // a phone block written before the switch, under issue 21's unkeyed digest
        Instant in10Days = clock.instant().plus(Duration.ofDays(10));
        putBlock("block#phone#" + legacyDigest("phone:13900000011"), in10Days);
        assertError(submitFrom("192.0.2.20", from("13900000011")), 403, "SUBMITTER_BLOCKED", null);

        // a case filed before the switch keeps its legacy client key: marking it blocks that client all the same
        String old = json(submitFrom("198.51.100.20", from("13900000012")))
                .get("trackingNo")
                .asText();
        String stored = app.cases().find(old).orElseThrow().clientKey();
        String legacyClient = legacyDigest("client:198.51.100.20").substring(0, 32);
        assertNotEquals(legacyClient, stored, "new cases store the keyed pseudonym");
        setClientKey(old, legacyClient);
        json(markSpam(old, ADMIN, null, Json.object().put("reason", "广告").put("blockDays", 5)));
        assertError(submitFrom("198.51.100.20", from("13900000013")), 403, "SUBMITTER_BLOCKED", null);
        assertError(submitFrom("192.0.2.21", from("13900000012")), 403, "SUBMITTER_BLOCKED", null);

        // the mark wrote its phone block under the pseudonym only, its client block under the key the case stored
        Set<String> blocks = new TreeSet<>();
        for (var item : dynamo.scanPaginator(b -> b.tableName(Tables.physical(Tables.EPHEMERAL)))
                .items()) {
            if (item.get("pk").s().startsWith("block#"))
                blocks.add(item.get("pk").s());
        }
        assertEquals(
                Set.of(
                        "block#phone#" + legacyDigest("phone:13900000011"),
                        "block#phone#" + app.personalData().pseudonyms().phone("13900000012"),
                        "block#client#" + legacyClient),
                blocks);

        // each ends with its time
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        assertEquals(201, submitFrom("198.51.100.20", from("13900000012")).getStatusCode());
        assertError(submitFrom("192.0.2.20", from("13900000011")), 403, "SUBMITTER_BLOCKED", null);
        clock.advance(Duration.ofDays(5));
        assertEquals(201, submitFrom("192.0.2.20", from("13900000011")).getStatusCode());
    }

    private void putBlock(String pk, Instant until) {
        dynamo.putItem(b -> b.tableName(Tables.physical(Tables.EPHEMERAL))
                .item(Map.of(
                        "pk",
                        AttributeValue.fromS(pk),
                        Tables.EXPIRES_AT,
                        AttributeValue.fromN(Long.toString(until.getEpochSecond())))));
    }

    private void setClientKey(String trackingNo, String clientKey) {
        dynamo.updateItem(b -> b.tableName(Tables.physical(Tables.CASES))
                .key(Map.of("pk", AttributeValue.fromS(trackingNo)))
                .updateExpression("SET clientKey = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(clientKey))));
    }

    /** Issue 21's unkeyed digest, as SubmitterBlocks wrote it before the keyed pseudonyms. */
    static String legacyDigest(String text) {
        return Sha256.hex("banshi-block:" + text);
    }

    @Test
    void blockDaysZeroMarksWithoutBlocking() {
        String junk = json(submitFrom("198.51.100.9", from("13900000009")))
                .get("trackingNo")
                .asText();
        JsonNode marked = json(
                markSpam(junk, ADMIN, null, Json.object().put("reason", "测试").put("blockDays", 0)));
        assertTrue(marked.at("/spam/blockedUntil").isNull());
        assertEquals(201, submitFrom("198.51.100.9", from("13900000009")).getStatusCode());
        assertError(
                markSpam(
                        json(submitFrom("198.51.100.9", from("13900000009")))
                                .get("trackingNo")
                                .asText(),
                        ADMIN,
                        null,
                        Json.object().put("reason", "测试").put("blockDays", 400)),
                400,
                "OUT_OF_RANGE",
                "blockDays");
    }

    @Test
    void crudeBotsAreAnsweredLikeASuccessAndStoredNowhere() {
        int cases = caseCount();
        APIGatewayV2HTTPResponse trapped =
                submitFrom("203.0.113.50", complaint().put("website", "http://spam.example"));
        assertEquals(201, trapped.getStatusCode(), "answered like success");
        JsonNode receipt = json(trapped);
        assertFalse(receipt.get("trackingNo").asText().isBlank());
        assertFalse(receipt.get("accessCode").asText().isBlank());
        assertFalse(receipt.get("dueDate").isNull());
        APIGatewayV2HTTPResponse fast =
                submitFrom("203.0.113.50", complaint().put("website", "").put("fillMs", 800));
        assertEquals(201, fast.getStatusCode());
        assertEquals(cases, caseCount(), "stored nowhere");
        var track = call(
                new TrackingHandler(app),
                Events.get(
                                "/api/v1/track/{trackingNo}",
                                "/api/v1/track/" + receipt.get("trackingNo").asText())
                        .header("x-access-code", receipt.get("accessCode").asText()));
        assertEquals(404, track.getStatusCode(), "the decoy number tracks nothing");

        // a person who took their time, honeypot empty
        assertEquals(
                201,
                submitFrom("203.0.113.50", complaint().put("website", "").put("fillMs", 45_000))
                        .getStatusCode());
        assertEquals(cases + 1, caseCount());
    }

    /** The default block, as the code has it. */
    static final class SpamMarkingDays {
        static final int DEFAULT = SpamMarking.DEFAULT_BLOCK_DAYS;
    }
}

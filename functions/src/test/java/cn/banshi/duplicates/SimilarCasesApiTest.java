package cn.banshi.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.PendingNotice;
import cn.banshi.json.Json;
import cn.banshi.notifications.DispatchSettings;
import cn.banshi.notifications.SendResult;
import cn.banshi.notifications.SmsMessage;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 19 at intake: suggestions (scope, public parts only, bounds) and following a case instead of filing. */
class SimilarCasesApiTest extends ApiTestSupport {
    static final String DRAIN = "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。";

    SimilarCasesHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2026-03-02T10:00:00");
        handler = new SimilarCasesHandler(app);
    }

    private String file(String town, String village, String category, String title, String description, String who) {
        ObjectNode body = complaint()
                .put("village", village)
                .put("category", category)
                .put("title", title)
                .put("description", description);
        body.with("submitter").put("name", who);
        return submitOnline(town, "complaints", body).get("trackingNo").asText();
    }

    private String file(String village, String title, String description) {
        return file("gaocheng", village, "environment", title, description, "王小明");
    }

    private APIGatewayV2HTTPResponse suggest(String town, String category, String village, String text) {
        ObjectNode body =
                Json.object().put("category", category).put("village", village).put("text", text);
        return call(
                handler,
                Events.post(
                        "/api/v1/towns/{town}/similar-cases",
                        "/api/v1/towns/" + town + "/similar-cases",
                        Json.write(body)));
    }

    private static List<String> numbers(APIGatewayV2HTTPResponse response) {
        assertEquals(200, response.getStatusCode(), response.getBody());
        List<String> out = new ArrayList<>();
        for (JsonNode item : json(response).get("items"))
            out.add(item.get("trackingNo").asText());
        return out;
    }

    private APIGatewayV2HTTPResponse follow(String trackingNo, ObjectNode body) {
        return call(
                handler,
                Events.post(
                        "/api/v1/towns/{town}/cases/{trackingNo}/followers",
                        "/api/v1/towns/gaocheng/cases/" + trackingNo + "/followers",
                        Json.write(body)));
    }

    @Test
    void suggestsOpenSimilarCasesOfTheVillageAndCategoryOnlyAndNothingPersonal() {
        String same = file("meijiadu", "河道有垃圾", DRAIN);
        String paraphrase = file("meijiadu", "河道里垃圾没人清理", "东侧河道里漂着大量生活垃圾，一周了还没有人清理。");
        String otherProblem = file("meijiadu", "路灯坏了", "梅家渎村东侧河桥边的路灯坏了一个星期，晚上很黑。");
        String otherVillage = file("fucun", "河道有垃圾", DRAIN.replace("梅家渎村", "赋村村"));
        String otherCategory = file("gaocheng", "meijiadu", "urban-management", "河道有垃圾", DRAIN, "王小明");
        String otherTown = file("dingshu", "dingshan", "environment", "河道有垃圾", DRAIN, "王小明");
        String finished = file("meijiadu", "河道有垃圾", DRAIN);
        act(finished, "accept");
        act(finished, "reply", "reply", "已安排保洁人员于本周内清理河道垃圾。");
        act(finished, "resolve");

        var response = suggest("gaocheng", "environment", "meijiadu", "河道有垃圾 " + DRAIN);
        List<String> found = numbers(response);
        assertEquals(Set.of(same, paraphrase), new HashSet<>(found), response.getBody());
        assertEquals(same, found.get(0), "the closest first");
        for (String never : List.of(otherProblem, otherVillage, otherCategory, otherTown, finished)) {
            assertFalse(found.contains(never), never);
        }
        String body = response.getBody();
        for (String personal : List.of("王小明", "13912345678", "东河桥边", "31.45", "submitter", "personal")) {
            assertFalse(body.contains(personal), personal + " in " + body);
        }
        JsonNode first = json(response).get("items").get(0);
        assertEquals("meijiadu", first.get("village").asText());
        assertEquals("梅家渎村", first.get("villageName").asText());
        assertEquals("submitted", first.get("status").asText());
        // the other town sees its own case only
        assertEquals(List.of(otherTown), numbers(suggest("dingshu", "environment", "dingshan", "河道有垃圾 " + DRAIN)));
    }

    @Test
    void atMostFiveAndOnlyTheLast90Days() {
        String old = file("meijiadu", "河道有垃圾", DRAIN);
        clock.advance(Duration.ofDays(91));
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 7; i++) recent.add(file("meijiadu", "河道有垃圾", DRAIN + "（第" + i + "次反映）"));
        List<String> found = numbers(suggest("gaocheng", "environment", "meijiadu", "河道有垃圾 " + DRAIN));
        assertEquals(5, found.size());
        assertTrue(recent.containsAll(found));
        assertFalse(found.contains(old), "received 91 days ago");
        assertEquals(
                LocalDate.of(2026, 6, 1),
                app.cases().find(found.get(0)).orElseThrow().receivedOn());
    }

    @Test
    void theDraftIsCheckedBeforeAnythingIsRead() {
        assertError(suggest("gaocheng", "environment", "meijiadu", "河道有垃圾"), 400, "TOO_SHORT", "text");
        assertError(suggest("gaocheng", "dispute-neighbour", "meijiadu", DRAIN), 400, "UNKNOWN_CATEGORY", "category");
        assertError(suggest("gaocheng", "environment", "nowhere", DRAIN), 400, "UNKNOWN_VILLAGE", "village");
        assertError(suggest("nowhere", "environment", "meijiadu", DRAIN), 404, "UNKNOWN_TOWN", "town");
    }

    @Test
    void aFollowerGetsTheCasesPublicStepsButNotItsAccessCode() {
        String no = file("meijiadu", "河道有垃圾", DRAIN);
        ObjectNode contact = Json.object().put("phone", "13700001111");
        var first = follow(no, contact);
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(no, json(first).get("trackingNo").asText());
        assertEquals("sms", json(first).get("notify").asText());
        var again = follow(no, contact);
        assertEquals(200, again.getStatusCode());
        assertTrue(json(again).get("alreadyFollowing").asBoolean());
        assertFalse(first.getBody().contains("13700001111"), "the contact is not echoed");

        CaseRecord stored = app.cases().find(no).orElseThrow();
        assertEquals(1, stored.personal().followers().size());
        assertEquals("13700001111", stored.personal().followers().get(0).phone());
        act(no, "accept");

        List<SmsMessage> sent = new ArrayList<>();
        app.dispatcher(
                        m -> {
                            sent.add(m);
                            return SendResult.sent("p-" + sent.size());
                        },
                        m -> SendResult.sent("e"),
                        new DispatchSettings(
                                "https://banshi.example", "noreply@gaocheng.gov.cn", Duration.ofMinutes(2), 4, 10))
                .run("gaocheng");
        List<SmsMessage> toFollower =
                sent.stream().filter(m -> m.phone().equals("13700001111")).toList();
        assertEquals(
                List.of("following", "accepted"),
                toFollower.stream()
                        .map(SmsMessage::kind)
                        .sorted((a, b) -> b.compareTo(a))
                        .toList());
        for (SmsMessage m : toFollower) {
            assertTrue(m.text().contains(no), m.text());
            assertFalse(m.params().containsKey("accessCode"));
        }
        assertTrue(sent.stream()
                .anyMatch(m -> m.phone().equals("13912345678") && m.kind().equals("received")));
        for (PendingNotice n : app.cases().find(no).orElseThrow().outbox()) {
            throw new AssertionError("all taken over: " + n);
        }
    }

    @Test
    void onlyOpenHotlineCasesOfTheTownCanBeFollowed() {
        String no = file("meijiadu", "河道有垃圾", DRAIN);
        String otherTown = file("dingshu", "dingshan", "environment", "河道有垃圾", DRAIN, "王小明");
        ObjectNode contact = Json.object().put("email", "neighbour@example.com");
        assertError(follow(otherTown, contact), 404, "NOT_FOUND", "trackingNo");
        assertError(follow("7K3M-9QXD-T4W2-H8PZ", contact), 404, "NOT_FOUND", "trackingNo");
        assertError(follow(no, Json.object()), 400, "REQUIRED", "phone");
        assertError(
                follow(no, Json.object().put("email", "a@example.com").put("notify", "sms")),
                400,
                "NOT_ALLOWED",
                "notify");
        act(no, "accept");
        act(no, "reply", "reply", "已安排保洁人员于本周内清理河道垃圾。");
        act(no, "resolve");
        assertError(follow(no, contact), 422, "NOT_FOLLOWABLE", "trackingNo");
        assertTrue(app.cases().find(no).orElseThrow().personal().followers().isEmpty());
    }

    @Test
    void staffSeeSimilarCasesOpenAndFinishedOfTheirVillage() {
        String first = file("meijiadu", "河道有垃圾", DRAIN);
        act(first, "accept");
        act(first, "reply", "reply", "已安排保洁人员于本周内清理河道垃圾。");
        act(first, "resolve");
        String again = file("meijiadu", "河道又有垃圾", DRAIN);
        String unrelated = file("meijiadu", "路灯坏了", "梅家渎村东侧河桥边的路灯坏了一个星期，晚上很黑。");
        var response = call(
                handler,
                as(
                        Events.get(
                                "/api/v1/admin/cases/{trackingNo}/similar",
                                "/api/v1/admin/cases/" + again + "/similar"),
                        VILLAGE,
                        "meijiadu"));
        List<String> found = numbers(response);
        assertEquals(List.of(first), found, response.getBody());
        assertFalse(found.contains(unrelated));
        assertFalse(json(response).get("items").get(0).get("open").asBoolean());
        assertFalse(response.getBody().contains("王小明"));
        var otherVillage = call(
                handler,
                as(
                        Events.get(
                                "/api/v1/admin/cases/{trackingNo}/similar",
                                "/api/v1/admin/cases/" + again + "/similar"),
                        VILLAGE,
                        "fucun"));
        assertError(otherVillage, 404, "NOT_FOUND", "trackingNo");
    }
}

package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.cases.CaseItems;
import cn.banshi.json.Json;
import cn.banshi.store.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox's guarantees: concurrent retries of one action send one message; a dispatcher that dies before sending
 * loses nothing, one that dies after sending and before marking sends again once; quiet hours and the daily cap hold
 * (injected clock); permanent failures are recorded and shown to staff, never retried; transient ones are retried a
 * bounded number of times.
 */
class NotificationDeliveryTest extends ApiTestSupport {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    NotificationFixture n;

    /** What a process kill looks like to the code running: nothing after it happens. */
    static final class Killed extends Error {}

    @BeforeEach
    void setUp() {
        setUpApp("2021-04-06T09:00");
        n = new NotificationFixture(app, clock, mail, dir);
    }

    String submitSmsOnly() {
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        n.run();
        assertEquals(1, n.newSms().size(), "the receipt");
        return no;
    }

    @Test
    void twentyConcurrentRetriesOfOneActionSendOneMessage() throws Exception {
        String no = submitSmsOnly();
        long version = app.cases().find(no).orElseThrow().version();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return act(no, version, ADMIN, null, Json.object().put("action", "accept"))
                        .getStatusCode();
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Integer> f : answers) if (f.get() == 200) ok++;
        pool.shutdown();
        assertEquals(1, ok, "one action wins");
        // two dispatchers at once, as the schedule and a run after a write may overlap
        ExecutorService dispatchers = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = List.of(dispatchers.submit(n::run), dispatchers.submit(n::run));
        for (Future<?> f : runs) f.get();
        dispatchers.shutdown();
        n.run();
        assertEquals(1, n.newSms().size());
        assertEquals(2, app.messages().byCase(no).size());
    }

    @Test
    void dispatcherKilledAfterSendingSendsAgainOnceAfterTheLease() {
        String no = submitSmsOnly();
        act(no, "accept");
        AtomicInteger delivered = new AtomicInteger();
        SmsSender sms = n.recordingSms();
        SmsSender killedAfterSend = m -> {
            sms.send(m);
            delivered.incrementAndGet();
            throw new Killed();
        };
        assertThrows(
                Killed.class,
                () -> n.dispatcher(killedAfterSend, n.smtp, NotificationFixture.SETTINGS)
                        .run("gaocheng"));
        assertEquals(1, n.newSms().size(), "sent once before the kill");
        n.run();
        assertEquals(0, n.newSms().size(), "the dead dispatcher's claim holds until the lease ends");
        clock.advance(Duration.ofMinutes(3));
        n.run();
        assertEquals(1, n.newSms().size(), "sent again, once");
        n.run();
        clock.advance(Duration.ofMinutes(10));
        n.run();
        assertEquals(0, n.newSms().size());
        Message accepted = accepted(no);
        assertEquals(MessageState.SENT, accepted.state());
        assertEquals(2, accepted.attempts());
        assertNull(accepted.to(), "the number is not kept once sent");
    }

    @Test
    void dispatcherKilledBeforeSendingLosesNothing() {
        String no = submitSmsOnly();
        act(no, "accept");
        SmsSender killedBeforeSend = m -> {
            throw new Killed();
        };
        assertThrows(
                Killed.class,
                () -> n.dispatcher(killedBeforeSend, n.smtp, NotificationFixture.SETTINGS)
                        .run("gaocheng"));
        assertEquals(0, n.newSms().size());
        clock.advance(Duration.ofMinutes(3));
        n.run();
        assertEquals(1, n.newSms().size());
        assertEquals(MessageState.SENT, accepted(no).state());
    }

    @Test
    void dispatcherKilledWhileTakingOverAddsNoSecondMessage() {
        String no = submitSmsOnly();
        act(no, "accept");
        // the case item as it was stored before the take-over (personal data sealed), outbox included
        Map<String, AttributeValue> before = dynamo.getItem(b -> b.tableName(Tables.physical(Tables.CASES))
                        .consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS(no))))
                .item();
        assertTrue(before.containsKey(CaseItems.OUTBOX));
        n.run();
        assertEquals(1, n.newSms().size());
        // a clerk's write that read the case before the take-over puts the outbox back
        dynamo.putItem(b -> b.tableName(Tables.physical(Tables.CASES)).item(before));
        Dispatcher.Report again = n.run();
        assertEquals(0, again.takenOver(), "the message exists under its id already");
        assertEquals(0, n.newSms().size());
        assertFalse(CaseItems.toItem(app.cases().find(no).orElseThrow()).containsKey(CaseItems.OUTBOX));
    }

    @Test
    void quietHoursHoldSmsUntilEightButNotEmail() {
        clock.set(Instant.parse("2021-04-06T13:30:00Z")); // 21:30 Beijing
        ObjectNode body = complaint();
        ((ObjectNode) body.get("submitter")).put("email", "wang@example.com");
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        Dispatcher.Report night = n.run();
        assertEquals(1, night.sent(), "the e-mail goes at once");
        assertEquals(1, night.deferred());
        assertEquals(0, n.newSms().size());
        assertEquals(1, n.newMail().size());
        Message waiting = app.messages().byCase(no).stream()
                .filter(m -> m.channel() == Channel.SMS)
                .findFirst()
                .orElseThrow();
        assertEquals(Instant.parse("2021-04-07T00:00:00Z"), waiting.sendAfter()); // 08:00 Beijing
        clock.set(Instant.parse("2021-04-06T23:59:00Z")); // 07:59
        n.run();
        assertEquals(0, n.newSms().size());
        clock.set(Instant.parse("2021-04-07T00:00:00Z")); // 08:00
        n.run();
        assertEquals(1, n.newSms().size());
    }

    @Test
    void dailyCapPerNumberDefersTheRestToTomorrowMorning() {
        DispatchSettings capOfThree = NotificationFixture.SETTINGS.withPerDay(3);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            numbers.add(
                    submitOnline("complaints", complaint()).get("trackingNo").asText());
        }
        Dispatcher.Report today =
                n.dispatcher(n.recordingSms(), n.smtp, capOfThree).run("gaocheng");
        assertEquals(3, today.sent());
        assertEquals(1, today.deferred());
        assertEquals(3, n.newSms().size());
        clock.advance(Duration.ofHours(12)); // 21:00, still the same day
        n.dispatcher(n.recordingSms(), n.smtp, capOfThree).run("gaocheng");
        assertEquals(0, n.newSms().size());
        clock.set(Instant.parse("2021-04-07T00:00:00Z")); // 08:00 the next day
        n.dispatcher(n.recordingSms(), n.smtp, capOfThree).run("gaocheng");
        assertEquals(1, n.newSms().size());
        for (String no : numbers) {
            Message m = app.messages().byCase(no).get(0);
            assertEquals(MessageState.SENT, m.state());
            assertEquals(1, m.attempts(), "waiting for the cap uses up no attempt");
            assertEquals(null, m.error(), "a sent message shows no earlier wait as an error");
        }
    }

    @Test
    void permanentFailureIsRecordedAndShownToStaffNeverRetried() {
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        AtomicInteger tries = new AtomicInteger();
        SmsSender invalidNumber = m -> {
            tries.incrementAndGet();
            return SendResult.permanentFailure("号码无效（isv.MOBILE_NUMBER_ILLEGAL）");
        };
        Dispatcher.Report report = n.dispatcher(invalidNumber, n.smtp, NotificationFixture.SETTINGS)
                .run("gaocheng");
        assertEquals(1, report.failed());
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofHours(1));
            n.dispatcher(invalidNumber, n.smtp, NotificationFixture.SETTINGS).run("gaocheng");
        }
        assertEquals(1, tries.get(), "never retried");
        var response = call(
                new MessagesHandler(app),
                as(
                        Events.get(
                                "/api/v1/admin/cases/{trackingNo}/messages", "/api/v1/admin/cases/" + no + "/messages"),
                        ADMIN,
                        null));
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode message = json(response).get("items").get(0);
        assertEquals("failed", message.get("state").asText());
        assertEquals("发送失败", message.get("stateName").asText());
        assertEquals("号码无效（isv.MOBILE_NUMBER_ILLEGAL）", message.get("error").asText());
        assertEquals("139****5678", message.get("to").asText());
        assertFalse(response.getBody().contains("13912345678"));
        assertTrue(message.get("text").asText().contains("查询码*****"), "the access code is not kept in the log");
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenGivenUp() {
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        AtomicInteger tries = new AtomicInteger();
        SmsSender flowControl = m -> {
            tries.incrementAndGet();
            return SendResult.transientFailure("isv.BUSINESS_LIMIT_CONTROL");
        };
        for (int i = 0; i < 12; i++) {
            n.dispatcher(flowControl, n.smtp, NotificationFixture.SETTINGS).run("gaocheng");
            clock.advance(Duration.ofMinutes(20));
        }
        assertEquals(NotificationFixture.SETTINGS.maxAttempts(), tries.get());
        Message m = app.messages().byCase(no).get(0);
        assertEquals(MessageState.FAILED, m.state());
        assertTrue(m.error().startsWith("重试 4 次仍未成功"), m.error());
    }

    @Test
    void theTownsLogListsEveryMessageNewestFirstForAdminsAndAuditorsOnly() {
        String first = submitOnline("complaints", complaint()).get("trackingNo").asText();
        clock.advance(Duration.ofMinutes(1));
        String second =
                submitOnline("complaints", complaint()).get("trackingNo").asText();
        n.run();
        Events list =
                Events.get("/api/v1/admin/messages", "/api/v1/admin/messages").query(Map.of("limit", "1"));
        var page = call(new MessagesHandler(app), as(list, AUDITOR, null));
        assertEquals(200, page.getStatusCode(), page.getBody());
        JsonNode body = json(page);
        assertEquals(second, body.get("items").get(0).get("trackingNo").asText());
        var next = call(
                new MessagesHandler(app),
                as(
                        Events.get("/api/v1/admin/messages", "/api/v1/admin/messages")
                                .query(Map.of(
                                        "limit",
                                        "1",
                                        "cursor",
                                        body.get("nextCursor").asText())),
                        ADMIN,
                        null));
        assertEquals(first, json(next).get("items").get(0).get("trackingNo").asText());
        assertError(
                call(
                        new MessagesHandler(app),
                        as(Events.get("/api/v1/admin/messages", "/api/v1/admin/messages"), VILLAGE, "meijiadu")),
                403,
                "FORBIDDEN",
                "role");
    }

    Message accepted(String no) {
        return app.messages().byCase(no).stream()
                .filter(m -> m.kind().equals("accepted"))
                .findFirst()
                .orElseThrow();
    }
}

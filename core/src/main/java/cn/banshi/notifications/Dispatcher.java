package cn.banshi.notifications;

import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.PendingNotice;
import cn.banshi.cases.Personal.Follower;
import cn.banshi.catalog.Catalogs;
import cn.banshi.logging.Log;
import cn.banshi.personaldata.Pseudonyms;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Sends what the outboxes hold, at least once. Two steps per town, both idempotent:
 *
 * <ol>
 *   <li>Take over: each case whose item carries an outbox (the sparse {@code pending-notices} index) has its messages
 *       added to the message log under ids made of the tracking number, the step and the channel (adding one twice
 *       keeps the first), then its outbox removed, conditional on the case's version (a step written meanwhile keeps
 *       its own messages).
 *   <li>Send: each waiting message whose time has come (the log's sparse {@code pending} index) is claimed for one
 *       attempt (a lease), checked against quiet hours and the daily cap, sent, and marked sent. A dispatcher that dies
 *       after sending and before marking leaves the claim to expire: the next run sends it again, once (at-least-once;
 *       docs/notifications.md). One that dies before sending loses nothing.
 * </ol>
 */
public final class Dispatcher {
    private static final Log LOG = Log.get(Dispatcher.class);
    private static final int BATCH = 100;
    private static final String MASKED_CODE = "*****";

    private final DynamoDbClient dynamo;
    private final CaseStore cases;
    private final MessageStore messages;
    private final MessageTemplates templates;
    private final Catalogs catalogs;
    private final SmsSender sms;
    private final EmailSender email;
    private final DailyCap cap;
    private final DispatchSettings settings;
    private final Clock clock;
    private final String casesTable;

    /** What one run did. */
    public record Report(int takenOver, int sent, int deferred, int failed) {
        Report plus(Report o) {
            return new Report(takenOver + o.takenOver, sent + o.sent, deferred + o.deferred, failed + o.failed);
        }
    }

    public Dispatcher(
            DynamoDbClient dynamo,
            CaseStore cases,
            MessageStore messages,
            Pseudonyms pseudonyms,
            Catalogs catalogs,
            SmsSender sms,
            EmailSender email,
            DispatchSettings settings,
            Clock clock) {
        this.dynamo = dynamo;
        this.cases = cases;
        this.messages = messages;
        this.templates = MessageTemplates.bundled();
        this.catalogs = catalogs;
        this.sms = sms;
        this.email = email;
        this.cap = new DailyCap(dynamo, pseudonyms, settings.perDay());
        this.settings = settings;
        this.clock = clock;
        this.casesTable = Tables.physical(Tables.CASES);
    }

    public Report run(Iterable<String> towns) {
        Report total = new Report(0, 0, 0, 0);
        for (String town : towns) total = total.plus(run(town));
        return total;
    }

    public Report run(String town) {
        int taken = takeOver(town);
        Report sent = send(town);
        Report report = new Report(taken, sent.sent, sent.deferred, sent.failed);
        if (taken + sent.sent + sent.deferred + sent.failed > 0) {
            LOG.info(
                    "messages dispatched",
                    "town",
                    town,
                    "takenOver",
                    taken,
                    "sent",
                    sent.sent,
                    "deferred",
                    sent.deferred,
                    "failed",
                    sent.failed);
        }
        return report;
    }

    /** Step 1: moves the town's case outboxes into the message log. */
    public int takeOver(String town) {
        int taken = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = dynamo.query(b -> {
                b.tableName(casesTable)
                        .indexName(Tables.CASES_WITH_NOTICES)
                        .keyConditionExpression("noticeTown = :town")
                        .expressionAttributeValues(Map.of(":town", AttributeValue.fromS(town)))
                        .projectionExpression("pk");
                if (exclusiveStart != null) b.exclusiveStartKey(exclusiveStart);
            });
            for (Map<String, AttributeValue> item : response.items()) {
                taken += takeOverCase(item.get("pk").s());
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return taken;
    }

    private int takeOverCase(String trackingNo) {
        int added = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<CaseRecord> found = cases.find(trackingNo);
            if (found.isEmpty() || found.get().outbox().isEmpty()) return added;
            CaseRecord c = found.get();
            for (PendingNotice n : c.outbox()) {
                Message m = message(c, n);
                // a follower removed meanwhile (an unmerge) is told nothing more
                if (m != null && messages.add(m)) added++;
            }
            try {
                dynamo.updateItem(b -> b.tableName(casesTable)
                        .key(Map.of("pk", AttributeValue.fromS(trackingNo)))
                        .updateExpression("REMOVE #outbox, #town, #key")
                        .conditionExpression("version = :v")
                        .expressionAttributeNames(Map.of(
                                "#outbox",
                                CaseItems.OUTBOX,
                                "#town",
                                CaseItems.NOTICE_TOWN,
                                "#key",
                                CaseItems.NOTICE_KEY))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(c.version())))));
                return added;
            } catch (ConditionalCheckFailedException changed) {
                // a step was written meanwhile: take over its messages too
            }
        }
        return added;
    }

    Message message(CaseRecord c, PendingNotice n) {
        String to;
        if (n.follower() == null) {
            to = n.channel() == Channel.SMS
                    ? c.personal().contactPhone()
                    : c.personal().contactEmail();
        } else {
            Optional<Follower> follower = c.personal().followers().stream()
                    .filter(f -> f.id().equals(n.follower()))
                    .findFirst();
            if (follower.isEmpty()) return null;
            to = n.channel() == Channel.SMS
                    ? follower.get().phone()
                    : follower.get().email();
        }
        String townName = townName(c.town());
        Map<String, String> params = withLinks(n.params(), c.town());
        Map<String, String> shown = new HashMap<>(params);
        if (shown.containsKey("accessCode")) shown.put("accessCode", MASKED_CODE);
        String subject = null;
        String text;
        if (n.channel() == Channel.SMS) {
            text = templates.sms(n.kind(), townName, shown);
        } else {
            MessageTemplates.EmailText e = templates.email(n.kind(), townName, shown);
            subject = e.subject();
            text = e.body();
        }
        return Message.pending(
                c.trackingNo() + "#" + n.id(),
                c.town(),
                c.trackingNo(),
                n.kind(),
                n.channel(),
                to,
                n.params(),
                subject,
                text,
                n.at());
    }

    private Map<String, String> withLinks(Map<String, String> params, String town) {
        Map<String, String> p = new HashMap<>(params);
        p.put("townName", townName(town));
        if (p.containsKey("trackingNo"))
            p.put("trackingUrl", settings.siteUrl() + "/track.html?no=" + p.get("trackingNo"));
        p.put("consoleUrl", settings.siteUrl() + "/admin/");
        return p;
    }

    private String townName(String town) {
        return catalogs.town(town).map(cat -> cat.town().name()).orElse(town);
    }

    /** Step 2: sends the town's waiting messages whose time has come. */
    public Report send(String town) {
        Instant now = clock.instant();
        int sent = 0;
        int deferred = 0;
        int failed = 0;
        for (String id : messages.due(town, now, BATCH)) {
            Optional<Message> found = messages.find(id);
            if (found.isEmpty() || found.get().state() != MessageState.PENDING) continue;
            Message m = found.get();
            switch (sendOne(m, now)) {
                case SENT -> sent++;
                case DEFERRED -> deferred++;
                case FAILED -> failed++;
                case SKIPPED -> {}
            }
        }
        return new Report(0, sent, deferred, failed);
    }

    private enum Outcome {
        SENT,
        DEFERRED,
        FAILED,
        SKIPPED
    }

    private Outcome sendOne(Message m, Instant now) {
        if (m.to() == null) {
            messages.markFailed(m.id(), now, "没有可用的联系方式");
            return Outcome.FAILED;
        }
        if (m.channel() == Channel.SMS && QuietHours.contains(now)) {
            messages.reschedule(m.id(), QuietHours.nextAllowed(now), null);
            return Outcome.DEFERRED;
        }
        if (!messages.claim(m.id(), now, now.plus(settings.lease()))) return Outcome.SKIPPED;
        if (!cap.take(m.channel(), m.to(), now)) {
            messages.postpone(m.id(), QuietHours.nextMorning(now), "已达每日条数上限，次日 08:00 后发送");
            return Outcome.DEFERRED;
        }
        SendResult result;
        try {
            result = deliver(m);
        } catch (RuntimeException e) {
            result = SendResult.transientFailure(e.getClass().getSimpleName());
        }
        Instant done = clock.instant();
        if (result instanceof SendResult.Sent s) {
            messages.markSent(m.id(), done, s.providerId());
            return Outcome.SENT;
        }
        SendResult.Failed f = (SendResult.Failed) result;
        int attempts = m.attempts() + 1;
        if (f.permanent() || attempts >= settings.maxAttempts()) {
            String reason = f.permanent() ? f.reason() : "重试 " + attempts + " 次仍未成功：" + f.reason();
            messages.markFailed(m.id(), done, reason);
            LOG.warn(
                    "message failed",
                    "messageId",
                    m.id(),
                    "kind",
                    m.kind(),
                    "channel",
                    m.channel().code());
            return Outcome.FAILED;
        }
        messages.reschedule(m.id(), done.plus(backoff(attempts)), f.reason());
        return Outcome.DEFERRED;
    }

    /** 1, 2, 4, 8, 16 minutes after the attempts so far. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(1L << Math.min(attempts - 1, 4));
    }

    private SendResult deliver(Message m) {
        String townName = townName(m.town());
        Map<String, String> params = withLinks(m.params(), m.town());
        if (m.channel() == Channel.SMS) {
            String template = templates.template(m.kind()).sms();
            Map<String, String> variables =
                    MessageTemplates.variables(template).stream().collect(Collectors.toMap(v -> v, params::get));
            return sms.send(new SmsMessage(
                    m.id(), m.to(), townName + "人民政府", m.kind(), variables, templates.sms(m.kind(), townName, params)));
        }
        MessageTemplates.EmailText e = templates.email(m.kind(), townName, params);
        return email.send(
                new EmailMessage(m.id(), settings.emailFrom(), townName + "人民政府", m.to(), e.subject(), e.body()));
    }

    /** The messages of a town's log that {@link #send} would look at now (for tests and the console). */
    public List<String> dueNow(String town) {
        return messages.due(town, clock.instant(), BATCH);
    }
}

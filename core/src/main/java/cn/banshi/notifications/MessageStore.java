package cn.banshi.notifications;

import cn.banshi.errors.Errors;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.QueryPages;
import cn.banshi.store.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The message log and send queue (table {@code messages}): one item per message, keyed by its id, so that adding a
 * message twice keeps the first. Waiting messages carry {@code pendingTown} and {@code sendAfterKey} (a sparse index,
 * read by the dispatcher with a Query, never a Scan); state changes are conditional on the state, so a message sent
 * is never put back to waiting.
 */
public final class MessageStore {
    /** Fixed width, so that keys order by time. */
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final PersonalData personalData;

    public MessageStore(DynamoDbClient dynamo) {
        this(dynamo, PersonalData.shared(dynamo));
    }

    public MessageStore(DynamoDbClient dynamo, PersonalData personalData) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.MESSAGES);
        this.personalData = personalData;
    }

    /** Adds the message unless one with its id exists; whether it was added. */
    public boolean add(Message m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(m.id()));
        item.put("town", s(m.town()));
        if (m.trackingNo() != null) item.put("trackingNo", s(m.trackingNo()));
        item.put("kind", s(m.kind()));
        item.put("channel", s(m.channel().code()));
        if (m.to() != null) item.put("to", s(m.to()));
        if (m.toMasked() != null) item.put("toMasked", s(m.toMasked()));
        if (!m.params().isEmpty()) item.put("params", params(m.params()));
        if (m.subject() != null) item.put("subject", s(m.subject()));
        item.put("text", s(m.text()));
        item.put("state", s(m.state().code()));
        item.put("attempts", n(m.attempts()));
        item.put("createdAt", s(m.createdAt().toString()));
        item.put("createdKey", s(key(m.createdAt(), m.id())));
        item.put("sendAfter", s(m.sendAfter().toString()));
        item.put("pendingTown", s(m.town()));
        item.put("sendAfterKey", s(key(m.sendAfter(), m.id())));
        try {
            // recipient, text and parameters sealed (issue 18); state, times and index keys stay plaintext
            Map<String, AttributeValue> sealed = personalData.seal(ProtectedAttributes.MESSAGES, item);
            dynamo.putItem(b -> b.tableName(table).item(sealed).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<Message> find(String id) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("pk", s(id))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(open(response.item())))
                : Optional.empty();
    }

    /** The ids of a town's waiting messages whose time has come, oldest first (the sparse index). */
    public List<String> due(String town, Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        QueryPages.forEach(
                dynamo,
                b -> b.tableName(table)
                        .indexName(Tables.MESSAGES_PENDING)
                        .keyConditionExpression("pendingTown = :town AND sendAfterKey <= :now")
                        .expressionAttributeValues(
                                Map.of(":town", s(town), ":now", s(KEY_TIME.format(now) + "#\uffff")))
                        .projectionExpression("pk")
                        .limit(limit),
                item -> {
                    ids.add(item.get("pk").s());
                    return ids.size() < limit;
                });
        return ids;
    }

    /**
     * Takes a waiting message for one send attempt: only one dispatcher at a time holds it, until {@code leaseUntil}
     * (a dispatcher that dies while holding it leaves it to the next after that). False when it is not waiting or
     * someone else holds it.
     */
    public boolean claim(String id, Instant now, Instant leaseUntil) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(id)))
                    .updateExpression("SET leaseUntil = :lease ADD attempts :one")
                    .conditionExpression(
                            "#state = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":lease", s(KEY_TIME.format(leaseUntil)),
                            ":one", n(1),
                            ":pending", s(MessageState.PENDING.code()),
                            ":now", s(KEY_TIME.format(now)))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Sent: out of the queue; the recipient and variables are no longer kept, nor why an earlier try waited. */
    public void markSent(String id, Instant at, String providerId) {
        finish(id, MessageState.SENT, at, "providerId", providerId);
    }

    /** Failed for good: out of the queue, with the reason staff see. */
    public void markFailed(String id, Instant at, String reason) {
        finish(id, MessageState.FAILED, at, "error", reason);
    }

    private void finish(String id, MessageState state, Instant at, String attribute, String value) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(id)))
                    .updateExpression("SET #state = :state, finishedAt = :at, #attr = :value"
                            + " REMOVE pendingTown, sendAfterKey, leaseUntil, #to, params"
                            + (state == MessageState.SENT ? ", #error" : ""))
                    .conditionExpression("#state = :pending")
                    .expressionAttributeNames(
                            state == MessageState.SENT
                                    ? Map.of("#state", "state", "#attr", attribute, "#to", "to", "#error", "error")
                                    : Map.of("#state", "state", "#attr", attribute, "#to", "to"))
                    .expressionAttributeValues(Map.of(
                            ":state", s(state.code()),
                            ":at", s(at.toString()),
                            ":value", s(value == null ? "" : value),
                            ":pending", s(MessageState.PENDING.code()))));
        } catch (ConditionalCheckFailedException already) {
            // finished by another dispatcher
        }
    }

    /** Back to waiting until {@code sendAfter} (quiet hours, a retry), with the reason if any. */
    public void reschedule(String id, Instant sendAfter, String reason) {
        reschedule(id, sendAfter, reason, false);
    }

    /**
     * Back to waiting until {@code sendAfter} without having tried: the claim's attempt is given back (the daily cap),
     * so that waiting never uses up the attempts a message has for failures.
     */
    public void postpone(String id, Instant sendAfter, String reason) {
        reschedule(id, sendAfter, reason, true);
    }

    private void reschedule(String id, Instant sendAfter, String reason, boolean giveBackAttempt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":after", s(sendAfter.toString()));
        values.put(":key", s(key(sendAfter, id)));
        values.put(":pending", s(MessageState.PENDING.code()));
        String set = "SET sendAfter = :after, sendAfterKey = :key";
        if (reason != null) {
            values.put(":reason", s(reason));
            set += ", #error = :reason";
        }
        if (giveBackAttempt) {
            values.put(":minusOne", n(-1));
            set += " ADD attempts :minusOne";
        }
        String update = set + " REMOVE leaseUntil";
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(id)))
                    .updateExpression(update)
                    .conditionExpression("#state = :pending")
                    .expressionAttributeNames(
                            reason == null ? Map.of("#state", "state") : Map.of("#state", "state", "#error", "error"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException finished) {
            // finished meanwhile
        }
    }

    /** A town's messages, newest first. */
    public MessagePage byTown(String town, int limit, String cursor) {
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            String[] parts = decode(cursor);
            start = Map.of("town", s(town), "createdKey", s(parts[0]), "pk", s(parts[1]));
        }
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = dynamo.query(b -> {
            b.tableName(table)
                    .indexName(Tables.MESSAGES_BY_TOWN)
                    .keyConditionExpression("town = :town")
                    .expressionAttributeValues(Map.of(":town", s(town)))
                    .scanIndexForward(false)
                    .limit(limit);
            if (exclusiveStart != null) b.exclusiveStartKey(exclusiveStart);
        });
        List<Message> items = response.items().stream()
                .map(this::open)
                .map(MessageStore::fromItem)
                .toList();
        String next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            Map<String, AttributeValue> last = response.lastEvaluatedKey();
            next = encode(last.get("createdKey").s(), last.get("pk").s());
        }
        return new MessagePage(items, next);
    }

    /** A case's messages, oldest first. */
    public List<Message> byCase(String trackingNo) {
        List<Message> items = new ArrayList<>();
        QueryPages.all(
                dynamo,
                b -> b.tableName(table)
                        .indexName(Tables.MESSAGES_BY_CASE)
                        .keyConditionExpression("trackingNo = :no")
                        .expressionAttributeValues(Map.of(":no", s(trackingNo))),
                item -> items.add(fromItem(open(item))));
        return items;
    }

    private Map<String, AttributeValue> open(Map<String, AttributeValue> item) {
        return personalData.open(ProtectedAttributes.MESSAGES, item);
    }

    static Message fromItem(Map<String, AttributeValue> item) {
        Map<String, String> params = new HashMap<>();
        if (item.containsKey("params")) item.get("params").m().forEach((k, v) -> params.put(k, v.s()));
        return new Message(
                item.get("pk").s(),
                item.get("town").s(),
                str(item, "trackingNo"),
                item.get("kind").s(),
                Channel.fromCode(item.get("channel").s()),
                str(item, "to"),
                str(item, "toMasked"),
                params,
                str(item, "subject"),
                item.get("text").s(),
                MessageState.fromCode(item.get("state").s()),
                Integer.parseInt(item.get("attempts").n()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("sendAfter").s()),
                item.containsKey("finishedAt")
                        ? Instant.parse(item.get("finishedAt").s())
                        : null,
                str(item, "providerId"),
                str(item, "error"));
    }

    static String key(Instant at, String id) {
        return KEY_TIME.format(at.truncatedTo(ChronoUnit.SECONDS)) + "#" + id;
    }

    private static String encode(String createdKey, String pk) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((createdKey + "\n" + pk).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\n", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty() || parts[0].length() > 200)
                throw Errors.invalidCursor();
            return parts;
        } catch (IllegalArgumentException bad) {
            throw Errors.invalidCursor();
        }
    }

    private static AttributeValue params(Map<String, String> params) {
        Map<String, AttributeValue> m = new HashMap<>();
        params.forEach((k, v) -> m.put(k, s(v)));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    private static String str(Map<String, AttributeValue> m, String key) {
        AttributeValue v = m.get(key);
        return v == null ? null : v.s();
    }
}

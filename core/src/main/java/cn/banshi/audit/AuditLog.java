package cn.banshi.audit;

import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.store.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit log: every view of unmasked personal data and every staff action, per town, newest first.
 * Entries name the staff member and the case, never the personal data itself.
 */
public final class AuditLog {
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ChinaTime.ZONE);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public AuditLog(DynamoDbClient dynamo, Clock clock) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.AUDIT);
        this.clock = clock;
    }

    /** Records one event: {@code event} is e.g. view-personal-data, export-personal-data, action:accept. */
    public void record(Staff staff, String event, String trackingNo, String detail) {
        record(staff.town(), staff.sub(), staff.role().code(), staff.village(), event, trackingNo, detail);
    }

    /**
     * Records one event of someone who may not be a known staff member (a sign-in with an unknown username: town,
     * sub and role "-", in the partition of no town, which only the county's operators read).
     */
    public void record(
            String town, String sub, String roleCode, String village, String event, String trackingNo, String detail) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("town#" + town));
        item.put("sk", AttributeValue.fromS(SORTABLE.format(now) + "#" + UUID.randomUUID()));
        item.put("at", AttributeValue.fromS(now.toString()));
        item.put("sub", AttributeValue.fromS(sub));
        item.put("role", AttributeValue.fromS(roleCode));
        if (village != null) item.put("village", AttributeValue.fromS(village));
        item.put("event", AttributeValue.fromS(event));
        if (trackingNo != null) item.put("trackingNo", AttributeValue.fromS(trackingNo));
        if (detail != null) item.put("detail", AttributeValue.fromS(detail));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** A page of a town's audit entries, newest first, optionally within [from, to] (Beijing dates). */
    public AuditPage list(String town, LocalDate from, LocalDate to, int limit, String cursor) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS("town#" + town));
        values.put(":lo", AttributeValue.fromS(from == null ? "0" : from.toString()));
        values.put(":hi", AttributeValue.fromS(to == null ? "9" : to + "U"));
        if (from != null && to != null && to.isBefore(from)) {
            throw Errors.outOfRange("to", "不能早于 from", "must not be before from");
        }
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            ApiException invalid = Errors.invalidCursor();
            byte[] sk;
            try {
                sk = Base64.getUrlDecoder().decode(cursor);
            } catch (IllegalArgumentException e) {
                throw invalid;
            }
            // DynamoDB refuses a start key outside the key condition (or over 1 KiB) with a ValidationException
            String skText = new String(sk, StandardCharsets.UTF_8);
            byte[] canonical = skText.getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(sk, canonical)
                    || sk.length > 1024
                    || Arrays.compareUnsigned(canonical, values.get(":lo").s().getBytes(StandardCharsets.UTF_8)) < 0
                    || Arrays.compareUnsigned(canonical, values.get(":hi").s().getBytes(StandardCharsets.UTF_8)) > 0) {
                throw invalid;
            }
            start = Map.of("pk", AttributeValue.fromS("town#" + town), "sk", AttributeValue.fromS(skText));
        }
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = dynamo.query(b -> {
            b.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(limit);
            if (exclusiveStart != null) b.exclusiveStartKey(exclusiveStart);
        });
        List<AuditEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            entries.add(new AuditEntry(
                    Instant.parse(item.get("at").s()),
                    item.get("sub").s(),
                    item.get("role").s(),
                    text(item, "village"),
                    item.get("event").s(),
                    text(item, "trackingNo"),
                    text(item, "detail")));
        }
        String next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            next = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(response.lastEvaluatedKey().get("sk").s().getBytes(StandardCharsets.UTF_8));
        }
        return new AuditPage(entries, next);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}

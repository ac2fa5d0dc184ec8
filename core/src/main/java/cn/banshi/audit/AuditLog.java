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

    /** Pages one filtered request reads at most (each up to {@link #FILTERED_READ} entries). */
    static final int MAX_READ_PAGES = 10;

    static final int FILTERED_READ = 100;

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
        return list(town, new AuditFilter(from, to, null, null, null), limit, cursor);
    }

    /**
     * A page of a town's audit entries matching {@code filter}, newest first. The date range is the key condition;
     * event, staff member and case are filters on what the query reads, so a page reads on until it has {@code
     * limit} entries or has read {@link #MAX_READ_PAGES} pages (then it may be short, with a cursor to go on). The
     * cursor is the sort key of the last entry returned.
     */
    public AuditPage list(String town, AuditFilter filter, int limit, String cursor) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS("town#" + town));
        values.put(
                ":lo",
                AttributeValue.fromS(filter.from() == null ? "0" : filter.from().toString()));
        values.put(":hi", AttributeValue.fromS(filter.to() == null ? "9" : filter.to() + "U"));
        Map<String, AttributeValue> start = cursor == null ? null : startKey(town, cursor, values);
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        if (filter.event() != null) {
            conditions.add("begins_with(#event, :event)");
            names.put("#event", "event");
            values.put(":event", AttributeValue.fromS(filter.event()));
        }
        if (filter.sub() != null) {
            conditions.add("#sub = :sub");
            names.put("#sub", "sub");
            values.put(":sub", AttributeValue.fromS(filter.sub()));
        }
        if (filter.trackingNo() != null) {
            conditions.add("trackingNo = :no");
            values.put(":no", AttributeValue.fromS(filter.trackingNo()));
        }
        List<AuditEntry> items = new ArrayList<>();
        String next = null;
        for (int page = 0; page < MAX_READ_PAGES; page++) {
            Map<String, AttributeValue> exclusiveStart = start;
            int want = limit - items.size();
            QueryResponse response = dynamo.query(b -> {
                b.tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                        .expressionAttributeValues(values)
                        .scanIndexForward(false)
                        .limit(conditions.isEmpty() ? want : Math.max(want, FILTERED_READ));
                if (!conditions.isEmpty()) b.filterExpression(String.join(" AND ", conditions));
                if (!names.isEmpty()) b.expressionAttributeNames(names);
                if (exclusiveStart != null) b.exclusiveStartKey(exclusiveStart);
            });
            boolean more = response.hasLastEvaluatedKey()
                    && !response.lastEvaluatedKey().isEmpty();
            List<Map<String, AttributeValue>> found = response.items();
            for (int i = 0; i < found.size(); i++) {
                items.add(entry(found.get(i)));
                if (items.size() == limit) {
                    if (i < found.size() - 1 || more)
                        next = found.get(i).get("sk").s();
                    break;
                }
            }
            if (items.size() == limit || !more) break;
            start = response.lastEvaluatedKey();
            if (page == MAX_READ_PAGES - 1) next = start.get("sk").s();
        }
        return new AuditPage(
                items,
                next == null
                        ? null
                        : Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(next.getBytes(StandardCharsets.UTF_8)));
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(
                Instant.parse(item.get("at").s()),
                item.get("sub").s(),
                item.get("role").s(),
                text(item, "village"),
                item.get("event").s(),
                text(item, "trackingNo"),
                text(item, "detail"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** The cursor back to a start key; DynamoDB refuses one outside the key condition (or over 1 KiB). */
    private static Map<String, AttributeValue> startKey(
            String town, String cursor, Map<String, AttributeValue> values) {
        ApiException invalid = Errors.invalidCursor();
        byte[] sk;
        try {
            sk = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        String skText = new String(sk, StandardCharsets.UTF_8);
        byte[] canonical = skText.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(sk, canonical)
                || sk.length > 1024
                || Arrays.compareUnsigned(canonical, values.get(":lo").s().getBytes(StandardCharsets.UTF_8)) < 0
                || Arrays.compareUnsigned(canonical, values.get(":hi").s().getBytes(StandardCharsets.UTF_8)) > 0) {
            throw invalid;
        }
        return Map.of("pk", AttributeValue.fromS("town#" + town), "sk", AttributeValue.fromS(skText));
    }
}

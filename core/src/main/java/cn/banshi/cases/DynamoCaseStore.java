package cn.banshi.cases;

import cn.banshi.catalog.CaseType;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.personaldata.PersonIndex;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.store.AttributeJson;
import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The case table through the AWS SDK v2 low-level client. Lists use Query on the indexes, never Scan. */
public final class DynamoCaseStore implements CaseStore {
    /** The store's own attribute on a created item (not part of the record): the write nonce of its creation. */
    public static final String IDEMPOTENCY_REF = "idemRef";

    private final DynamoDbClient dynamo;
    private final String table;
    private final StoredCases stored;
    private final PersonIndex people;

    public DynamoCaseStore(DynamoDbClient dynamo) {
        this(dynamo, PersonalData.shared(dynamo));
    }

    /** Personal data sealed with {@code personalData}'s keys (issue 18); created cases filed in the people index. */
    public DynamoCaseStore(DynamoDbClient dynamo, PersonalData personalData) {
        this(dynamo, new StoredCases(personalData));
    }

    private DynamoCaseStore(DynamoDbClient dynamo, StoredCases stored) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.CASES);
        this.stored = stored;
        this.people = new PersonIndex(dynamo);
    }

    /**
     * The store of the functions that never decrypt (the overdue sweep, the deadline recompute): a case's personal
     * attribute is read sealed ({@link CaseRecord#sealedPersonal()}) and written back exactly as read, on condition that
     * it is still what was read, so a re-encryption or migration that came between is never undone. It creates no
     * cases (their beacons need the key). docs/personal-data.md.
     */
    public static DynamoCaseStore unopened(DynamoDbClient dynamo) {
        return new DynamoCaseStore(dynamo, StoredCases.unopened());
    }

    @Override
    public void create(CaseRecord record, String idempotencyRef) {
        if (stored.isUnopened())
            throw new UnsupportedOperationException("a store that does not decrypt creates no case");
        Map<String, AttributeValue> item = new HashMap<>(stored.toItem(record));
        String condition = "attribute_not_exists(pk)";
        Map<String, AttributeValue> values = Map.of();
        if (idempotencyRef != null) {
            item.put(IDEMPOTENCY_REF, AttributeValue.fromS(idempotencyRef));
            condition = "attribute_not_exists(pk) OR (idemRef = :ref AND version = :one)";
            values = Map.of(":ref", AttributeValue.fromS(idempotencyRef), ":one", AttributeValue.fromN("1"));
        }
        try {
            PutItemRequest.Builder request =
                    PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition);
            if (!values.isEmpty()) request.expressionAttributeValues(values);
            dynamo.putItem(request.build());
        } catch (ConditionalCheckFailedException taken) {
            throw new TrackingNumberTakenException(record.trackingNo());
        }
        // after the case: a retry of the same creation writes the same entries again (idempotent)
        people.index(record.town(), record.trackingNo(), stored.beacons(record));
    }

    @Override
    public Optional<CaseRecord> find(String trackingNo) {
        GetItemResponse response = dynamo.getItem(
                b -> b.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(trackingNo))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(stored.fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public void update(CaseRecord next) {
        Map<String, AttributeValue> item = stored.toItem(next);
        String condition = "version = :expected";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":expected", AttributeValue.fromN(Long.toString(next.version() - 1)));
        if (stored.isUnopened()) {
            // written back as read: only if nobody sealed or re-sealed it since (the migration keeps the version)
            AttributeValue personal = item.get("personal");
            if (next.sealedPersonal() != null) {
                condition += " AND personal = :personal";
                values.put(":personal", personal);
            } else {
                condition += " AND attribute_type(personal, :plain)";
                values.put(":plain", AttributeValue.fromS("M"));
            }
        }
        String expression = condition;
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression(expression)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException stale) {
            throw new VersionConflictException();
        }
    }

    @Override
    public CaseListPage list(CaseQuery q) {
        Plan plan = plan(q);
        Map<String, AttributeValue> startKey = q.cursor() == null ? null : decodeCursor(q.cursor(), plan);
        List<CaseRecord> items = new ArrayList<>();
        while (true) {
            QueryRequest.Builder request = request(plan)
                    .scanIndexForward(plan.ascending)
                    // with a FilterExpression most of a page may be filtered out: read further per round trip
                    .limit(plan.filter == null ? Math.max(q.limit(), 25) : Math.max(q.limit() * 10, 250));
            if (startKey != null) request.exclusiveStartKey(startKey);
            QueryResponse response = dynamo.query(request.build());
            List<Map<String, AttributeValue>> page = response.items();
            boolean pageHasMore = response.hasLastEvaluatedKey()
                    && !response.lastEvaluatedKey().isEmpty();
            for (int i = 0; i < page.size(); i++) {
                items.add(stored.fromItem(page.get(i)));
                if (items.size() == q.limit()) {
                    boolean more = i < page.size() - 1 || pageHasMore;
                    return new CaseListPage(items, more ? encodeCursor(keyOf(page.get(i), plan.index), plan) : null);
                }
            }
            if (!pageHasMore) return new CaseListPage(items, null);
            startKey = response.lastEvaluatedKey();
        }
    }

    private static final Map<String, String> FACT_NAMES = Map.of(
            "#t",
            "type",
            "#s",
            "status",
            "#c",
            "category",
            "#v",
            "village",
            "#r",
            "receivedOn",
            "#f",
            "finishedAt",
            "#o",
            "onTime",
            "#u",
            "outcome",
            "#g",
            "rating");

    @Override
    public void forEachFacts(String town, String village, LocalDate from, LocalDate to, Consumer<CaseFacts> consumer) {
        Plan plan = plan(new CaseQuery(town, null, null, village, null, from, to, null, null, false, 1000, null));
        Map<String, String> names = new HashMap<>(plan.names);
        names.putAll(FACT_NAMES);
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .indexName(plan.index.name())
                    .keyConditionExpression(plan.keyCondition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(plan.values)
                    .projectionExpression(String.join(", ", FACT_NAMES.keySet()));
            if (start != null) request.exclusiveStartKey(start);
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                consumer.accept(new CaseFacts(
                        CaseType.fromCode(item.get("type").s()),
                        item.get("status").s(),
                        item.get("category").s(),
                        item.containsKey("village") ? item.get("village").s() : null,
                        LocalDate.parse(item.get("receivedOn").s()),
                        item.containsKey("finishedAt"),
                        item.containsKey("onTime") && item.get("onTime").bool(),
                        item.containsKey("outcome") ? item.get("outcome").s() : null,
                        item.containsKey("rating")
                                ? Integer.valueOf(item.get("rating").n())
                                : null));
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    @Override
    public int countOpenDueBefore(String town, String village, LocalDate bound) {
        Plan plan = plan(CaseQuery.openDueBefore(town, village, bound, 1000));
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = request(plan).select("COUNT");
            if (start != null) request.exclusiveStartKey(start);
            QueryResponse response = dynamo.query(request.build());
            count += response.count();
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return count;
    }

    @Override
    public void forEachOpenDueBefore(String town, LocalDate bound, Consumer<CaseRecord> consumer) {
        forEach(CaseQuery.openDueBefore(town, null, bound, 500), consumer);
    }

    @Override
    public void forEachOpenDueFrom(String town, LocalDate from, Consumer<CaseRecord> consumer) {
        TableSpec.IndexSpec spec = Tables.spec(Tables.CASES).index(Tables.CASES_OPEN_BY_DUE);
        eachCase(
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(spec.name())
                        .keyConditionExpression("#pk = :pk AND #sk >= :from")
                        .expressionAttributeNames(Map.of("#pk", spec.partitionKey(), "#sk", spec.sortKey()))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(town), ":from", AttributeValue.fromS(from.toString())))
                        .limit(100)
                        .build(),
                consumer);
    }

    @Override
    public void forEachDuePending(String town, LocalDate receivedFrom, Consumer<CaseRecord> consumer) {
        TableSpec.IndexSpec spec = Tables.spec(Tables.CASES).index(Tables.CASES_BY_TOWN);
        eachCase(
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(spec.name())
                        .keyConditionExpression("#pk = :pk AND #sk >= :from")
                        .filterExpression("attribute_not_exists(#due) AND attribute_exists(#details.#pending)")
                        .expressionAttributeNames(Map.of(
                                "#pk", spec.partitionKey(),
                                "#sk", spec.sortKey(),
                                "#due", "dueDate",
                                "#details", "details",
                                "#pending", "dueDatePending"))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(town),
                                ":from", AttributeValue.fromS(receivedFrom.toString())))
                        .build(),
                consumer);
    }

    @Override
    public void forEachErasable(
            String town, CaseStatus status, LocalDate receivedBefore, Consumer<CaseRecord> consumer) {
        TableSpec.IndexSpec spec = Tables.spec(Tables.CASES).index(Tables.CASES_BY_STATUS);
        eachCase(
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(spec.name())
                        .keyConditionExpression("#pk = :pk AND #sk < :before")
                        .filterExpression("attribute_not_exists(#erased) AND attribute_not_exists(#hold)")
                        .expressionAttributeNames(Map.of(
                                "#pk",
                                spec.partitionKey(),
                                "#sk",
                                spec.sortKey(),
                                "#erased",
                                CaseItems.PERSONAL_ERASED_AT,
                                "#hold",
                                CaseItems.LEGAL_HOLD))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(town + "#" + status.code()),
                                ":before", AttributeValue.fromS(receivedBefore.toString())))
                        .limit(100)
                        .build(),
                consumer);
    }

    /** Every case a Query answers, page after page (the SDK's paginator follows LastEvaluatedKey). */
    private void eachCase(QueryRequest request, Consumer<CaseRecord> consumer) {
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            page.items().forEach(item -> consumer.accept(stored.fromItem(item)));
        }
    }

    private void forEach(CaseQuery q, Consumer<CaseRecord> consumer) {
        Plan plan = plan(q);
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request =
                    request(plan).scanIndexForward(plan.ascending).limit(q.limit());
            if (start != null) request.exclusiveStartKey(start);
            QueryResponse response = dynamo.query(request.build());
            response.items().forEach(item -> consumer.accept(stored.fromItem(item)));
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    /** The plan's Query: its index, key condition, names, values and filter. */
    private QueryRequest.Builder request(Plan plan) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(table)
                .indexName(plan.index.name())
                .keyConditionExpression(plan.keyCondition)
                .expressionAttributeNames(plan.names)
                .expressionAttributeValues(plan.values);
        if (plan.filter != null) request.filterExpression(plan.filter);
        return request;
    }

    private record Plan(
            TableSpec.IndexSpec index,
            String partitionValue,
            String keyCondition,
            String filter,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            boolean ascending) {}

    private static Plan plan(CaseQuery q) {
        TableSpec spec = Tables.spec(Tables.CASES);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> filters = new ArrayList<>();
        TableSpec.IndexSpec index;
        String partition;
        String keyCondition;
        boolean ascending = false;
        boolean byDue = q.overdueOn() != null || q.dueBefore() != null || q.provisional();
        if (byDue) {
            index = spec.index(Tables.CASES_OPEN_BY_DUE);
            partition = q.town();
            LocalDate bound = q.overdueOn() == null
                    ? q.dueBefore()
                    : q.dueBefore() == null || q.overdueOn().isBefore(q.dueBefore()) ? q.overdueOn() : q.dueBefore();
            if (bound != null) {
                keyCondition = "#pk = :pk AND #sk < :bound";
                values.put(":bound", AttributeValue.fromS(bound.toString()));
            } else {
                keyCondition = "#pk = :pk";
            }
            ascending = true;
        } else if (q.village() != null) {
            index = spec.index(Tables.CASES_BY_VILLAGE);
            partition = q.town() + "#" + q.village();
            keyCondition = rangeCondition(q, values);
        } else if (q.status() != null) {
            index = spec.index(Tables.CASES_BY_STATUS);
            partition = q.town() + "#" + q.status();
            keyCondition = rangeCondition(q, values);
        } else if (q.type() != null) {
            index = spec.index(Tables.CASES_BY_TYPE);
            partition = q.town() + "#" + q.type();
            keyCondition = rangeCondition(q, values);
        } else {
            index = spec.index(Tables.CASES_BY_TOWN);
            partition = q.town();
            keyCondition = rangeCondition(q, values);
        }
        names.put("#pk", index.partitionKey());
        if (keyCondition.contains("#sk")) names.put("#sk", index.sortKey());
        values.put(":pk", AttributeValue.fromS(partition));
        if (byDue && q.village() != null) filter(filters, names, values, "village", q.village());
        if (!index.name().equals(Tables.CASES_BY_STATUS) && q.status() != null)
            filter(filters, names, values, "status", q.status());
        if (!index.name().equals(Tables.CASES_BY_TYPE) && q.type() != null)
            filter(filters, names, values, "type", q.type());
        if (q.category() != null) filter(filters, names, values, "category", q.category());
        if (q.provisional()) {
            names.put("#prov", CaseItems.DUE_PROVISIONAL_YEAR);
            filters.add("attribute_exists(#prov)");
        }
        if (byDue && q.from() != null) {
            names.put("#ron", "receivedOn");
            values.put(":fromDate", AttributeValue.fromS(q.from().toString()));
            filters.add("#ron >= :fromDate");
        }
        if (byDue && q.to() != null) {
            names.put("#ron", "receivedOn");
            values.put(":toDate", AttributeValue.fromS(q.to().toString()));
            filters.add("#ron <= :toDate");
        }
        return new Plan(
                index,
                partition,
                keyCondition,
                filters.isEmpty() ? null : String.join(" AND ", filters),
                names,
                values,
                ascending);
    }

    private static String rangeCondition(CaseQuery q, Map<String, AttributeValue> values) {
        if (q.from() == null && q.to() == null) return "#pk = :pk";
        values.put(":lo", AttributeValue.fromS(q.from() == null ? "0" : q.from().toString()));
        // 'U' sorts after the 'T' of any time on that day
        values.put(":hi", AttributeValue.fromS(q.to() == null ? "9" : q.to().toString() + "U"));
        return "#pk = :pk AND #sk BETWEEN :lo AND :hi";
    }

    private static void filter(
            List<String> filters,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            String attribute,
            String value) {
        names.put("#f_" + attribute, attribute);
        values.put(":f_" + attribute, AttributeValue.fromS(value));
        filters.add("#f_" + attribute + " = :f_" + attribute);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, TableSpec.IndexSpec index) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", item.get("pk"));
        key.put(index.partitionKey(), item.get(index.partitionKey()));
        key.put(index.sortKey(), item.get(index.sortKey()));
        return key;
    }

    private static String encodeCursor(Map<String, AttributeValue> key, Plan plan) {
        ObjectNode node = Json.object();
        node.put("i", plan.index.name());
        ObjectNode k = node.putObject("k");
        key.forEach((name, value) -> k.put(name, value.s()));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
    }

    /** Accepts only a cursor this query could have produced: same index, same partition (so never another town's). */
    private static Map<String, AttributeValue> decodeCursor(String cursor, Plan plan) {
        try {
            JsonNode node = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            JsonNode k = node.get("k");
            if (!plan.index.name().equals(node.path("i").asText())
                    || k == null
                    || !plan.partitionValue.equals(
                            k.path(plan.index.partitionKey()).asText(null))
                    || !k.path("pk").isTextual()
                    || !k.path(plan.index.sortKey()).isTextual()
                    || k.size() != 3) {
                throw invalidCursor();
            }
            Map<String, AttributeValue> key = new HashMap<>();
            k.fields()
                    .forEachRemaining(e -> key.put(
                            e.getKey(), AttributeValue.fromS(e.getValue().asText())));
            if (!withinKeyCondition(key, plan)) throw invalidCursor();
            return key;
        } catch (IllegalArgumentException | IOException e) {
            throw invalidCursor();
        }
    }

    /**
     * DynamoDB answers a ValidationException (not a page) for a start key that is empty, longer than a key may be,
     * or outside the query's key condition; a crafted cursor must get a 400 instead.
     */
    private static boolean withinKeyCondition(Map<String, AttributeValue> key, Plan plan) {
        for (AttributeValue v : key.values()) {
            int bytes = v.s().getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > 1024) return false;
        }
        byte[] sk = key.get(plan.index.sortKey()).s().getBytes(StandardCharsets.UTF_8);
        AttributeValue lo = plan.values.get(":lo");
        AttributeValue hi = plan.values.get(":hi");
        AttributeValue bound = plan.values.get(":bound");
        return (lo == null || Arrays.compareUnsigned(sk, lo.s().getBytes(StandardCharsets.UTF_8)) >= 0)
                && (hi == null || Arrays.compareUnsigned(sk, hi.s().getBytes(StandardCharsets.UTF_8)) <= 0)
                && (bound == null || Arrays.compareUnsigned(sk, bound.s().getBytes(StandardCharsets.UTF_8)) < 0);
    }

    private static ApiException invalidCursor() {
        return Errors.invalidCursor();
    }

    static Map<String, AttributeValue> attributes(ObjectNode node) {
        return AttributeJson.toAttribute(node).m();
    }
}

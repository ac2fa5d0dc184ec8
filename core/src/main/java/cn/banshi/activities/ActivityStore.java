package cn.banshi.activities;

import cn.banshi.errors.Errors;
import cn.banshi.records.RecordUpdate;
import cn.banshi.records.TownRecords;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Activities in the {@code records} table: {@code pk = town#<town>#activity}, {@code sk} = the id, which
 * starts with the activity's year. A year is one Query; changes are single conditional writes.
 */
public final class ActivityStore {
    static final String KIND = "activity";
    private final DynamoDbClient dynamo;
    private final String table;

    public ActivityStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    public void create(Activity a, String actor, Instant now) {
        Map<String, AttributeValue> item = toItem(a);
        item.put("updatedBy", s(actor));
        item.put("updatedAt", s(now.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** A year's activities, by date. */
    public List<Activity> list(String town, int year) {
        List<Activity> result = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                    .expressionAttributeValues(
                            Map.of(":pk", s(TownRecords.pk(town, KIND)), ":year", s(TownRecords.yearPrefix(year))));
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(q.build());
            page.items().forEach(item -> result.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        result.sort(Comparator.comparing(Activity::date).thenComparing(Activity::id));
        return result;
    }

    public Optional<Activity> find(String town, String id) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(town, id)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    /** Applies the fields present, in one conditional update; empty when there is no such activity. */
    public Optional<Activity> update(String town, String id, ActivityForms.Changes changes, String actor, Instant now) {
        changes.date().ifPresent(d -> {
            if (d.getYear() != TownRecords.yearOf(id)) {
                throw Errors.notAllowed(
                        "date",
                        "活动日期不能改到其他年度，请删除后重新录入",
                        "The date cannot move to another year; delete and create the activity again");
            }
        });
        RecordUpdate update = new RecordUpdate(actor, now);
        changes.date().ifPresent(v -> update.set("date", s(v.toString())));
        changes.theme().ifPresent(v -> update.set("theme", s(v.code())));
        changes.kind().ifPresent(v -> update.set("kind", s(v.code())));
        changes.title().ifPresent(v -> update.set("title", s(v)));
        changes.description().ifPresent(v -> update.set("description", s(v)));
        changes.place().ifPresent(v -> update.set("place", s(v)));
        changes.participants().ifPresent(v -> update.set("participants", s(v)));
        changes.leaderDuty().ifPresent(v -> update.set("leaderDuty", AttributeValue.fromBool(v)));
        return update.apply(dynamo, table, key(town, id)).map(ActivityStore::fromItem);
    }

    public boolean delete(String town, String id) {
        return RecordUpdate.delete(dynamo, table, key(town, id));
    }

    private static Map<String, AttributeValue> key(String town, String id) {
        return Map.of("pk", s(TownRecords.pk(town, KIND)), "sk", s(id));
    }

    static Map<String, AttributeValue> toItem(Activity a) {
        Map<String, AttributeValue> item = new HashMap<>(key(a.town(), a.id()));
        item.put("id", s(a.id()));
        item.put("town", s(a.town()));
        item.put("date", s(a.date().toString()));
        item.put("theme", s(a.theme().code()));
        item.put("kind", s(a.kind().code()));
        item.put("title", s(a.title()));
        if (a.description() != null) item.put("description", s(a.description()));
        if (a.place() != null) item.put("place", s(a.place()));
        if (a.participants() != null) item.put("participants", s(a.participants()));
        item.put("leaderDuty", AttributeValue.fromBool(a.leaderDuty()));
        item.put("version", AttributeValue.fromN(Long.toString(a.version())));
        return item;
    }

    static Activity fromItem(Map<String, AttributeValue> item) {
        return new Activity(
                item.get("id").s(),
                item.get("town").s(),
                LocalDate.parse(item.get("date").s()),
                ActivityTheme.find(item.get("theme").s()).orElse(ActivityTheme.OTHER),
                // activities stored before kinds existed are standing measures
                ActivityKind.find(str(item, "kind")).orElse(ActivityKind.MEASURE),
                item.get("title").s(),
                str(item, "description"),
                str(item, "place"),
                str(item, "participants"),
                item.get("leaderDuty").bool(),
                Long.parseLong(item.get("version").n()));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

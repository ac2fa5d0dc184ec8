package cn.banshi.plans;

import cn.banshi.errors.Errors;
import cn.banshi.records.RecordUpdate;
import cn.banshi.records.TownRecords;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Plan items in the {@code records} table: {@code pk = town#<town>#plan-item}, {@code sk} = the id, which
 * starts with the plan year (the year of the target date).
 */
public final class PlanItemStore {
    static final String KIND = "plan-item";
    private final DynamoDbClient dynamo;
    private final String table;

    public PlanItemStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    public void create(PlanItem p, String actor, Instant now) {
        Map<String, AttributeValue> item = toItem(p, actor, now);
        item.put("createdAt", s(now.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** Stores an item unless one with its id exists (generated items: a rerun never overwrites staff edits). */
    public boolean createIfAbsent(PlanItem p, String actor, Instant now) {
        try {
            create(p, actor, now);
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** A plan year's items, in the order they were entered. */
    public List<PlanItem> list(String town, int year) {
        List<Map.Entry<String, PlanItem>> result = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                    .expressionAttributeValues(
                            Map.of(":pk", s(TownRecords.pk(town, KIND)), ":year", s(TownRecords.yearPrefix(year))));
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(q.build());
            page.items()
                    .forEach(item -> result.add(Map.entry(
                            item.containsKey("createdAt")
                                    ? item.get("createdAt").s()
                                    : "",
                            fromItem(item))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        result.sort(Map.Entry.<String, PlanItem>comparingByKey()
                .thenComparing(e -> e.getValue().id()));
        return result.stream().map(Map.Entry::getValue).toList();
    }

    public Optional<PlanItem> update(String town, String id, PlanItemForms.Changes changes, String actor, Instant now) {
        changes.targetDate().ifPresent(d -> {
            if (d.getYear() != TownRecords.yearOf(id)) {
                throw Errors.notAllowed(
                        "targetDate",
                        "完成时限不能改到其他年度，请删除后重新录入",
                        "The target date cannot move to another year; delete and create the item again");
            }
        });
        RecordUpdate update = new RecordUpdate(actor, now);
        changes.title().ifPresent(v -> update.set("title", s(v)));
        changes.description().ifPresent(v -> update.set("description", s(v)));
        changes.owner().ifPresent(v -> update.set("owner", s(v)));
        changes.place().ifPresent(v -> update.set("place", s(v)));
        changes.targetDate().ifPresent(v -> update.set("targetDate", s(v.toString())));
        changes.status().ifPresent(v -> update.set("status", s(v.code())));
        return update.apply(dynamo, table, key(town, id)).map(PlanItemStore::fromItem);
    }

    public boolean delete(String town, String id) {
        return RecordUpdate.delete(dynamo, table, key(town, id));
    }

    private static Map<String, AttributeValue> key(String town, String id) {
        return Map.of("pk", s(TownRecords.pk(town, KIND)), "sk", s(id));
    }

    static Map<String, AttributeValue> toItem(PlanItem p, String actor, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.town(), p.id()));
        item.put("id", s(p.id()));
        item.put("town", s(p.town()));
        item.put("title", s(p.title()));
        if (p.description() != null) item.put("description", s(p.description()));
        item.put("owner", s(p.owner()));
        if (p.place() != null) item.put("place", s(p.place()));
        item.put("targetDate", s(p.targetDate().toString()));
        item.put("status", s(p.status().code()));
        item.put("source", s(p.source()));
        item.put("version", AttributeValue.fromN(Long.toString(p.version())));
        item.put("updatedBy", s(actor));
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    static PlanItem fromItem(Map<String, AttributeValue> item) {
        return new PlanItem(
                item.get("id").s(),
                item.get("town").s(),
                item.get("title").s(),
                str(item, "description"),
                item.get("owner").s(),
                str(item, "place"),
                LocalDate.parse(item.get("targetDate").s()),
                PlanStatus.find(item.get("status").s()).orElse(PlanStatus.NOT_STARTED),
                item.get("source").s(),
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

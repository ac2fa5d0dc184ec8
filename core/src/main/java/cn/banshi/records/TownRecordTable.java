package cn.banshi.records;

import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One kind of per-town staff input in the {@code records} table ({@link TownRecords}' keys): a year's items in one
 * Query (all pages), a conditional create, a read, a partial update ({@link RecordUpdate}) and a delete. The stores
 * of activities and plan items map their records onto these items.
 */
public final class TownRecordTable {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String kind;

    public TownRecordTable(DynamoDbClient dynamo, String kind) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
        this.kind = kind;
    }

    public Map<String, AttributeValue> key(String town, String id) {
        return Map.of("pk", AttributeValue.fromS(TownRecords.pk(town, kind)), "sk", AttributeValue.fromS(id));
    }

    /** A new item holding only its key, to be filled in. */
    public Map<String, AttributeValue> newItem(String town, String id) {
        return new HashMap<>(key(town, id));
    }

    /** Stores a new item; a ConditionalCheckFailedException when one with its id exists. */
    public void create(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** Every item of a town's year (the ids start with the year), in key order. */
    public List<Map<String, AttributeValue>> year(String town, int year) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                    .expressionAttributeValues(Map.of(
                            ":pk",
                            AttributeValue.fromS(TownRecords.pk(town, kind)),
                            ":year",
                            AttributeValue.fromS(TownRecords.yearPrefix(year))));
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(q.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    public Optional<Map<String, AttributeValue>> find(String town, String id) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(town, id)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** The item after the update, or empty when there is no such item. */
    public Optional<Map<String, AttributeValue>> update(String town, String id, RecordUpdate update) {
        return update.apply(dynamo, table, key(town, id));
    }

    /** False when there was no such item. */
    public boolean delete(String town, String id) {
        return RecordUpdate.delete(dynamo, table, key(town, id));
    }

    /** A string attribute, or null when the item has none. */
    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}

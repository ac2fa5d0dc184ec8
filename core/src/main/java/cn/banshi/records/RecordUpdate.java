package cn.banshi.records;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A partial update of one staff-input record: the fields present are set, who and when are recorded, the
 * version goes up by one; all in one conditional UpdateItem, so a record that is gone stays gone.
 */
public final class RecordUpdate {
    private final StringBuilder set = new StringBuilder("SET updatedBy = :by, updatedAt = :at");
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    public RecordUpdate(String actor, Instant now) {
        values.put(":by", AttributeValue.fromS(actor));
        values.put(":at", AttributeValue.fromS(now.toString()));
    }

    public RecordUpdate set(String name, AttributeValue value) {
        set.append(", #").append(name).append(" = :").append(name);
        names.put("#" + name, name);
        values.put(":" + name, value);
        return this;
    }

    public RecordUpdate set(String name, String value) {
        return set(name, AttributeValue.fromS(value));
    }

    /** The record after the update, or empty when there is no such record. */
    public Optional<Map<String, AttributeValue>> apply(
            DynamoDbClient dynamo, String table, Map<String, AttributeValue> key) {
        names.put("#version", "version");
        values.put(":one", AttributeValue.fromN("1"));
        try {
            var response = dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression(set + " ADD #version :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(response.attributes());
        } catch (ConditionalCheckFailedException missing) {
            return Optional.empty();
        }
    }

    /** Deletes a record; false when there was none. */
    public static boolean delete(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key).conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }
}

package cn.banshi.cases;

import cn.banshi.store.Tables;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The case table through the AWS SDK v2 low-level client. */
public final class DynamoCaseStore implements CaseStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCaseStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.CASES);
    }

    @Override
    public void create(CaseRecord record, String idempotencyRef) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(CaseItems.toItem(record));
        String condition = "attribute_not_exists(pk)";
        Map<String, AttributeValue> values = Map.of();
        if (idempotencyRef != null) {
            item.put("idemRef", AttributeValue.fromS(idempotencyRef));
            condition = "attribute_not_exists(pk) OR (idemRef = :ref AND version = :one)";
            values = Map.of(":ref", AttributeValue.fromS(idempotencyRef), ":one", AttributeValue.fromN("1"));
        }
        try {
            var request = software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder()
                    .tableName(table).item(item).conditionExpression(condition);
            if (!values.isEmpty()) request.expressionAttributeValues(values);
            dynamo.putItem(request.build());
        } catch (ConditionalCheckFailedException taken) {
            throw new TrackingNumberTakenException(record.trackingNo());
        }
    }

    @Override
    public Optional<CaseRecord> find(String trackingNo) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(trackingNo))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(CaseItems.fromItem(response.item())) : Optional.empty();
    }
}

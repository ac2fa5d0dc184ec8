package cn.banshi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Consistent reads of several items of one table in one BatchGetItem (at most 100 keys): one round trip where a
 * GetItem each would make one per item, which a cold function pays dearly (docs/benchmarks.md, run 23). The keys
 * DynamoDB leaves unprocessed (throttling) are asked for again, so that no item is skipped; after {@link #TRIES}
 * tries the read fails like any storage error.
 */
public final class BatchReads {
    static final int TRIES = 5;

    private BatchReads() {}

    /** The items found for {@code keys} (in no particular order; a key without an item gives nothing). */
    public static List<Map<String, AttributeValue>> consistent(
            DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> left = keys;
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            if (attempt > TRIES) throw SdkClientException.create(left.size() + " keys left unprocessed in " + table);
            List<Map<String, AttributeValue>> asked = left;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(
                    table,
                    KeysAndAttributes.builder().keys(asked).consistentRead(true).build())));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            KeysAndAttributes unprocessed =
                    response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
            left = unprocessed == null ? List.of() : unprocessed.keys();
        }
        return items;
    }
}

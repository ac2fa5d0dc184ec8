package cn.banshi.personaldata;

import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The {@value Tables#PEOPLE} table: one item per beacon and case (pk {@code <town>#<beacon>}, sk the tracking number),
 * written with the case at intake and by the migration. Never a plaintext value; the town in the key keeps a lookup
 * inside its town. Entries are only added: a corrected phone leaves its old beacon, which the lookup's check on the
 * decrypted case drops.
 */
public final class PersonIndex {
    private final DynamoDbClient dynamo;
    private final String table = Tables.physical(Tables.PEOPLE);

    public PersonIndex(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    public static Map<String, AttributeValue> item(String town, String beacon, String trackingNo) {
        return Map.of("pk", AttributeValue.fromS(town + "#" + beacon), "sk", AttributeValue.fromS(trackingNo));
    }

    /**
     * Adds the case under each beacon (idempotent: the same key is the same item). One beacon (a complaint's phone,
     * the common case) is one PutItem: a cold submission then loads no BatchWriteItem classes for it; several go in
     * BatchWriteItems of up to 25, unprocessed writes retried.
     */
    public void index(String town, String trackingNo, Collection<String> beacons) {
        Set<String> distinct = new LinkedHashSet<>(beacons);
        if (distinct.size() == 1) {
            Map<String, AttributeValue> item = item(town, distinct.iterator().next(), trackingNo);
            dynamo.putItem(b -> b.tableName(table).item(item));
            return;
        }
        List<WriteRequest> writes = new ArrayList<>();
        for (String b : distinct) {
            writes.add(WriteRequest.builder()
                    .putRequest(
                            PutRequest.builder().item(item(town, b, trackingNo)).build())
                    .build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty() && attempt < 8; attempt++) {
                final Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
            if (!pending.isEmpty()) throw new IllegalStateException("people index: writes left unprocessed");
        }
    }

    /** The tracking numbers filed under any of the beacons in the town, at most {@code limit}. */
    public Set<String> find(String town, Collection<String> beacons, int limit) {
        Set<String> out = new LinkedHashSet<>();
        for (String b : beacons) {
            Map<String, AttributeValue> start = null;
            do {
                final Map<String, AttributeValue> from = start;
                QueryResponse r = dynamo.query(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(town + "#" + b)))
                        .exclusiveStartKey(from));
                r.items().forEach(i -> out.add(i.get("sk").s()));
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
            if (out.size() >= limit) break;
        }
        return out;
    }
}

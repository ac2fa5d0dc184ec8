package cn.banshi.store;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Every item of a Query, page after page, for the stores that read a whole key (the SDK's paginator would load
 * classes of its own on a request path).
 */
public final class QueryPages {
    private QueryPages() {}

    /**
     * Runs the Query that {@code request} describes and hands each item to {@code each}, following the pages until
     * there are no more or {@code each} answers false.
     */
    public static void forEach(
            DynamoDbClient dynamo,
            Consumer<QueryRequest.Builder> request,
            Predicate<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = dynamo.query(b -> {
                request.accept(b);
                if (exclusiveStart != null) b.exclusiveStartKey(exclusiveStart);
            });
            for (Map<String, AttributeValue> item : response.items()) {
                if (!each.test(item)) return;
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    /** {@link #forEach(DynamoDbClient, Consumer, Predicate)} over every item. */
    public static void all(
            DynamoDbClient dynamo, Consumer<QueryRequest.Builder> request, Consumer<Map<String, AttributeValue>> each) {
        forEach(dynamo, request, item -> {
            each.accept(item);
            return true;
        });
    }
}

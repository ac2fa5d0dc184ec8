package cn.banshi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.banshi.testkit.LocalDynamo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** One BatchGetItem for several items; keys DynamoDB leaves unprocessed (throttling) are asked for again. */
class BatchReadsTest {
    private final String table = Tables.physical(Tables.RECORDS);
    private final AtomicInteger calls = new AtomicInteger();
    /** How many responses still leave their first item's key unprocessed (as DynamoDB does under throttling). */
    private final AtomicInteger throttledResponses = new AtomicInteger();

    private DynamoDbClient reader;

    @BeforeEach
    void items() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        for (String sk : List.of("a", "b", "c")) {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk",
                            AttributeValue.fromS("batch-reads"),
                            "sk",
                            AttributeValue.fromS(sk),
                            "v",
                            AttributeValue.fromS("value " + sk))));
        }
        reader = LocalDynamo.client(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                        if (!(context.response() instanceof BatchGetItemResponse response)) return context.response();
                        calls.incrementAndGet();
                        List<Map<String, AttributeValue>> found =
                                response.responses().get(table);
                        if (throttledResponses.getAndDecrement() <= 0 || found.isEmpty()) return response;
                        List<Map<String, AttributeValue>> kept = new ArrayList<>(found.subList(1, found.size()));
                        Map<String, AttributeValue> left = Map.of(
                                "pk", found.get(0).get("pk"), "sk", found.get(0).get("sk"));
                        return response.toBuilder()
                                .responses(Map.of(table, kept))
                                .unprocessedKeys(Map.of(
                                        table,
                                        KeysAndAttributes.builder().keys(left).build()))
                                .build();
                    }
                }));
    }

    private static Map<String, AttributeValue> key(String sk) {
        return Map.of("pk", AttributeValue.fromS("batch-reads"), "sk", AttributeValue.fromS(sk));
    }

    private Set<String> read(String... sks) {
        Set<String> values = new TreeSet<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String sk : sks) keys.add(key(sk));
        BatchReads.consistent(reader, table, keys)
                .forEach(item -> values.add(item.get("v").s()));
        return values;
    }

    @Test
    void readsEveryItemFoundInOneCall() {
        assertEquals(Set.of("value a", "value b", "value c"), read("a", "b", "c", "missing"));
        assertEquals(1, calls.get());
    }

    @Test
    void asksAgainForTheKeysLeftUnprocessed() {
        throttledResponses.set(2);
        assertEquals(Set.of("value a", "value b", "value c"), read("a", "b", "c"));
        assertEquals(3, calls.get());
    }

    @Test
    void failsLikeAStorageErrorWhenKeysStayUnprocessed() {
        throttledResponses.set(Integer.MAX_VALUE);
        assertThrows(SdkClientException.class, () -> read("a", "b"));
        assertEquals(BatchReads.TRIES, calls.get());
    }
}

package cn.banshi.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the tables of {@link Tables} where they are missing (local runs and tests; in AWS the SAM template
 * creates them). Polls DescribeTable instead of the SDK waiter, which sleeps 20 s between polls.
 */
public final class TableSetup {
    private TableSetup() {}

    public static void ensureTables(DynamoDbClient dynamo) {
        for (TableSpec spec : Tables.all()) {
            String name = Tables.physical(spec.name());
            try {
                dynamo.createTable(createRequest(spec, name));
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier run
            }
            awaitActive(dynamo, name);
        }
    }

    static CreateTableRequest createRequest(TableSpec spec, String physicalName) {
        Set<String> keyAttributes = new LinkedHashSet<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(spec.partitionKey())
                .keyType(KeyType.HASH)
                .build());
        keyAttributes.add(spec.partitionKey());
        if (spec.sortKey() != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(spec.sortKey())
                    .keyType(KeyType.RANGE)
                    .build());
            keyAttributes.add(spec.sortKey());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableSpec.IndexSpec index : spec.indexes()) {
            List<KeySchemaElement> indexKeys = new ArrayList<>();
            indexKeys.add(KeySchemaElement.builder()
                    .attributeName(index.partitionKey())
                    .keyType(KeyType.HASH)
                    .build());
            keyAttributes.add(index.partitionKey());
            if (index.sortKey() != null) {
                indexKeys.add(KeySchemaElement.builder()
                        .attributeName(index.sortKey())
                        .keyType(KeyType.RANGE)
                        .build());
                keyAttributes.add(index.sortKey());
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(indexKeys)
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.ALL)
                            .build())
                    .build());
        }
        CreateTableRequest.Builder builder = CreateTableRequest.builder()
                .tableName(physicalName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys)
                .attributeDefinitions(keyAttributes.stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(a)
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .toList());
        if (!indexes.isEmpty()) builder.globalSecondaryIndexes(indexes);
        return builder.build();
    }

    private static void awaitActive(DynamoDbClient dynamo, String name) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                if (dynamo.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) return;
            } catch (ResourceNotFoundException notYet) {
                // keep polling
            }
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("Table " + name + " did not become ACTIVE");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

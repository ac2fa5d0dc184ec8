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
                // created by an earlier run, perhaps by a version without an index this one queries
                requireIndexes(dynamo, spec, name);
            }
            awaitActive(dynamo, name);
        }
    }

    /**
     * Fails at start, with what to do, when an existing table lacks an index of {@code spec}: dynalite cannot add an
     * index to a table (in AWS the template adds it), and every query of it would fail later.
     */
    static void requireIndexes(DynamoDbClient dynamo, TableSpec spec, String name) {
        Set<String> present = new LinkedHashSet<>();
        dynamo.describeTable(b -> b.tableName(name))
                .table()
                .globalSecondaryIndexes()
                .forEach(i -> present.add(i.indexName()));
        for (TableSpec.IndexSpec index : spec.indexes()) {
            if (!present.contains(index.name()))
                throw new IllegalStateException("表 " + name + " 缺少索引 " + index.name()
                        + "（数据目录由旧版本创建），请换用新的数据目录（--data）或删除旧目录后重新启动 / table " + name
                        + " lacks the index " + index.name()
                        + " (the data directory was made by an older version): start with a new --data directory");
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

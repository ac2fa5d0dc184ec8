package cn.banshi.batch;

import cn.banshi.store.Tables;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The total of cases a run's progress bar counts towards: nothing without a listener, the towns' cases counted
 * exactly by COUNT scans (no data returned) for a listener that wants it (a terminal), else the case table's
 * approximate item count.
 */
final class CaseCounts {
    private final DynamoDbClient dynamo;

    CaseCounts(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** The total for {@code progress} (0: unknown). */
    long total(Progress progress, List<String> towns) {
        if (progress == Progress.NONE) return 0;
        return progress.wantsTotal() ? townCases(towns) : estimatedCases();
    }

    private long townCases(List<String> towns) {
        long count = 0;
        for (String town : towns) count += townCases(town);
        return count;
    }

    private long townCases(String town) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(Tables.physical(Tables.CASES))
                    .select("COUNT")
                    .filterExpression("#town = :town")
                    .expressionAttributeNames(Map.of("#town", "town"))
                    .expressionAttributeValues(Map.of(":town", AttributeValue.fromS(town)));
            if (start != null) request.exclusiveStartKey(start);
            ScanResponse page = dynamo.scan(request.build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** The table's approximate item count (all towns; 0 if unknown). */
    private long estimatedCases() {
        try {
            Long count = dynamo.describeTable(b -> b.tableName(Tables.physical(Tables.CASES)))
                    .table()
                    .itemCount();
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

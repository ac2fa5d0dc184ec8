package cn.banshi.cases;

import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One bounded page of cases to compare texts with (issue 19): newest first, received on or after a date, through an
 * index Query (never a Scan), a single request of at most {@code limit} items.
 */
public final class CaseCandidates {
    private final DynamoDbClient dynamo;
    private final String table;

    public CaseCandidates(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.CASES);
    }

    /** Open cases of the public types of a town's category ({@link Tables#CASES_OPEN_BY_CATEGORY}). */
    public List<CaseRecord> openInCategory(String town, String category, LocalDate from, int limit) {
        return page(Tables.CASES_OPEN_BY_CATEGORY, town + "#" + category, from, limit);
    }

    /** Cases of a village, open or finished, any type ({@link Tables#CASES_BY_VILLAGE}). */
    public List<CaseRecord> inVillage(String town, String village, LocalDate from, int limit) {
        return page(Tables.CASES_BY_VILLAGE, town + "#" + village, from, limit);
    }

    private List<CaseRecord> page(String index, String key, LocalDate from, int limit) {
        TableSpec.IndexSpec spec = Tables.spec(Tables.CASES).index(index);
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .indexName(spec.name())
                .keyConditionExpression("#pk = :pk AND #sk >= :from")
                .expressionAttributeNames(Map.of("#pk", spec.partitionKey(), "#sk", spec.sortKey()))
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(key), ":from", AttributeValue.fromS(from.toString())))
                .scanIndexForward(false)
                .limit(limit));
        List<CaseRecord> cases = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) cases.add(CaseItems.fromItem(item));
        return cases;
    }
}

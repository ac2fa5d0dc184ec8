package cn.banshi.batch.cases;

import cn.banshi.json.Json;
import cn.banshi.store.AttributeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads one segment of a parallel Scan of the case table, only the run's towns' cases (one town, or a county's:
 * at most {@value #MAX_TOWNS}, DynamoDB's limit for IN) and only the attributes of {@link CaseFact} (never
 * personal data), one page at a time. Its position (the page's start key and the
 * index within the page) is saved at every commit, so a restarted step resumes on the same item.
 */
public final class SegmentScanReader implements ItemStreamReader<CaseFact> {
    static final String START_KEY = "scan.startKey";
    static final String INDEX = "scan.index";
    static final String READ = "scan.read";
    public static final int MAX_TOWNS = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final List<String> towns;
    private final int segment;
    private final int totalSegments;
    private final int pageSize;
    private final LongConsumer progress;

    private Map<String, AttributeValue> startKey;
    private List<Map<String, AttributeValue>> page;
    private Map<String, AttributeValue> nextKey;
    private int index;
    private long read;

    public SegmentScanReader(DynamoDbClient dynamo, String table, List<String> towns, int segment, int totalSegments,
                             int pageSize, LongConsumer progress) {
        if (towns.isEmpty() || towns.size() > MAX_TOWNS) throw new IllegalArgumentException("1 to " + MAX_TOWNS + " towns");
        this.dynamo = dynamo;
        this.table = table;
        this.towns = List.copyOf(towns);
        this.segment = segment;
        this.totalSegments = totalSegments;
        this.pageSize = pageSize;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        startKey = context.containsKey(START_KEY) ? key(context.getString(START_KEY)) : null;
        index = context.containsKey(INDEX) ? context.getInt(INDEX) : 0;
        read = context.containsKey(READ) ? context.getLong(READ) : 0;
        page = null;
        if (read > 0) progress.accept(read);
    }

    @Override
    public CaseFact read() {
        while (true) {
            if (page == null) fetch();
            if (index < page.size()) {
                read++;
                progress.accept(1);
                return CaseFact.of(page.get(index++));
            }
            if (nextKey == null) return null;
            startKey = nextKey;
            index = 0;
            page = null;
        }
    }

    private void fetch() {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> names = new java.util.ArrayList<>(towns.size());
        for (int i = 0; i < towns.size(); i++) {
            values.put(":town" + i, AttributeValue.fromS(towns.get(i)));
            names.add(":town" + i);
        }
        ScanRequest.Builder request = ScanRequest.builder().tableName(table)
                .segment(segment).totalSegments(totalSegments).limit(pageSize).consistentRead(true)
                .filterExpression(towns.size() == 1 ? "#town = :town0" : "#town IN (" + String.join(", ", names) + ")")
                .projectionExpression(CaseFact.PROJECTION)
                .expressionAttributeNames(CaseFact.NAMES)
                .expressionAttributeValues(values);
        if (startKey != null) request.exclusiveStartKey(startKey);
        ScanResponse response = dynamo.scan(request.build());
        page = response.items();
        nextKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
    }

    @Override
    public void update(ExecutionContext context) {
        if (startKey == null) context.remove(START_KEY);
        else context.putString(START_KEY, Json.write(AttributeJson.toJson(startKey)));
        context.putInt(INDEX, index);
        context.putLong(READ, read);
    }

    @Override
    public void close() {
        page = null;
    }

    private static Map<String, AttributeValue> key(String json) {
        try {
            Map<String, AttributeValue> key = new HashMap<>();
            Json.parse(json).fields().forEachRemaining(e -> key.put(e.getKey(), AttributeJson.toAttribute(e.getValue())));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.banshi.batch.cases;

import cn.banshi.json.Json;
import cn.banshi.store.AttributeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads one segment of a parallel Scan of the case table, only the run's towns' cases (one town, or a county's:
 * at most {@value #MAX_TOWNS}, DynamoDB's limit for IN) and only the attributes of {@link CaseFact} (never
 * personal data), one page at a time: each {@link #read()} is one Scan call, and pages the town filter left empty
 * are skipped. Its position (the next page's start key, or that the segment is done) is saved at every commit,
 * so a restarted step resumes with the page after the last one tallied.
 */
public final class SegmentScanReader implements ItemStreamReader<FactPage> {
    static final String START_KEY = "scan.startKey";
    static final String DONE = "scan.done";
    /** The cases this segment has read, over all its executions. */
    public static final String READ = "scan.read";
    /** The cases this step execution read (a resumed step's earlier executions not included). */
    public static final String READ_IN_EXECUTION = "scan.readInExecution";

    public static final int MAX_TOWNS = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int segment;
    private final int totalSegments;
    private final int pageSize;
    private final LongConsumer progress;
    /** {@code #town = :town0}, or {@code #town IN (:town0, :town1, …)} for a county's towns. */
    private final String filter;
    /** The projection's names and the spam flag of the filter. */
    private static final Map<String, String> NAMES = withSpam();

    private final Map<String, AttributeValue> townValues = new HashMap<>();

    private Map<String, AttributeValue> startKey;
    private boolean done;
    private long read;
    private long readAtOpen;

    public SegmentScanReader(
            DynamoDbClient dynamo,
            String table,
            List<String> towns,
            int segment,
            int totalSegments,
            int pageSize,
            LongConsumer progress) {
        if (towns.isEmpty() || towns.size() > MAX_TOWNS)
            throw new IllegalArgumentException("1 to " + MAX_TOWNS + " towns");
        this.dynamo = dynamo;
        this.table = table;
        this.segment = segment;
        this.totalSegments = totalSegments;
        this.pageSize = pageSize;
        this.progress = progress;
        List<String> names = new ArrayList<>(towns.size());
        for (int i = 0; i < towns.size(); i++) {
            townValues.put(":town" + i, AttributeValue.fromS(towns.get(i)));
            names.add(":town" + i);
        }
        // cases marked as spam (mark-spam) are in no report's counts
        this.filter = (towns.size() == 1 ? "#town = :town0" : "#town IN (" + String.join(", ", names) + ")")
                + " AND attribute_not_exists(#spam)";
    }

    @Override
    public void open(ExecutionContext context) {
        startKey = context.containsKey(START_KEY) ? key(context.getString(START_KEY)) : null;
        done = context.containsKey(DONE) && Boolean.parseBoolean(context.getString(DONE));
        read = context.containsKey(READ) ? context.getLong(READ) : 0;
        readAtOpen = read;
        if (read > 0) progress.accept(read);
    }

    /**
     * The next Scan page's cases of the run's towns; null when the segment is done. A page the town filter left
     * empty is an item too: commits then come every so many pages of the table, however small the run's share.
     */
    @Override
    public FactPage read() {
        if (done) return null;
        ScanResponse response = fetch();
        startKey =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey()
                        : null;
        done = startKey == null;
        List<CaseFact> facts = new ArrayList<>(response.items().size());
        for (Map<String, AttributeValue> item : response.items()) facts.add(CaseFact.of(item));
        read += facts.size();
        if (!facts.isEmpty()) progress.accept(facts.size());
        return new FactPage(facts);
    }

    private ScanResponse fetch() {
        ScanRequest.Builder request = ScanRequest.builder()
                .tableName(table)
                .segment(segment)
                .totalSegments(totalSegments)
                .limit(pageSize)
                .consistentRead(true)
                .filterExpression(filter)
                // Select stated, not implied: the function's role allows the Scan only with SPECIFIC_ATTRIBUTES
                .select(Select.SPECIFIC_ATTRIBUTES)
                .projectionExpression(CaseFact.PROJECTION)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(townValues);
        if (startKey != null) request.exclusiveStartKey(startKey);
        return dynamo.scan(request.build());
    }

    @Override
    public void update(ExecutionContext context) {
        if (startKey == null) context.remove(START_KEY);
        else context.putString(START_KEY, Json.write(AttributeJson.toJson(startKey)));
        context.putString(DONE, Boolean.toString(done));
        context.putLong(READ, read);
        context.putLong(READ_IN_EXECUTION, read - readAtOpen);
    }

    @Override
    public void close() {
        startKey = null;
    }

    private static Map<String, AttributeValue> key(String json) {
        try {
            Map<String, AttributeValue> key = new HashMap<>();
            Json.parse(json)
                    .fields()
                    .forEachRemaining(e -> key.put(e.getKey(), AttributeJson.toAttribute(e.getValue())));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> withSpam() {
        Map<String, String> names = new HashMap<>(CaseFact.NAMES);
        names.put("#spam", "spam");
        return Map.copyOf(names);
    }
}

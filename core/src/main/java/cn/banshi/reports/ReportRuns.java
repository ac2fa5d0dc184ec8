package cn.banshi.reports;

import cn.banshi.records.TownRecords;
import cn.banshi.store.Tables;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The latest run of each report of a town and year, one item each in the {@code records} table:
 * {@code pk = town#<town>#report-run}, {@code sk = <year>#<job>}. A staff request claims the item (queued) with
 * a conditional write, so two requests cannot both start a run; the run marks it running and then completed or
 * failed, each only while the item still names its run id, so an older run never overwrites a newer one's
 * status. A queued or running item not updated for {@link #STALE} belongs to a run that died (longer than the
 * report function's 15-minute limit, twice), and may be claimed again.
 */
public final class ReportRuns {
    static final String KIND = "report-run";
    public static final Duration STALE = Duration.ofMinutes(30);
    private static final int MAX_MESSAGE = 500;

    public enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }

        static Status of(String code) {
            return Arrays.stream(values())
                    .filter(s -> s.code().equals(code))
                    .findFirst()
                    .orElse(FAILED);
        }
    }

    /** One run's record. {@code message}: why it failed (never personal data: job messages carry codes and counts). */
    public record Run(
            String town,
            int year,
            ReportKind kind,
            String runId,
            Status status,
            String requestedBy,
            Instant requestedAt,
            Instant updatedAt,
            String message) {
        /** Whether the run may still be going: active and updated within {@link #STALE}. */
        public boolean busy(Instant now) {
            return status.active() && updatedAt.plus(STALE).isAfter(now);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public ReportRuns(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    /** A new run id: 16 hex digits from the caller's SecureRandom. */
    public static String newRunId(SecureRandom random) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Records a requested run as queued, unless a run of that report is busy: then nothing is written and false is returned. */
    public boolean claim(String town, int year, ReportKind kind, String runId, String requestedBy, Instant now) {
        return write(new Run(town, year, kind, runId, Status.QUEUED, requestedBy, now, now, null), now, null);
    }

    /**
     * Marks a run as running: the claimed item of that run id, or, for a run nobody claimed (a schedule), any
     * item whose run is not busy. False if another run is busy (its record is left alone).
     */
    public boolean started(String town, int year, ReportKind kind, String runId, String requestedBy, Instant now) {
        Instant requestedAt = find(town, year, kind)
                .filter(r -> r.runId().equals(runId))
                .map(Run::requestedAt)
                .orElse(now);
        return write(new Run(town, year, kind, runId, Status.RUNNING, requestedBy, requestedAt, now, null), now, runId);
    }

    /** Marks the run completed or failed, if the item still names it. */
    public void finished(
            String town, int year, ReportKind kind, String runId, Status status, String message, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#runId", "runId"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status",
                s(status.code()),
                ":at",
                s(now.toString()),
                ":epoch",
                n(now.getEpochSecond()),
                ":runId",
                s(runId)));
        String update = "SET #status = :status, updatedAt = :at, updatedEpoch = :epoch";
        if (message != null) {
            update += ", message = :message";
            values.put(":message", s(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message));
        } else {
            update += " REMOVE message";
        }
        String expression = update;
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(town, year, kind))
                    .updateExpression(expression)
                    .conditionExpression("#runId = :runId")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException another) {
            // a newer run owns the record now
        }
    }

    public Optional<Run> find(String town, int year, ReportKind kind) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(town, year, kind)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    /** The year's runs of a town, by job. */
    public List<Run> list(String town, int year) {
        List<Run> runs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                    .expressionAttributeValues(Map.of(":pk", s(TownRecords.pk(town, KIND)), ":year", s(year + "#")));
            if (start != null) request.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(request.build());
            for (var item : page.items()) {
                if (ReportKind.find(item.get("job").s()).isPresent()) runs.add(fromItem(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        runs.sort(Comparator.comparing(Run::kind));
        return runs;
    }

    /** Puts the run unless another run is busy ({@code ownRunId}: an item already naming this run may be replaced). */
    private boolean write(Run run, Instant now, String ownRunId) {
        Map<String, AttributeValue> item = new HashMap<>(key(run.town(), run.year(), run.kind()));
        item.put("town", s(run.town()));
        item.put("job", s(run.kind().code()));
        item.put("year", n(run.year()));
        item.put("runId", s(run.runId()));
        item.put("status", s(run.status().code()));
        item.put("requestedBy", s(run.requestedBy()));
        item.put("requestedAt", s(run.requestedAt().toString()));
        item.put("updatedAt", s(now.toString()));
        item.put("updatedEpoch", n(now.getEpochSecond()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":queued",
                s(Status.QUEUED.code()),
                ":running",
                s(Status.RUNNING.code()),
                ":stale",
                n(now.minus(STALE).getEpochSecond())));
        String condition = "attribute_not_exists(pk) OR NOT (#status IN (:queued, :running)) OR updatedEpoch < :stale";
        if (ownRunId != null) {
            condition += " OR runId = :own";
            values.put(":own", s(ownRunId));
        }
        String expression = condition;
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression(expression)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException busy) {
            return false;
        }
    }

    private static Run fromItem(Map<String, AttributeValue> item) {
        return new Run(
                item.get("town").s(),
                Integer.parseInt(item.get("year").n()),
                ReportKind.find(item.get("job").s()).orElseThrow(),
                item.get("runId").s(),
                Status.of(item.get("status").s()),
                item.get("requestedBy").s(),
                Instant.parse(item.get("requestedAt").s()),
                Instant.parse(item.get("updatedAt").s()),
                item.containsKey("message") ? item.get("message").s() : null);
    }

    private static Map<String, AttributeValue> key(String town, int year, ReportKind kind) {
        return Map.of(
                "pk",
                s(TownRecords.pk(ReportNames.town(town), KIND)),
                "sk",
                s(ReportNames.year(year) + "#" + kind.code()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package cn.banshi.tracking;

import cn.banshi.store.Tables;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts wrong access codes per tracking number in fixed windows (an ADD counter per window, with an expiry
 * attribute). After {@link #MAX_FAILURES} failures in a window the number is refused until the window ends,
 * whether or not it exists, so that the refusal reveals nothing.
 */
public final class AttemptLimiter {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public AttemptLimiter(DynamoDbClient dynamo, Clock clock) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.EPHEMERAL);
        this.clock = clock;
    }

    /** Seconds until the caller may try again, or 0 when attempts are allowed. */
    public int lockedForSeconds(String trackingNo) {
        long window = currentWindow();
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(key(trackingNo, window))))).item();
        if (item == null || !item.containsKey("failures")) return 0;
        if (Integer.parseInt(item.get("failures").n()) < MAX_FAILURES) return 0;
        long windowEndMillis = (window + 1) * WINDOW.toMillis();
        return (int) Math.max(1, (windowEndMillis - clock.millis() + 999) / 1000);
    }

    public void recordFailure(String trackingNo) {
        long window = currentWindow();
        long expiresAt = (window + 2) * WINDOW.toSeconds();
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key(trackingNo, window))))
                .updateExpression("ADD failures :one SET #exp = :exp")
                .expressionAttributeNames(Map.of("#exp", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":exp", AttributeValue.fromN(Long.toString(expiresAt)))));
    }

    private long currentWindow() {
        return clock.millis() / WINDOW.toMillis();
    }

    private static String key(String trackingNo, long window) {
        return "track-fail#" + trackingNo + "#" + window;
    }
}

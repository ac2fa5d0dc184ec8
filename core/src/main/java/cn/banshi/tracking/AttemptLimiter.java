package cn.banshi.tracking;

import cn.banshi.store.Tables;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counts access-code attempts per tracking number in fixed windows (an ADD counter per window, with an expiry
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

    /** One attempt taken from a window; {@code lockedForSeconds} > 0 means the window's attempts are used up. */
    public record Attempt(String trackingNo, long window, int lockedForSeconds) {}

    /**
     * Takes an attempt before the code is checked (an ADD that returns the new count), so that concurrent guesses
     * cannot all slip past a read-then-write check: at most {@link #MAX_FAILURES} codes are checked per window.
     */
    public Attempt take(String trackingNo) {
        long window = currentWindow();
        long expiresAt = (window + 2) * WINDOW.toSeconds();
        var response = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key(trackingNo, window))))
                .updateExpression("ADD failures :one SET #exp = :exp")
                .expressionAttributeNames(Map.of("#exp", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"), ":exp", AttributeValue.fromN(Long.toString(expiresAt))))
                .returnValues(ReturnValue.UPDATED_NEW));
        int taken = Integer.parseInt(response.attributes().get("failures").n());
        if (taken <= MAX_FAILURES) return new Attempt(trackingNo, window, 0);
        long windowEndMillis = (window + 1) * WINDOW.toMillis();
        return new Attempt(trackingNo, window, (int) Math.max(1, (windowEndMillis - clock.millis() + 999) / 1000));
    }

    /** The right code was given: the attempt does not count. */
    public void giveBack(Attempt attempt) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key(attempt.trackingNo(), attempt.window()))))
                .updateExpression("ADD failures :minusOne")
                .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"))));
    }

    private long currentWindow() {
        return clock.millis() / WINDOW.toMillis();
    }

    private static String key(String trackingNo, long window) {
        return "track-fail#" + trackingNo + "#" + window;
    }
}

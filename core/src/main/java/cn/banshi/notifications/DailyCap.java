package cn.banshi.notifications;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.personaldata.Pseudonyms;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * At most {@code perDay} messages to one number or address per Beijing day: an ADD counter per recipient and day in the
 * ephemeral table, taken before each send (a send that then fails still counts: the cap errs on the quiet side). The
 * key holds a keyed pseudonym of the recipient ({@link Pseudonyms#recipient}), not the recipient. (Until December 2026
 * it held an unkeyed SHA-256; the switch restarts the day's counts once, so a recipient may get up to one more day's
 * cap on that day.)
 */
public final class DailyCap {
    /** Env/system property for the cap; default {@link #DEFAULT}. */
    public static final String PER_DAY_ENV = "BANSHI_MESSAGES_PER_DAY";

    public static final int DEFAULT = 10;

    private final DynamoDbClient dynamo;
    private final Pseudonyms pseudonyms;
    private final String table;
    private final int perDay;

    public DailyCap(DynamoDbClient dynamo, Pseudonyms pseudonyms, int perDay) {
        this.dynamo = dynamo;
        this.pseudonyms = pseudonyms;
        this.table = Tables.physical(Tables.EPHEMERAL);
        this.perDay = perDay;
    }

    public static int fromEnvironment() {
        String v = System.getenv(PER_DAY_ENV);
        if (v == null) v = System.getProperty("banshi.messagesPerDay");
        return v == null || v.isBlank() ? DEFAULT : Integer.parseInt(v.strip());
    }

    public int perDay() {
        return perDay;
    }

    /** Takes one of the day's messages for the recipient; false when the day's are used up. */
    public boolean take(Channel channel, String recipient, Instant now) {
        LocalDate day = now.atZone(ChinaTime.ZONE).toLocalDate();
        String pk = "msgcap#" + channel.code() + "#" + pseudonyms.recipient(recipient) + "#" + day;
        long expires = day.plusDays(2).atStartOfDay(ChinaTime.ZONE).toEpochSecond();
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(pk)))
                    .updateExpression("ADD sent :one SET #exp = :exp")
                    .conditionExpression("attribute_not_exists(sent) OR sent < :cap")
                    .expressionAttributeNames(Map.of("#exp", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":cap", AttributeValue.fromN(Integer.toString(perDay)),
                            ":exp", AttributeValue.fromN(Long.toString(expires)))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }
}

package cn.banshi.abuse;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.errors.Errors;
import cn.banshi.personaldata.Pseudonyms;
import cn.banshi.store.Tables;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Phone verification codes (docs/abuse.md): a 6-digit code per town and mobile number, valid {@link #VALIDITY}, at most
 * {@link #MAX_ATTEMPTS} tries, kept only as an HMAC-SHA-256 under a random per-item salt in the ephemeral table (TTL);
 * at most {@link #PER_MINUTE} per minute and {@link #PER_DAY} per Beijing day per number and per client (conditional
 * writes and atomic counters). Item keys carry keyed pseudonyms ({@link Pseudonyms}) of the number and the client
 * address, never the values; nothing here is logged. Until December 2026 they carried unkeyed SHA-256 digests: the
 * switch forgets the codes and counters alive then (a code lives minutes, a counter the rest of the Beijing day), so
 * a code sent just before it is answered "expired" and a number or client may ask afresh that day.
 */
public final class VerificationCodes {
    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int MAX_ATTEMPTS = 5;
    public static final int PER_MINUTE = 1;
    public static final int PER_DAY = 5;
    public static final int GAP_SECONDS = 60;
    static final Duration GAP = Duration.ofSeconds(GAP_SECONDS);
    /** Used or dead codes stay a while so that a late attempt is told "expired" rather than "never sent". */
    static final Duration KEEP = Duration.ofHours(1);

    private final DynamoDbClient dynamo;
    private final Pseudonyms pseudonyms;
    private final String table;
    private final Clock clock;
    private final SecureRandom random;

    public VerificationCodes(DynamoDbClient dynamo, Pseudonyms pseudonyms, Clock clock, SecureRandom random) {
        this.dynamo = dynamo;
        this.pseudonyms = pseudonyms;
        this.table = Tables.physical(Tables.EPHEMERAL);
        this.clock = clock;
        this.random = random;
    }

    /**
     * Takes the rate limits for {@code phone} (normalised mobile) and the client {@code sourceIp} (may be null), then
     * stores a fresh code (replacing an earlier one of the number) and returns it, to be sent by SMS and forgotten.
     * Refuses with RATE_LIMITED (and Retry-After) when a limit is reached.
     */
    public String issue(String town, String phone, String sourceIp) {
        Instant now = clock.instant();
        String phoneKey = "phone#" + pseudonyms.phone(phone);
        String clientKey = pseudonyms.client(sourceIp);
        // the client's limits first: a request refused for the client's sake takes nothing from the number's
        if (clientKey != null) {
            gap("client#" + clientKey, now);
            daily("client#" + clientKey, now);
        }
        gap(phoneKey, now);
        daily(phoneKey, now);

        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(codeKey(town, phone)));
        item.put("salt", AttributeValue.fromS(Base64.getEncoder().encodeToString(salt)));
        item.put("hash", AttributeValue.fromS(hmac(salt, code)));
        item.put("attempts", AttributeValue.fromN("0"));
        item.put(
                "validUntil",
                AttributeValue.fromN(Long.toString(now.plus(VALIDITY).getEpochSecond())));
        item.put(
                Tables.EXPIRES_AT,
                AttributeValue.fromN(Long.toString(now.plus(VALIDITY).plus(KEEP).getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
        return code;
    }

    /**
     * Checks {@code code} for the number and consumes it for {@code consumer} (a submission's idempotency reference:
     * the same reference may pass again, so that a retry that takes over an interrupted submission is not refused).
     * Every check counts as an attempt before the comparison, so parallel guesses cannot exceed the limit.
     */
    public void consume(String town, String phone, String code, String consumer, String field) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(codeKey(town, phone)));
        Map<String, AttributeValue> item;
        try {
            item = dynamo.updateItem(b -> b.tableName(table)
                            .key(key)
                            .updateExpression("ADD attempts :one")
                            .conditionExpression("attribute_exists(pk) AND attempts < :max AND validUntil > :now"
                                    + " AND (attribute_not_exists(usedBy) OR usedBy = :me)")
                            .expressionAttributeValues(Map.of(
                                    ":one", AttributeValue.fromN("1"),
                                    ":max", AttributeValue.fromN(Integer.toString(MAX_ATTEMPTS)),
                                    ":now", AttributeValue.fromN(Long.toString(now)),
                                    ":me", AttributeValue.fromS(consumer)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException dead) {
            throw Errors.verificationExpired(field);
        }
        byte[] salt = Base64.getDecoder().decode(item.get("salt").s());
        if (!MessageDigest.isEqual(
                hmac(salt, code).getBytes(StandardCharsets.US_ASCII),
                item.get("hash").s().getBytes(StandardCharsets.US_ASCII))) {
            throw Errors.verificationFailed(field);
        }
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression("SET usedBy = :me")
                    .conditionExpression("#salt = :salt AND (attribute_not_exists(usedBy) OR usedBy = :me)")
                    .expressionAttributeNames(Map.of("#salt", "salt"))
                    .expressionAttributeValues(
                            Map.of(":me", AttributeValue.fromS(consumer), ":salt", item.get("salt"))));
        } catch (ConditionalCheckFailedException lost) {
            // replaced by a new code, or used by another submission meanwhile
            throw Errors.verificationExpired(field);
        }
    }

    /** At most one code per minute: an item whose expiry is the end of the gap, put only when absent or over. */
    private void gap(String who, Instant now) {
        long until = now.plus(GAP).getEpochSecond();
        Map<String, AttributeValue> item = Map.of(
                "pk",
                AttributeValue.fromS("verify#gap#" + who),
                Tables.EXPIRES_AT,
                AttributeValue.fromN(Long.toString(until)));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #exp <= :now")
                    .expressionAttributeNames(Map.of("#exp", Tables.EXPIRES_AT))
                    .expressionAttributeValues(
                            Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
        } catch (ConditionalCheckFailedException busy) {
            var current = dynamo.getItem(b ->
                            b.tableName(table).key(Map.of("pk", item.get("pk"))).consistentRead(true))
                    .item();
            long end = current == null || !current.containsKey(Tables.EXPIRES_AT)
                    ? until
                    : Long.parseLong(current.get(Tables.EXPIRES_AT).n());
            throw Errors.codeRateLimited((int) Math.max(1, end - now.getEpochSecond()));
        }
    }

    /** At most {@link #PER_DAY} codes per Beijing day: an atomic counter that refuses to pass the limit. */
    private void daily(String who, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        Instant midnight = today.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("verify#day#" + who + "#" + today)))
                    .updateExpression("ADD #n :one SET #exp = :exp")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :max")
                    .expressionAttributeNames(Map.of("#n", "n", "#exp", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":max", AttributeValue.fromN(Integer.toString(PER_DAY)),
                            ":exp", AttributeValue.fromN(Long.toString(midnight.getEpochSecond() + 3600)))));
        } catch (ConditionalCheckFailedException full) {
            throw Errors.codeRateLimited(
                    (int) Math.max(1, Duration.between(now, midnight).toSeconds()));
        }
    }

    private String codeKey(String town, String phone) {
        return "verify#code#" + town + "#" + pseudonyms.phone(phone);
    }

    private static String hmac(byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

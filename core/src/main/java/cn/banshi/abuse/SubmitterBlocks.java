package cn.banshi.abuse;

import cn.banshi.cases.Personal;
import cn.banshi.errors.Errors;
import cn.banshi.store.Tables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Phones and clients blocked from online submissions after a town admin marked one of their cases as spam, until a
 * time (items in the ephemeral table with its TTL; the time is also checked here, since TTL deletes late). Keys are
 * SHA-256 digests, never the phone number or address itself; nothing here is logged.
 */
public final class SubmitterBlocks {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public SubmitterBlocks(DynamoDbClient dynamo, Clock clock) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.EPHEMERAL);
        this.clock = clock;
    }

    /** The pseudonymous key of a client address, kept with online cases so that a spam case can block its client. */
    public static String clientKey(String sourceIp) {
        return sourceIp == null || sourceIp.isBlank()
                ? null
                : digest("client:" + sourceIp).substring(0, 32);
    }

    /** The phone a block is keyed on: the submitter's, or an information request applicant's. */
    public static String phoneOf(Personal personal) {
        if (personal == null) return null;
        if (personal.submitter() != null) return personal.submitter().phone();
        if (personal.applicant() != null) return personal.applicant().phone();
        return null;
    }

    static String phoneKey(String phone) {
        return digest("phone:" + phone.replaceAll("[\\s-]", ""));
    }

    /** Refuses (SUBMITTER_BLOCKED) when the phone or the client is blocked now (a GetItem each). */
    public void check(String phone, String clientKey) {
        long now = clock.instant().getEpochSecond();
        for (Map<String, AttributeValue> key : keys(phone, clientKey)) {
            var item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                    .item();
            AttributeValue exp = item == null ? null : item.get(Tables.EXPIRES_AT);
            if (exp != null && Long.parseLong(exp.n()) > now) throw Errors.submitterBlocked();
        }
    }

    /** Blocks the phone and the client (either may be null) until {@code until}. */
    public void block(String phone, String clientKey, Instant until) {
        for (Map<String, AttributeValue> key : keys(phone, clientKey)) {
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put(Tables.EXPIRES_AT, AttributeValue.fromN(Long.toString(until.getEpochSecond())));
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
    }

    private static List<Map<String, AttributeValue>> keys(String phone, String clientKey) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        if (phone != null && !phone.isBlank())
            keys.add(Map.of("pk", AttributeValue.fromS("block#phone#" + phoneKey(phone))));
        if (clientKey != null) keys.add(Map.of("pk", AttributeValue.fromS("block#client#" + clientKey)));
        return keys;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(("banshi-block:" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

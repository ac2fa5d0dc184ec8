package cn.banshi.abuse;

import cn.banshi.cases.Personal;
import cn.banshi.digest.Sha256;
import cn.banshi.errors.Errors;
import cn.banshi.personaldata.Pseudonyms;
import cn.banshi.store.BatchReads;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Phones and clients blocked from online submissions after a town admin marked one of their cases as spam, until a
 * time (items in the ephemeral table with its TTL; the time is also checked here, since TTL deletes late). Keys are
 * keyed pseudonyms ({@link Pseudonyms}), never the phone number or address itself; nothing here is logged.
 *
 * <p>Transition (docs/abuse.md): until December 2026 the keys were unkeyed SHA-256 digests, which a guess of every
 * number or address reverses. New blocks are written under the pseudonyms only; {@link #check} also reads the legacy
 * digests, so that blocks written before the switch (at most {@code SpamMarking.MAX_BLOCK_DAYS}, 365 days) and blocks
 * of old cases whose stored {@code clientKey} is a legacy digest still hold. Remove the legacy read after 2028-01-01
 * (a year and a month after the switch); a case filed before the switch and marked after that date then blocks only
 * its phone.
 */
public final class SubmitterBlocks {
    private static final String PHONE = "block#phone#";
    private static final String CLIENT = "block#client#";

    private final DynamoDbClient dynamo;
    private final Pseudonyms pseudonyms;
    private final String table;
    private final Clock clock;

    public SubmitterBlocks(DynamoDbClient dynamo, Pseudonyms pseudonyms, Clock clock) {
        this.dynamo = dynamo;
        this.pseudonyms = pseudonyms;
        this.table = Tables.physical(Tables.EPHEMERAL);
        this.clock = clock;
    }

    /** The pseudonym of a client address, kept with online cases so that a spam case can block its client. */
    public String clientKey(String sourceIp) {
        return pseudonyms.client(sourceIp);
    }

    /** The phone a block is keyed on: the submitter's, or an information request applicant's. */
    public static String phoneOf(Personal personal) {
        if (personal == null) return null;
        if (personal.submitter() != null) return personal.submitter().phone();
        if (personal.applicant() != null) return personal.applicant().phone();
        return null;
    }

    /**
     * Refuses (SUBMITTER_BLOCKED) when the phone or the client address (either may be null) is blocked now: one
     * consistent BatchGetItem of their keys, the pseudonyms and the legacy digests.
     */
    public void check(String phone, String sourceIp) {
        Set<String> pks = new LinkedHashSet<>();
        if (phone != null && !phone.isBlank()) {
            String pseudonym = pseudonyms.phone(phone);
            if (pseudonym != null) pks.add(PHONE + pseudonym);
            pks.add(PHONE + legacyPhone(phone));
        }
        String client = pseudonyms.client(sourceIp);
        if (client != null) {
            pks.add(CLIENT + client);
            pks.add(CLIENT + legacyClient(sourceIp));
        }
        if (pks.isEmpty()) return;
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String pk : pks) keys.add(Map.of("pk", AttributeValue.fromS(pk)));
        long now = clock.instant().getEpochSecond();
        for (Map<String, AttributeValue> item : BatchReads.consistent(dynamo, table, keys)) refuseIfActive(item, now);
    }

    /**
     * Blocks the phone (under its pseudonym) and the client (under the key its case stored: a pseudonym, or a legacy
     * digest on a case filed before the switch); either may be null; until {@code until}.
     */
    public void block(String phone, String clientKey, Instant until) {
        List<String> pks = new ArrayList<>();
        String phoneKey = phone == null ? null : pseudonyms.phone(phone);
        if (phoneKey != null) pks.add(PHONE + phoneKey);
        if (clientKey != null) pks.add(CLIENT + clientKey);
        for (String pk : pks) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(pk));
            item.put(Tables.EXPIRES_AT, AttributeValue.fromN(Long.toString(until.getEpochSecond())));
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
    }

    private static void refuseIfActive(Map<String, AttributeValue> item, long now) {
        AttributeValue exp = item == null ? null : item.get(Tables.EXPIRES_AT);
        if (exp != null && Long.parseLong(exp.n()) > now) throw Errors.submitterBlocked();
    }

    /** The legacy (unkeyed) key of a phone: read only, until 2028-01-01. */
    private static String legacyPhone(String phone) {
        return legacyDigest("phone:" + phone.replaceAll("[\\s-]", ""));
    }

    /** The legacy (unkeyed) key of a client address, also stored as {@code clientKey} on cases filed before. */
    private static String legacyClient(String sourceIp) {
        return legacyDigest("client:" + sourceIp).substring(0, 32);
    }

    private static String legacyDigest(String text) {
        return Sha256.hex("banshi-block:" + text);
    }
}

package cn.banshi.personaldata;

import cn.banshi.store.BatchReads;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * banshi's data keys, stored wrapped in the records table (pk {@value #PK}): one item per key version ({@code
 * key#k1}, {@code key#k2}…), a {@code current} item naming the version new writes use and holding a copy of its
 * wrapped key, and the beacon key (its own key, never rotated: the people index is built with it). The first write
 * creates {@code k1}; {@link #rotate()} makes the next version current. Clear keys are cached per process: each
 * version is unwrapped once; which version is current is read again after {@link #CURRENT_TTL}, so a rotation reaches
 * warm functions within minutes. A cold process reads the {@code current} and beacon items together (one
 * BatchGetItem) and takes the current version's key from its copy: one round trip where there were three (a
 * {@code current} item from before the copy still reads {@code key#…}; {@link #ensure()} adds the copy).
 */
public final class DataKeys {
    public static final String PK = "personal-data";
    public static final Duration CURRENT_TTL = Duration.ofMinutes(5);
    /** The sk of the beacon key's item (also the end of its KMS encryption context, which the key policy names). */
    public static final String BEACON = "beacon-key";
    /** The sk of the item naming the version new writes use. */
    static final String CURRENT = "current";
    /**
     * The marker the personal-data job writes once a full pass found no plaintext: from then on reads of the tables it
     * names (attribute {@code tables}) refuse it.
     */
    static final String PLAINTEXT_REFUSED = "plaintext-refused";
    /**
     * The tables a marker without {@code tables} covers: the three the job sealed when the marker was first written
     * (the personal-data requests in the records table joined later and are refused only once a pass covered them).
     */
    static final Set<String> FIRST_REFUSED = Set.of(Tables.CASES, Tables.MESSAGES, Tables.STAFF);

    private final DynamoDbClient dynamo;
    private final KeyWrapper wrapper;
    private final Clock clock;
    private final String table;
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private static final String NO_KEY =
            "no personal-data key yet: run the personal-data job once (docs/personal-data.md)";

    private volatile Set<String> refusedTables = Set.of();
    private volatile Instant refusalReadAt = Instant.MIN;
    private volatile boolean creating;
    private volatile String current;
    private volatile Instant currentReadAt = Instant.MIN;
    /** The {@code current} item last read (its copy of the wrapped key), or null. */
    private volatile Map<String, AttributeValue> currentItem;
    /** Items read together with another one, each taken by the first read of it within {@link #CURRENT_TTL}. */
    private final Map<String, ReadAhead> readAhead = new ConcurrentHashMap<>();

    private record ReadAhead(Map<String, AttributeValue> item, Instant at) {}

    public DataKeys(DynamoDbClient dynamo, KeyWrapper wrapper, Clock clock) {
        this(dynamo, wrapper, clock, Tables.physical(Tables.RECORDS));
    }

    /** Over the records table named {@code recordsTable} (tests reading the tables of another prefix). */
    public DataKeys(DynamoDbClient dynamo, KeyWrapper wrapper, Clock clock, String recordsTable) {
        this.dynamo = dynamo;
        this.wrapper = wrapper;
        this.clock = clock;
        this.table = recordsTable;
    }

    /** A key version and its clear key. */
    public record Version(String id, SecretKey key) {}

    /** The version new writes use; creates {@code k1} when there is none yet. */
    public Version current() {
        Instant now = clock.instant();
        String id = current;
        if (id == null || now.isAfter(currentReadAt.plus(CURRENT_TTL))) {
            Map<String, AttributeValue> item = read(CURRENT);
            currentItem = item;
            id = item == null ? null : item.get("version").s();
            if (id == null) {
                if (!mayCreate()) throw new PersonalDataException(NO_KEY);
                id = create("k1", null);
            }
            current = id;
            currentReadAt = now;
        }
        return new Version(id, key(id));
    }

    /** The clear key of a version (any version ever made stays readable). */
    public SecretKey key(String version) {
        return keys.computeIfAbsent(version, v -> {
            Map<String, AttributeValue> item = currentItem;
            boolean copied = item != null && item.get("version").s().equals(v) && item.containsKey("wrapped");
            return new SecretKeySpec(copied ? unwrap("key#" + v, item) : unwrap("key#" + v), "AES");
        });
    }

    /**
     * Whether reads of {@code table} (logical name) refuse plaintext personal data: once the personal-data job has
     * verified that no item of it holds any ({@link #refusePlaintext}), a plaintext value was written around banshi and
     * is refused like an altered one. Read only when a plaintext value is met; a "not yet" is read again after
     * {@link #CURRENT_TTL}.
     */
    public boolean plaintextRefused(String table) {
        if (refusedTables.contains(table)) return true;
        Instant now = clock.instant();
        if (now.isAfter(refusalReadAt.plus(CURRENT_TTL))) {
            Map<String, AttributeValue> marker = get(PLAINTEXT_REFUSED);
            refusedTables = marker == null
                    ? Set.of()
                    : marker.containsKey("tables")
                            ? Set.copyOf(marker.get("tables").ss())
                            : FIRST_REFUSED;
            refusalReadAt = now;
        }
        return refusedTables.contains(table);
    }

    /** Whether reads of every table in {@code tables} refuse plaintext (the job's and {@code ./banshi}'s status). */
    public boolean plaintextRefused(Collection<String> tables) {
        for (String t : tables) if (!plaintextRefused(t)) return false;
        return true;
    }

    /**
     * Records that no plaintext is left in {@code tables} (logical names; the personal-data job, after a full pass over
     * them that found none).
     */
    public void refusePlaintext(Collection<String> tables) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS(PK),
                        "sk", AttributeValue.fromS(PLAINTEXT_REFUSED),
                        "tables", AttributeValue.fromSs(List.copyOf(new TreeSet<>(tables))),
                        "at", AttributeValue.fromS(clock.instant().toString()))));
        refusedTables = Set.copyOf(tables);
        refusalReadAt = clock.instant();
    }

    /** The HMAC key of the beacons; created on first use. */
    public byte[] beaconKey() {
        return keys.computeIfAbsent(BEACON, b -> {
                    Map<String, AttributeValue> item = read(BEACON);
                    if (item == null) {
                        if (!mayCreate()) throw new PersonalDataException(NO_KEY);
                        KeyWrapper.DataKey k = wrapper.generate(context(BEACON));
                        if (put(BEACON, k.wrapped())) return new SecretKeySpec(k.clear(), "HmacSHA256");
                        item = get(BEACON); // another function created it first
                    }
                    // the item just read (reading it again cost every cold function one more round trip)
                    return new SecretKeySpec(unwrap(BEACON, item), "HmacSHA256");
                })
                .getEncoded();
    }

    /**
     * Creates the first key version and the beacon key if there are none (the personal-data job's first step). In AWS
     * only that job may create keys (its role has kms:GenerateDataKey); locally the first write does.
     */
    public void ensure() {
        Map<String, AttributeValue> currentItem = get(CURRENT);
        if (currentItem == null) create("k1", null);
        else if (!currentItem.containsKey("wrapped"))
            copyWrappedKey(currentItem.get("version").s());
        creating = true;
        try {
            beaconKey();
        } finally {
            creating = false;
        }
        current = null;
    }

    private boolean mayCreate() {
        return creating || wrapper instanceof LocalKeyWrapper;
    }

    /** Makes a new version current (k1 → k2…) and returns its id; old versions stay readable. */
    public String rotate() {
        String from = readCurrent();
        String next = from == null ? "k1" : "k" + (Integer.parseInt(from.substring(1)) + 1);
        String id = create(next, from);
        current = id;
        currentReadAt = clock.instant();
        return id;
    }

    /** Creates {@code version} and points {@code current} at it unless someone else moved it first. */
    private String create(String version, String expectedCurrent) {
        Map<String, AttributeValue> key = get("key#" + version);
        if (key == null) {
            KeyWrapper.DataKey k = wrapper.generate(context("key#" + version));
            if (put("key#" + version, k.wrapped())) {
                keys.put(version, new SecretKeySpec(k.clear(), "AES"));
                key = Map.of("wrapped", AttributeValue.fromB(SdkBytes.fromByteArray(k.wrapped())));
            } else {
                key = get("key#" + version); // the one another function put first
            }
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(PK));
        item.put("sk", AttributeValue.fromS(CURRENT));
        item.put("version", AttributeValue.fromS(version));
        item.put("wrapped", key.get("wrapped"));
        item.put("at", AttributeValue.fromS(clock.instant().toString()));
        try {
            if (expectedCurrent == null) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table)
                        .item(item)
                        .conditionExpression("version = :from")
                        .expressionAttributeValues(Map.of(":from", AttributeValue.fromS(expectedCurrent))));
            }
            return version;
        } catch (ConditionalCheckFailedException raced) {
            return readCurrent();
        }
    }

    private String readCurrent() {
        Map<String, AttributeValue> item = get(CURRENT);
        return item == null ? null : item.get("version").s();
    }

    /**
     * Adds to a {@code current} item from before the copy the wrapped key of its version, unless the version moved
     * meanwhile (the job's {@link #ensure()}: afterwards cold functions read one item less).
     */
    private void copyWrappedKey(String version) {
        Map<String, AttributeValue> key = get("key#" + version);
        if (key == null) return;
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(itemKey(CURRENT))
                    .updateExpression("SET #w = :w")
                    .conditionExpression("#v = :v AND attribute_not_exists(#w)")
                    .expressionAttributeNames(Map.of("#w", "wrapped", "#v", "version"))
                    .expressionAttributeValues(Map.of(":w", key.get("wrapped"), ":v", AttributeValue.fromS(version))));
        } catch (ConditionalCheckFailedException copiedOrMoved) {
            // already copied, or a rotation wrote a new current item (with its copy)
        }
    }

    /**
     * The item of {@code sk} ({@link #CURRENT} or {@link #BEACON}). The {@code current} item of a process that has
     * not unwrapped the beacon key yet is read together with the beacon key's item, which the first
     * {@link #beaconKey()} within {@link #CURRENT_TTL} then takes: a write of personal data also indexes it, so a cold
     * filing that asks for {@link #current()} first makes one round trip for both. The beacon key alone never reads the
     * {@code current} item (a function that only computes pseudonyms holds no data key).
     */
    private Map<String, AttributeValue> read(String sk) {
        Instant now = clock.instant();
        ReadAhead ahead = readAhead.remove(sk);
        if (ahead != null && !now.isAfter(ahead.at().plus(CURRENT_TTL))) return ahead.item();
        if (!sk.equals(CURRENT) || keys.containsKey(BEACON)) return get(sk);
        Map<String, Map<String, AttributeValue>> read =
                bySk(BatchReads.consistent(dynamo, table, List.of(itemKey(CURRENT), itemKey(BEACON))));
        readAhead.put(BEACON, new ReadAhead(read.get(BEACON), now));
        return read.get(CURRENT); // its own, not through readAhead: a concurrent cold read may take that one
    }

    /**
     * The records-table keys {@link #current()} and {@link #beaconKey()} would read now when this process has read
     * neither ({@code current} and the beacon key's items), else none: for a caller that reads them together with
     * other items ({@link #take}).
     */
    public List<Map<String, AttributeValue>> keysToRead() {
        boolean cold = current == null && !keys.containsKey(BEACON) && readAhead.isEmpty();
        return cold ? List.of(itemKey(CURRENT), itemKey(BEACON)) : List.of();
    }

    /** Takes the items the caller read for {@link #keysToRead()} (any others are ignored), for the next reads of them. */
    public void take(List<Map<String, AttributeValue>> items) {
        Instant now = clock.instant();
        Map<String, Map<String, AttributeValue>> bySk = bySk(items);
        for (String sk : List.of(CURRENT, BEACON)) readAhead.put(sk, new ReadAhead(bySk.get(sk), now));
    }

    /** The data-key items among {@code items}, by sort key. */
    private static Map<String, Map<String, AttributeValue>> bySk(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> bySk = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            if (item.get("pk") != null && PK.equals(item.get("pk").s()))
                bySk.put(item.get("sk").s(), item);
        }
        return bySk;
    }

    private static Map<String, AttributeValue> itemKey(String sk) {
        return Map.of("pk", AttributeValue.fromS(PK), "sk", AttributeValue.fromS(sk));
    }

    private byte[] unwrap(String sk) {
        return unwrap(sk, get(sk));
    }

    private byte[] unwrap(String sk, Map<String, AttributeValue> item) {
        if (item == null) throw new PersonalDataException("no data key " + sk);
        return wrapper.unwrap(item.get("wrapped").b().asByteArray(), context(sk));
    }

    private Map<String, AttributeValue> get(String sk) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(itemKey(sk)));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private boolean put(String sk, byte[] wrapped) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(PK),
                            "sk", AttributeValue.fromS(sk),
                            "wrapped", AttributeValue.fromB(SdkBytes.fromByteArray(wrapped)),
                            "at", AttributeValue.fromS(clock.instant().toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    private String context(String sk) {
        return table + "/" + PK + "/" + sk;
    }
}

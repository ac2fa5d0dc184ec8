package cn.banshi.personaldata.migration;

import cn.banshi.personaldata.DataKeys;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Seals existing items in place (issue 18): items written before encryption, and (after {@link DataKeys#rotate()})
 * items sealed under an older key version. A batch job, never on a request path: it Scans each protected table page
 * by page, and for each item still plaintext or under another version, opens and re-seals its protected attributes
 * and puts it back with a condition that nobody changed it since the read (its lock attribute, e.g. the case's
 * {@code version}); on a conflict it reads the item again and retries, so it is safe while the desk is in use.
 * Progress (the last page's key, counts, done) is kept per table and key version in the records table: killed and
 * started again, it resumes after the last page it finished, and items already under the target version are
 * skipped, so each item is sealed once.
 */
public final class PersonalDataMigration {
    public static final int PAGE = 100;
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final PersonalData personalData;
    private final List<Reseal> tables;
    private final Clock clock;
    private final String records = Tables.physical(Tables.RECORDS);

    public PersonalDataMigration(DynamoDbClient dynamo, PersonalData personalData, List<Reseal> tables, Clock clock) {
        this.dynamo = dynamo;
        this.personalData = personalData;
        this.tables = List.copyOf(tables);
        this.clock = clock;
    }

    /** What one table's run did. */
    public record Progress(String table, String version, long scanned, long sealed, boolean done) {}

    /** Runs every table to the end (or {@code maxPages} pages in all: a bounded slice, then resume later). */
    public List<Progress> run(int maxPages) {
        personalData.keys().ensure();
        String version = personalData.keys().current().id();
        List<Progress> out = new ArrayList<>();
        int pages = 0;
        for (Reseal t : tables) {
            Map<String, AttributeValue> state = state(t, version);
            boolean done = state != null && state.get("done").bool();
            long scanned =
                    state == null ? 0 : Long.parseLong(state.get("scanned").n());
            long sealed = state == null ? 0 : Long.parseLong(state.get("sealed").n());
            Map<String, AttributeValue> start = state == null ? null : lastKey(state);
            while (!done && pages < maxPages) {
                ScanResponse page = page(t, start);
                for (Map<String, AttributeValue> item : page.items()) {
                    if (!t.holds().test(item)) continue;
                    scanned++;
                    if (reseal(t, item, version)) sealed++;
                }
                pages++;
                start = next(page);
                done = start == null;
                save(t, version, start, scanned, sealed, done);
            }
            out.add(new Progress(t.attributes().table(), version, scanned, sealed, done));
        }
        return out;
    }

    /**
     * Once the migration is done: one more full pass over every table, sealing whatever it still finds (a write of
     * the previous deployment that came after the migration's pass); when it found nothing, reads refuse plaintext
     * from now on ({@link DataKeys#refusePlaintext}). Returns how many items it sealed; run it again while that is not
     * 0. Not resumable: a read-only pass of projections, minutes for a county.
     */
    public long verify() {
        if (!done()) throw new IllegalStateException("the migration is not done");
        String version = personalData.keys().current().id();
        long sealed = 0;
        for (Reseal t : tables) {
            Map<String, AttributeValue> start = null;
            do {
                ScanResponse page = page(t, start);
                for (Map<String, AttributeValue> item : page.items()) {
                    if (t.holds().test(item) && t.attributes().hasPlaintext(item) && reseal(t, item, version)) sealed++;
                }
                start = next(page);
            } while (start != null);
        }
        if (sealed == 0) personalData.keys().refusePlaintext(tables());
        return sealed;
    }

    /** The logical names of the tables this migration seals (what a verification that found nothing refuses). */
    public List<String> tables() {
        return tables.stream().map(t -> t.attributes().table()).toList();
    }

    /** Whether every table is done for the current key version: then no plaintext (or older key) is left. */
    public boolean done() {
        String version = personalData.keys().current().id();
        for (Reseal t : tables) {
            Map<String, AttributeValue> state = state(t, version);
            if (state == null || !state.get("done").bool()) return false;
        }
        return true;
    }

    /** Seals one item if it needs it; true when this call wrote it. */
    private boolean reseal(Reseal t, Map<String, AttributeValue> item, String version) {
        ProtectedAttributes p = t.attributes();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (item == null) return false; // deleted meanwhile
            if (!p.hasPlaintext(item) && !p.hasOtherVersion(item, version)) {
                if (attempt == 0)
                    t.afterSeal().accept(personalData.openForMigration(p, item)); // sealed by the desk: index only
                return false;
            }
            Map<String, AttributeValue> clear = personalData.openForMigration(p, item);
            Map<String, AttributeValue> sealed = personalData.seal(p, clear);
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> sets = new ArrayList<>();
            for (String a : p.attributes()) {
                if (!sealed.containsKey(a)) continue;
                int i = sets.size();
                names.put("#s" + i, a);
                values.put(":s" + i, sealed.get(a));
                sets.add("#s" + i + " = :s" + i);
            }
            names.put("#lock", t.lockAttribute());
            names.put("#k", p.keyAttributes().get(0));
            String condition = "attribute_exists(#k) AND ";
            // and the protected values still as read, where a condition can compare them (strings and binaries; a
            // map is covered by the lock alone): a write that removed or replaced one (an erasure that leaves the
            // lock as it was) is not undone by putting back what was read
            for (String a : p.attributes()) {
                AttributeValue was = item.get(a);
                String name = "#c" + names.size();
                if (was == null) {
                    names.put(name, a);
                    condition += "attribute_not_exists(" + name + ") AND ";
                } else if (was.type() == AttributeValue.Type.S || was.type() == AttributeValue.Type.B) {
                    names.put(name, a);
                    values.put(":" + name.substring(1), was);
                    condition += name + " = :" + name.substring(1) + " AND ";
                }
            }
            if (item.containsKey(t.lockAttribute())) {
                values.put(":lock", item.get(t.lockAttribute()));
                condition += "#lock = :lock";
            } else {
                condition += "attribute_not_exists(#lock)";
            }
            Map<String, AttributeValue> key = new HashMap<>();
            for (String k : p.keyAttributes()) key.put(k, item.get(k));
            String expression = condition;
            try {
                // the protected attributes only, on condition that no other write came between the read and this
                dynamo.updateItem(u -> u.tableName(Tables.physical(p.table()))
                        .key(key)
                        .updateExpression("SET " + String.join(", ", sets))
                        .conditionExpression(expression)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
                t.afterSeal().accept(clear);
                return true;
            } catch (ConditionalCheckFailedException changed) {
                var again = dynamo.getItem(g -> g.tableName(Tables.physical(p.table()))
                        .consistentRead(true)
                        .key(key)
                        .projectionExpression(projection(t))
                        .expressionAttributeNames(projectionNames(t)));
                item = again.hasItem() && !again.item().isEmpty() ? again.item() : null;
            }
        }
        throw new IllegalStateException("personal data migration: an item kept changing; run again");
    }

    /** One page of a table: only the attributes the migration needs (its role's Scan is limited to them). */
    private ScanResponse page(Reseal t, Map<String, AttributeValue> from) {
        return dynamo.scan(sb -> sb.tableName(Tables.physical(t.attributes().table()))
                .consistentRead(true)
                .limit(PAGE)
                .select(Select.SPECIFIC_ATTRIBUTES)
                .projectionExpression(projection(t))
                .expressionAttributeNames(projectionNames(t))
                .exclusiveStartKey(from));
    }

    private static Map<String, AttributeValue> next(ScanResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }

    private Map<String, AttributeValue> state(Reseal t, String version) {
        var r = dynamo.getItem(b -> b.tableName(records)
                .consistentRead(true)
                .key(Map.of(
                        "pk", AttributeValue.fromS(DataKeys.PK),
                        "sk", AttributeValue.fromS(stateKey(t, version)))));
        return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
    }

    private void save(
            Reseal t, String version, Map<String, AttributeValue> lastKey, long scanned, long sealed, boolean done) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(DataKeys.PK));
        item.put("sk", AttributeValue.fromS(stateKey(t, version)));
        item.put("scanned", AttributeValue.fromN(Long.toString(scanned)));
        item.put("sealed", AttributeValue.fromN(Long.toString(sealed)));
        item.put("done", AttributeValue.fromBool(done));
        item.put("at", AttributeValue.fromS(clock.instant().toString()));
        if (lastKey != null) item.put("lastKey", AttributeValue.fromM(lastKey));
        dynamo.putItem(b -> b.tableName(records).item(item));
    }

    private static String projection(Reseal t) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < t.projection().size(); i++) aliases.add("#p" + i);
        return String.join(",", aliases);
    }

    private static Map<String, String> projectionNames(Reseal t) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < t.projection().size(); i++)
            names.put("#p" + i, t.projection().get(i));
        return names;
    }

    private static Map<String, AttributeValue> lastKey(Map<String, AttributeValue> state) {
        AttributeValue k = state.get("lastKey");
        return k == null ? null : k.m();
    }

    private static String stateKey(Reseal t, String version) {
        return "migration#" + t.attributes().table() + "#" + version;
    }
}

package cn.banshi.testkit.atrest;

import cn.banshi.personaldata.FieldCipher;
import cn.banshi.personaldata.KeyWrapper;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import cn.banshi.testkit.logscan.PersonalData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads every item of the tables of one table prefix with the plain SDK (no decryption: what a reader of the table,
 * a backup or an export sees) and finds personal data in plaintext: the phones, ID numbers, credit codes and e-mail
 * addresses the log scan finds ({@link PersonalData}, the one set of patterns), an attribute that
 * {@link ProtectedAttributes} protects but is not sealed, and names: the sealed values are opened to learn the names
 * they hold (attributes {@link #NAME_FIELDS}), and no plaintext value may hold one ({@link NameIndex}). What it reads
 * is {@link PlaintextValues}. A finding names the table, the item's key and the attribute, and the value only masked.
 */
public final class PlaintextScan {
    /** Attributes whose opened values are names. */
    public static final Set<String> NAME_FIELDS = Set.of("name", "displayName", "organization");

    /** Every table's protected attributes; the records table's only on personal-data requests. */
    private static final List<ProtectedAttributes> PROTECTED = ProtectedAttributes.ALL;

    /** Tables whose every item has its protected attributes sealed (the records table also holds other items). */
    private static final Set<String> SEALED_ALWAYS = Set.of(Tables.CASES, Tables.MESSAGES, Tables.STAFF);

    /** What was found: physical table, the item's key and the attribute (path), all masked; what it is. */
    public record Finding(String table, String key, String attribute, String what) {
        @Override
        public String toString() {
            return table + " " + key + " " + attribute + ": " + what;
        }
    }

    /** The findings, and how much was read (the names are for the scan's own tests, never printed). */
    public record Result(List<Finding> findings, int tables, int items, int sealedValues, Set<String> names) {}

    private PlaintextScan() {}

    /**
     * Scans every table of {@link Tables#all()} under {@code prefix} except {@code skipped} (logical names), opening
     * sealed values with this JVM's key.
     */
    public static Result scan(DynamoDbClient dynamo, String prefix, Set<String> skipped) {
        return scan(dynamo, prefix, skipped, SealedValues.thisJvmsKey());
    }

    /** As above, opening sealed values with {@code keys} (the key file of another process's data directory). */
    public static Result scan(DynamoDbClient dynamo, String prefix, Set<String> skipped, KeyWrapper keys) {
        Map<TableSpec, List<Map<String, AttributeValue>>> tables = RawTables.read(dynamo, prefix, skipped);
        SealedValues opener = new SealedValues(dynamo, prefix, keys);
        Set<String> names = new TreeSet<>();
        Set<String> texts = new HashSet<>(); // values repeat (codes, dates, attribute names): each is read once
        List<Finding> unsealed = new ArrayList<>();
        int items = 0;
        int sealed = 0;
        for (var table : tables.entrySet()) {
            ProtectedAttributes protectedAttributes = protectedOf(table.getKey().name());
            for (Map<String, AttributeValue> item : table.getValue()) {
                items++;
                PlaintextValues.of(item, false, (where, text) -> texts.add(text));
                if (protectedAttributes == null) continue;
                for (String a : protectedAttributes.attributes()) {
                    if (!item.containsKey(a)) continue;
                    if (FieldCipher.isSealed(item.get(a))) sealed++;
                    else if (SEALED_ALWAYS.contains(table.getKey().name()))
                        unsealed.add(new Finding(prefix + table.getKey().name(), key(table.getKey(), item), a, ""));
                }
                collectNames(opener.open(protectedAttributes, item), names);
            }
        }
        NameIndex index = new NameIndex(names);
        Set<String> personal = new HashSet<>();
        for (String text : texts) {
            if ((mayHoldNumbers(text) && !PersonalData.find(text).isEmpty())
                    || !index.in(text).isEmpty()) personal.add(text);
        }
        List<Finding> findings = unsealed.isEmpty() && personal.isEmpty()
                ? List.of()
                : findings(prefix, tables, unsealed, personal, index);
        return new Result(findings, tables.size(), items, sealed, names);
    }

    /** Where each personal text is, read again with paths (only when there is something to say). */
    private static List<Finding> findings(
            String prefix,
            Map<TableSpec, List<Map<String, AttributeValue>>> tables,
            List<Finding> unsealed,
            Set<String> personal,
            NameIndex names) {
        Set<Finding> found = new LinkedHashSet<>();
        for (Finding u : unsealed)
            found.add(new Finding(u.table(), redact(u.key(), names), u.attribute(), "not sealed"));
        for (var table : tables.entrySet()) {
            for (Map<String, AttributeValue> item : table.getValue()) {
                String key = redact(key(table.getKey(), item), names);
                PlaintextValues.of(item, true, (where, text) -> {
                    if (!personal.contains(text)) return;
                    String attribute = where.isEmpty() ? "(an attribute's name)" : redact(where, names);
                    String in = prefix + table.getKey().name();
                    for (String what : PersonalData.find(text)) found.add(new Finding(in, key, attribute, what));
                    for (String name : names.in(text))
                        found.add(new Finding(in, key, attribute, "the name " + PersonalData.mask(name)));
                });
            }
        }
        return List.copyOf(found);
    }

    /** Whether {@code text} has a digit or an at sign: without one it holds no phone, ID number or e-mail address. */
    private static boolean mayHoldNumbers(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '@') return true;
        }
        return false;
    }

    private static String redact(String text, NameIndex names) {
        return names.redact(PersonalData.redact(text));
    }

    private static ProtectedAttributes protectedOf(String table) {
        for (ProtectedAttributes p : PROTECTED) if (p.table().equals(table)) return p;
        return null;
    }

    private static String key(TableSpec spec, Map<String, AttributeValue> item) {
        String pk = text(item.get(spec.partitionKey()));
        return spec.sortKey() == null ? pk : pk + " / " + text(item.get(spec.sortKey()));
    }

    private static String text(AttributeValue v) {
        if (v == null) return "?";
        return v.s() != null ? v.s() : String.valueOf(v.n());
    }

    private static void collectNames(Map<String, AttributeValue> item, Set<String> names) {
        item.forEach((k, v) -> collectNames(k, v, names));
    }

    private static void collectNames(String field, AttributeValue v, Set<String> names) {
        if (v.type() == AttributeValue.Type.S
                && NAME_FIELDS.contains(field)
                && v.s().strip().length() >= 2) names.add(v.s().strip());
        if (v.type() == AttributeValue.Type.M) v.m().forEach((k, e) -> collectNames(k, e, names));
        if (v.type() == AttributeValue.Type.L) v.l().forEach(e -> collectNames(field, e, names));
    }
}

package cn.banshi.testkit.atrest;

import cn.banshi.personaldata.FieldCipher;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import cn.banshi.testkit.logscan.PersonalData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Reads every item of the tables of one table prefix with the plain SDK (no decryption: what a reader of the table,
 * a backup or an export sees) and finds personal data in plaintext: the phones, ID numbers and e-mail addresses the
 * log scan finds ({@link PersonalData}, the one set of patterns), an attribute that
 * {@link ProtectedAttributes} protects but is not sealed, and names: the sealed values are opened with this JVM's key
 * to learn the names they hold (attributes {@link #NAME_FIELDS}), and no plaintext value may contain one (a name of
 * three characters or more anywhere in a value; a two-character one as the whole value, since it can occur inside
 * unrelated prose: 谢建 in 感谢建议). Binary values that are not sealed are read as text (inflated where they are
 * deflated). A finding names the table, the item's key and the attribute, and the value only masked.
 */
public final class PlaintextScan {
    /** Attributes whose opened values are names. */
    public static final Set<String> NAME_FIELDS = Set.of("name", "displayName", "organization");

    /** Every table's protected attributes; the records table's only on personal-data requests. */
    private static final List<ProtectedAttributes> PROTECTED = List.of(
            ProtectedAttributes.CASES,
            ProtectedAttributes.MESSAGES,
            ProtectedAttributes.STAFF,
            ProtectedAttributes.DATA_REQUESTS);

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

    private record Leaf(String table, String key, String path, String text) {}

    private PlaintextScan() {}

    /** Scans every table of {@link Tables#all()} under {@code prefix} except {@code skipped} (logical names). */
    public static Result scan(DynamoDbClient dynamo, String prefix, Set<String> skipped) {
        SealedValues opener = new SealedValues(dynamo, prefix);
        List<Leaf> leaves = new ArrayList<>();
        List<Leaf> unsealed = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        int tables = 0;
        int items = 0;
        int sealed = 0;
        for (TableSpec spec : Tables.all()) {
            if (skipped.contains(spec.name())) continue;
            String table = prefix + spec.name();
            ProtectedAttributes protectedAttributes = protectedOf(spec.name());
            try {
                for (var page : dynamo.scanPaginator(b -> b.tableName(table))) {
                    for (Map<String, AttributeValue> item : page.items()) {
                        items++;
                        String key = key(spec, item);
                        for (var e : item.entrySet()) {
                            leaves.add(new Leaf(table, key, "", e.getKey()));
                            walk(
                                    e.getValue(),
                                    e.getKey(),
                                    (path, text) -> leaves.add(new Leaf(table, key, path, text)));
                        }
                        if (protectedAttributes == null) continue;
                        for (String a : protectedAttributes.attributes()) {
                            AttributeValue v = item.get(a);
                            if (v == null) continue;
                            if (FieldCipher.isSealed(v)) sealed++;
                            else if (SEALED_ALWAYS.contains(spec.name())) unsealed.add(new Leaf(table, key, a, ""));
                        }
                        collectNames(opener.open(protectedAttributes, item), names);
                    }
                }
                tables++;
            } catch (ResourceNotFoundException gone) {
                // a test that made its tables another way, or a dynalite restarted since: nothing to read
            }
        }
        return new Result(findings(leaves, unsealed, names), tables, items, sealed, names);
    }

    private static List<Finding> findings(List<Leaf> leaves, List<Leaf> unsealed, Set<String> names) {
        Names index = new Names(names);
        Set<Finding> found = new LinkedHashSet<>();
        for (Leaf u : unsealed) found.add(finding(u, "not sealed", index));
        Set<String> clean = new HashSet<>(); // values repeat (codes, dates, attribute names): each is read once
        for (Leaf leaf : leaves) {
            if (clean.contains(leaf.text())) continue;
            List<String> numbers = mayHoldNumbers(leaf.text()) ? PersonalData.find(leaf.text()) : List.of();
            Set<String> named = index.in(leaf.text());
            if (numbers.isEmpty() && named.isEmpty()) clean.add(leaf.text());
            for (String what : numbers) found.add(finding(leaf, what, index));
            for (String name : named) found.add(finding(leaf, "the name " + PersonalData.mask(name), index));
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

    private static Finding finding(Leaf leaf, String what, Names names) {
        return new Finding(
                leaf.table(),
                names.redact(PersonalData.redact(leaf.key())),
                leaf.path().isEmpty() ? "(an attribute's name)" : names.redact(PersonalData.redact(leaf.path())),
                what);
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

    /** Each plaintext value of {@code v} as {path, text}: strings, numbers, map keys, unsealed binary as text. */
    private static void walk(AttributeValue v, String path, BiConsumer<String, String> out) {
        switch (v.type()) {
            case S -> out.accept(path, v.s());
            case N -> out.accept(path, v.n());
            case B -> {
                if (!FieldCipher.isSealed(v)) out.accept(path, binaryText(v.b()));
            }
            case SS -> v.ss().forEach(s -> out.accept(path, s));
            case NS -> v.ns().forEach(n -> out.accept(path, n));
            case BS -> v.bs().forEach(b -> out.accept(path, binaryText(b)));
            case M ->
                v.m().forEach((k, e) -> {
                    out.accept(path, k);
                    walk(e, path + "." + k, out);
                });
            case L -> {
                for (int i = 0; i < v.l().size(); i++) walk(v.l().get(i), path + "[" + i + "]", out);
            }
            default -> {
                // BOOL, NUL: nothing personal
            }
        }
    }

    /** Unsealed bytes as a reader would decode them: inflated if they are deflated, as UTF-8. */
    private static String binaryText(SdkBytes bytes) {
        byte[] b = bytes.asByteArrayUnsafe();
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                out.write(buffer, 0, n);
            }
            if (inflater.finished()) b = out.toByteArray();
        } catch (DataFormatException notDeflated) {
            // read as it is
        } finally {
            inflater.end();
        }
        return new String(b, StandardCharsets.UTF_8);
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

    /** The names to look for, indexed by their first three characters. */
    private static final class Names {
        private final Set<String> whole;
        private final Map<String, List<String>> byStart = new HashMap<>();
        private final BitSet firstChars = new BitSet(Character.MAX_VALUE + 1);

        Names(Set<String> names) {
            this.whole = names;
            for (String n : names) {
                if (n.length() >= 3) {
                    byStart.computeIfAbsent(n.substring(0, 3), s -> new ArrayList<>())
                            .add(n);
                    firstChars.set(n.charAt(0));
                }
            }
        }

        /** The names {@code text} holds: as its whole value, or (three characters or more) inside it. */
        Set<String> in(String text) {
            if (whole.isEmpty() || text.isEmpty()) return Set.of();
            Set<String> found = new LinkedHashSet<>();
            if (whole.contains(text.strip())) found.add(text.strip());
            for (int i = 0; i + 3 <= text.length(); i++) {
                if (!firstChars.get(text.charAt(i))) continue;
                List<String> candidates = byStart.get(text.substring(i, i + 3));
                if (candidates == null) continue;
                for (String n : candidates) if (text.startsWith(n, i)) found.add(n);
            }
            return found;
        }

        String redact(String text) {
            for (String n : in(text)) text = text.replace(n, PersonalData.mask(n));
            return text;
        }
    }
}

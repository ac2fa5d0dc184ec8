package cn.banshi.personaldata;

import cn.banshi.store.Tables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which attributes of a table's items hold personal data, and the key attributes that name an item. Everything else
 * (status, dates, type, category, village, index keys) stays plaintext, so indexes, lists and report scans read it.
 */
public record ProtectedAttributes(String table, List<String> keyAttributes, List<String> attributes) {
    /** Cases: the {@code personal} map (submitter, parties, applicant, location, contact choice). */
    public static final ProtectedAttributes CASES =
            new ProtectedAttributes(Tables.CASES, List.of("pk"), List.of("personal"));

    /** Messages: the recipient's address and the text with its parameters (names, numbers). */
    public static final ProtectedAttributes MESSAGES =
            new ProtectedAttributes(Tables.MESSAGES, List.of("pk"), List.of("to", "params", "subject", "text"));

    /** Staff accounts: name and contact details. */
    public static final ProtectedAttributes STAFF =
            new ProtectedAttributes(Tables.STAFF, List.of("username"), List.of("displayName", "phone", "email"));

    /**
     * Personal-data requests in the records table: the citizen's own words and the staff's answer, which says what was
     * corrected, often the corrected phone or name itself (issue 18, {@code DataRequestStore}).
     */
    public static final ProtectedAttributes DATA_REQUESTS =
            new ProtectedAttributes(Tables.RECORDS, List.of("pk", "sk"), List.of("text", "answer"));

    /** Every table's protected attributes. */
    public static final List<ProtectedAttributes> ALL = List.of(CASES, MESSAGES, STAFF, DATA_REQUESTS);

    String itemKey(Map<String, AttributeValue> item) {
        StringBuilder key = new StringBuilder();
        for (String k : keyAttributes) {
            if (key.length() > 0) key.append('#');
            key.append(item.get(k).s());
        }
        return key.toString();
    }

    /** Whether any protected attribute of the item is still plaintext (the migration's test). */
    public boolean hasPlaintext(Map<String, AttributeValue> item) {
        for (String a : attributes) {
            AttributeValue v = item.get(a);
            if (v != null && !FieldCipher.isSealed(v)) return true;
        }
        return false;
    }

    /** Whether any protected attribute is sealed under another key version than {@code version}. */
    public boolean hasOtherVersion(Map<String, AttributeValue> item, String version) {
        for (String a : attributes) {
            AttributeValue v = item.get(a);
            if (v != null
                    && FieldCipher.isSealed(v)
                    && !FieldCipher.versionOf(v).equals(version)) return true;
        }
        return false;
    }

    Map<String, AttributeValue> seal(FieldCipher cipher, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new HashMap<>(item);
        String key = itemKey(item);
        for (String a : attributes) {
            AttributeValue v = item.get(a);
            if (v != null && !FieldCipher.isSealed(v)) out.put(a, cipher.seal(v, table, key, a));
        }
        return out;
    }

    Map<String, AttributeValue> open(FieldCipher cipher, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = null;
        String key = null;
        for (String a : attributes) {
            AttributeValue v = item.get(a);
            if (FieldCipher.isSealed(v)) {
                if (out == null) {
                    out = new HashMap<>(item);
                    key = itemKey(item);
                }
                out.put(a, cipher.open(v, table, key, a));
            }
        }
        return out == null ? item : out;
    }
}

package cn.banshi.records;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keys of the per-town staff inputs in the {@code records} table: {@code pk = town#<town>#<kind>}, and an id
 * that starts with the year it belongs to ({@code 2021-k3m9qxdt}) so that one Query with
 * {@code begins_with(sk, "2021-")} lists a year.
 */
public final class TownRecords {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final Pattern ID = Pattern.compile("(20[0-9]{2}|2100)-[a-z0-9][a-z0-9-]{0,47}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TownRecords() {}

    public static String pk(String town, String kind) {
        return "town#" + town + "#" + kind;
    }

    public static String newId(int year) {
        char[] out = new char[10];
        for (int i = 0; i < out.length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return year + "-" + new String(out);
    }

    public static String yearPrefix(int year) {
        return year + "-";
    }

    /** Whether a path parameter can be a record id (guards every lookup by id). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static int yearOf(String id) {
        return Integer.parseInt(id.substring(0, 4));
    }

    public static String normalize(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }
}

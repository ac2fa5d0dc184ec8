package cn.banshi.cases;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Tracking numbers and access codes in Crockford base32 (no I, L, O, U; read back case-insensitively with
 * I/L as 1 and O as 0). A tracking number has 80 random bits ("7K3M-9QXD-T4W2-H8PZ"); an access code 50
 * ("4F7QK-M2X9D").
 */
public final class TrackingNumbers {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int TRACKING_LENGTH = 16;
    private static final int ACCESS_LENGTH = 10;

    private TrackingNumbers() {}

    public static String newTrackingNo(Random random) {
        return group(randomChars(random, TRACKING_LENGTH), 4);
    }

    public static String newAccessCode(Random random) {
        return group(randomChars(random, ACCESS_LENGTH), 5);
    }

    /** The canonical form of a tracking number as typed by a person, or empty if it cannot be one. */
    public static Optional<String> normalizeTrackingNo(String input) {
        return normalize(input, TRACKING_LENGTH).map(s -> group(s, 4));
    }

    public static Optional<String> normalizeAccessCode(String input) {
        return normalize(input, ACCESS_LENGTH).map(s -> group(s, 5));
    }

    private static Optional<String> normalize(String input, int length) {
        if (input == null || input.length() > 64) return Optional.empty();
        StringBuilder out = new StringBuilder(length);
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') continue;
            if (c == 'I' || c == 'L') c = '1';
            if (c == 'O') c = '0';
            if (indexOf(c) < 0) return Optional.empty();
            out.append(c);
        }
        return out.length() == length ? Optional.of(out.toString()) : Optional.empty();
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) if (ALPHABET[i] == c) return i;
        return -1;
    }

    private static String randomChars(Random random, int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) out[i] = ALPHABET[random.nextInt(32)];
        return new String(out);
    }

    private static String group(String s, int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) out.append('-');
            out.append(s, i, Math.min(s.length(), i + size));
        }
        return out.toString();
    }
}

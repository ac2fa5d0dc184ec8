package cn.banshi.accounts;

import cn.banshi.errors.Errors;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Password rules after GB/T 22239-2019 (等保2.0) identification and authentication: at least 10 characters (at
 * most 128), at least three of upper-case letters, lower-case letters, digits and other characters, not containing
 * the username. Temporary passwords (initial and reset) are generated to satisfy them and must be changed at the
 * next sign-in.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String OTHER = "-_.!@#%+=";

    private PasswordPolicy() {}

    /** Throws WEAK_PASSWORD naming the field if the password breaks a rule. */
    public static void check(String field, String password, String username) {
        if (password == null || password.isEmpty()) throw Errors.required(field);
        if (password.length() > MAX_LENGTH) throw Errors.tooLong(field, MAX_LENGTH);
        if (password.length() < MIN_LENGTH) {
            throw Errors.weakPassword(
                    field, "密码至少 " + MIN_LENGTH + " 个字符", "A password needs at least " + MIN_LENGTH + " characters");
        }
        int classes = 0;
        if (password.chars().anyMatch(Character::isUpperCase)) classes++;
        if (password.chars().anyMatch(Character::isLowerCase)) classes++;
        if (password.chars().anyMatch(Character::isDigit)) classes++;
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        if (classes < 3) {
            throw Errors.weakPassword(
                    field,
                    "密码须包含大写字母、小写字母、数字、其他符号中的至少三类",
                    "A password needs three of: upper-case, lower-case, digits, other characters");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw Errors.weakPassword(field, "密码不能包含用户名", "A password must not contain the username");
        }
    }

    /** A temporary password of 16 characters from every class (no look-alike characters). */
    public static String temporary(SecureRandom random) {
        String all = UPPER + LOWER + DIGITS + OTHER;
        StringBuilder sb = new StringBuilder();
        sb.append(UPPER.charAt(random.nextInt(UPPER.length())));
        sb.append(LOWER.charAt(random.nextInt(LOWER.length())));
        sb.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        sb.append(OTHER.charAt(random.nextInt(OTHER.length())));
        while (sb.length() < 16) sb.append(all.charAt(random.nextInt(all.length())));
        for (int i = sb.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = sb.charAt(i);
            sb.setCharAt(i, sb.charAt(j));
            sb.setCharAt(j, c);
        }
        return sb.toString();
    }
}

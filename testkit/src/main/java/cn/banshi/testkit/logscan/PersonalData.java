package cn.banshi.testkit.logscan;

import cn.banshi.validation.ChineseIds;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must never be logged nor stored in plaintext: mainland mobile numbers, landline numbers with an area
 * code, e-mail addresses, resident ID numbers and unified social credit codes (only those whose GB 11643 / GB 32100
 * check character is right, so that timestamps, epoch milliseconds, request ids and latencies are not mistaken for
 * them). A number must stand apart from ASCII letters and digits, so that the
 * hex groups of a UUID are not read as phones.
 */
public final class PersonalData {
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");
    private static final Pattern LANDLINE =
            Pattern.compile("(?<![0-9A-Za-z-])0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?![0-9])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    /** A unified social credit code (GB 32100): authority, category, region, organisation code, check character. */
    private static final Pattern CREDIT_CODE =
            Pattern.compile("(?<![0-9A-Za-z])[1-9ANY][1-9][0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])");

    /** An e-mail address; a masked one (w***@example.com) is not one, nor a staff id without a domain dot. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+*-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}(?![A-Za-z0-9])");

    private PersonalData() {}

    /** Each finding, masked (first three and last two characters), so that a report does not leak it again. */
    public static List<String> find(CharSequence text) {
        List<String> found = new ArrayList<>();
        collect(MOBILE.matcher(text), "phone", found);
        collect(LANDLINE.matcher(text), "phone", found);
        collect(EMAIL.matcher(text), "e-mail", found);
        Matcher id = RESIDENT_ID.matcher(text);
        while (id.find()) {
            if (isResidentId(id.group()))
                found.add("ID number " + mask(id.group().toUpperCase()));
        }
        Matcher code = CREDIT_CODE.matcher(text);
        while (code.find()) {
            if (isCreditCode(code.group())) found.add("credit code " + mask(code.group()));
        }
        return found;
    }

    /**
     * Only valid numbers: a province code, a birth date and a right check character. A timestamp, epoch
     * milliseconds or the random part of a temporary directory's name are not (a check character alone lets one
     * random eighteen-digit run in eleven through).
     */
    private static boolean isResidentId(String candidate) {
        return ChineseIds.isResidentIdNumber(candidate.toUpperCase());
    }

    /**
     * Valid, with a region code in a province (or {@code 10}, national), and not a resident ID number (18 digits can be
     * both; it is reported as that). The region keeps most random digit runs out: the check character alone lets one
     * in 31 through.
     */
    private static boolean isCreditCode(String candidate) {
        String region = candidate.substring(2, 4);
        return ChineseIds.isUnifiedSocialCreditCode(candidate)
                && (ChineseIds.isProvinceCode(region) || region.equals("10"))
                && !(RESIDENT_ID.matcher(candidate).matches() && isResidentId(candidate));
    }

    /** {@code text} with each finding masked in place (for naming what holds personal data without repeating it). */
    public static String redact(String text) {
        String out = mask(MOBILE.matcher(text));
        out = mask(LANDLINE.matcher(out));
        out = mask(EMAIL.matcher(out));
        out = RESIDENT_ID.matcher(out).replaceAll(r -> maskIf(isResidentId(r.group()), r.group()));
        return CREDIT_CODE.matcher(out).replaceAll(r -> maskIf(isCreditCode(r.group()), r.group()));
    }

    private static String mask(Matcher m) {
        return m.replaceAll(r -> maskIf(true, r.group()));
    }

    private static String maskIf(boolean personal, String value) {
        return Matcher.quoteReplacement(personal ? mask(value) : value);
    }

    private static void collect(Matcher m, String what, List<String> found) {
        while (m.find()) found.add(what + " " + mask(m.group()));
    }

    public static String mask(String value) {
        if (value.length() <= 5) return "*".repeat(value.length());
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }
}

package cn.banshi.validation;

import cn.banshi.calendar.ChinaTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, normalises and masks Chinese identifiers that citizens type into the case desk: resident
 * identity numbers, unified social credit codes and phone numbers.
 *
 * <p>Every method is a pure static function and never throws for bad input: {@code null}, blank or
 * malformed strings make the {@code is*} checks return {@code false}, the {@code normalize*} methods
 * return {@code null} and the {@code mask*} methods return a fully masked (or empty) string.
 *
 * <h2>Resident identity number (GB 11643-1999)</h2>
 * 17 digits (6-digit address code, 8-digit birth date, 3-digit sequence) and a check character
 * computed by ISO 7064 MOD 11-2. A trailing lowercase {@code x} is accepted; {@link #normalizeIdNumber}
 * upper-cases it. The first two digits must be a province-level code that actually appears in such
 * numbers: the 31 mainland codes of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65), 71 (Taiwan,
 * listed in GB/T 2260), and 81/82/83, the codes in the numbers of residence permits for Hong Kong, Macao
 * and Taiwan residents (港澳台居民居住证, which follow GB 11643). 91 is deliberately not accepted: it is
 * not a province code, and the 2023 foreigner's permanent residence card ("9" + province code + nationality
 * code ...) is a different document. The birth date must be a real calendar date between 1900-01-01 and
 * today, where "today" is the clock's instant taken in China Standard Time (Asia/Shanghai), because
 * births are registered on Chinese dates whatever zone the server runs in. The old 15-digit numbers are
 * not accepted.
 *
 * <h2>Unified social credit code (GB 32100-2015)</h2>
 * 18 characters from the 31-character set {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, Z, S, V); the last
 * is a check character with weights 3^i mod 31 and check = 31 − (sum mod 31), 31 mapping to 0. Only the
 * charset and the check character are verified: the registration-authority and organisation-type codes
 * in positions 1-2 are an open, growing list (1, 5, 9, Y, A, N, ...) and are not enforced. Validation is
 * case-insensitive (people type the code from a licence on a phone keyboard); {@link
 * #normalizeCreditCode} returns the canonical uppercase form that should be stored.
 *
 * <h2>Phone numbers</h2>
 * Only personal numbers are accepted: mainland mobiles and landlines with an area code. Service numbers
 * (400/800/95xxx) and numbers without an area code are rejected. See {@link #isMobile} and
 * {@link #isLandline} for the exact formats.
 */
public final class ChineseIds {

    private ChineseIds() {}

    /** Earliest birth date accepted in a resident identity number. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    // ---------------------------------------------------------------- resident identity numbers

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";

    /** Province-level codes that appear in the first two digits of valid numbers (see class doc). */
    private static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    /** Whether {@code twoDigits} is a province-level code, as the first two digits of a region code. */
    public static boolean isProvinceCode(String twoDigits) {
        return PROVINCE_CODES.contains(twoDigits);
    }

    /** Whether {@code value} is a valid 18-character resident identity number, dated against the system clock. */
    public static boolean isResidentIdNumber(String value) {
        return isResidentIdNumber(value, Clock.systemUTC());
    }

    /** Whether {@code value} is a valid 18-character resident identity number; the birth date may not be after today on {@code clock}. */
    public static boolean isResidentIdNumber(String value, Clock clock) {
        if (value == null || value.length() != 18 || clock == null) {
            return false;
        }
        String first17 = value.substring(0, 17);
        if (!allAsciiDigits(first17)) {
            return false;
        }
        if (!PROVINCE_CODES.contains(value.substring(0, 2))) {
            return false;
        }
        LocalDate birth = birthDateOrNull(value);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH)) {
            return false;
        }
        LocalDate today = ChinaTime.today(clock);
        if (birth.isAfter(today)) {
            return false;
        }
        char check = Character.toUpperCase(value.charAt(17));
        return check == residentIdCheckChar(first17);
    }

    /**
     * The ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}) for the first 17 digits of a
     * resident identity number, or {@code '\0'} if {@code first17} is not exactly 17 ASCII digits.
     * Useful for generating valid demo and test data.
     */
    public static char residentIdCheckChar(String first17) {
        if (first17 == null || first17.length() != 17 || !allAsciiDigits(first17)) {
            return '\0';
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS.charAt(sum % 11);
    }

    /** The trimmed number with an uppercase check character if it is valid (system clock), otherwise {@code null}. */
    public static String normalizeIdNumber(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return isResidentIdNumber(trimmed) ? asciiUpper(trimmed) : null;
    }

    private static LocalDate birthDateOrNull(String id) {
        try {
            int year = Integer.parseInt(id.substring(6, 10));
            int month = Integer.parseInt(id.substring(10, 12));
            int day = Integer.parseInt(id.substring(12, 14));
            return LocalDate.of(year, month, day);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- unified social credit codes

    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Whether {@code value} is a valid 18-character unified social credit code (case-insensitive, no surrounding spaces). */
    public static boolean isUnifiedSocialCreditCode(String value) {
        if (value == null || value.length() != 18) {
            return false;
        }
        String upper = asciiUpper(value);
        for (int i = 0; i < 18; i++) {
            if (CREDIT_CHARSET.indexOf(upper.charAt(i)) < 0) {
                return false;
            }
        }
        return upper.charAt(17) == creditCodeCheckChar(upper.substring(0, 17));
    }

    /**
     * The GB 32100-2015 check character for the first 17 characters of a credit code, or {@code '\0'}
     * if {@code first17} is not 17 characters from the code's charset (lowercase letters are accepted).
     */
    public static char creditCodeCheckChar(String first17) {
        if (first17 == null || first17.length() != 17) {
            return '\0';
        }
        String upper = asciiUpper(first17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CHARSET.indexOf(upper.charAt(i));
            if (v < 0) {
                return '\0';
            }
            sum += v * CREDIT_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CREDIT_CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** The trimmed, upper-cased code if it is valid, otherwise {@code null}. */
    public static String normalizeCreditCode(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return isUnifiedSocialCreditCode(trimmed) ? asciiUpper(trimmed) : null;
    }

    // ---------------------------------------------------------------- phone numbers

    /**
     * Mobile: optional country prefix {@code +86} or {@code 86}, optionally followed by one space or
     * dash, then 11 digits {@code 1[3-9]XXXXXXXXX}. No other separators.
     */
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86[ -]?)?(1[3-9]\\d{9})");

    /**
     * Landline: area code, optional single dash or space, local number, optional extension.
     * Area codes follow the mainland numbering plan, which makes digit-only input unambiguous:
     * 010 and 020-029 (3 digits, 8-digit local numbers) or 03xx-09xx (4 digits, 7- or 8-digit local
     * numbers). Local numbers start with 2-9 (0 is the trunk prefix, 1 is for special services).
     * Extension: "-" or "转" followed by 1-6 digits.
     */
    private static final Pattern LANDLINE =
            Pattern.compile("(010|02\\d|0[3-9]\\d{2})[ -]?([2-9]\\d{6,7})(?:(?:-|转)(\\d{1,6}))?");

    /** Whether {@code value} (surrounding whitespace ignored) is a mainland mobile number. */
    public static boolean isMobile(String value) {
        return value != null && MOBILE.matcher(value.strip()).matches();
    }

    /** Whether {@code value} (surrounding whitespace ignored) is a mainland landline number with area code. */
    public static boolean isLandline(String value) {
        return landline(value) != null;
    }

    /** Whether {@code value} is a personal phone number: a mobile or a landline. */
    public static boolean isPhone(String value) {
        return isMobile(value) || isLandline(value);
    }

    /**
     * Canonical form of a phone number: a mobile as its 11 digits ({@code 13812345678}), a landline
     * as {@code 0510-87654321} or {@code 0510-87654321-123} with an extension. {@code null} if the
     * value is not a phone number accepted by {@link #isPhone}.
     */
    public static String normalizePhone(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = MOBILE.matcher(value.strip());
        if (m.matches()) {
            return m.group(1);
        }
        Matcher l = landline(value);
        if (l == null) {
            return null;
        }
        String base = l.group(1) + "-" + l.group(2);
        return l.group(3) == null ? base : base + "-" + l.group(3);
    }

    private static Matcher landline(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LANDLINE.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        // 3-digit area codes (Beijing, Shanghai, Guangzhou, ...) all have 8-digit local numbers.
        if (m.group(1).length() == 3 && m.group(2).length() != 8) {
            return null;
        }
        return m;
    }

    // ---------------------------------------------------------------- masking for display

    /**
     * A phone number masked for display. Mobile: {@code 138****1234}. Landline: area code kept, the
     * local number masked except its last four digits, the extension dropped ({@code 0510-****4321}).
     * Anything else is masked completely, one {@code *} per character; {@code null} gives "".
     */
    public static String maskPhone(String value) {
        if (value == null) {
            return "";
        }
        String normalized = normalizePhone(value);
        if (normalized == null) {
            return stars(value.strip().codePointCount(0, value.strip().length()));
        }
        if (normalized.indexOf('-') < 0) {
            return normalized.substring(0, 3) + "****" + normalized.substring(7);
        }
        String[] parts = normalized.split("-");
        String local = parts[1];
        return parts[0] + "-" + stars(local.length() - 4) + local.substring(local.length() - 4);
    }

    /**
     * An identity number masked for display, keeping the first four and last four characters
     * ({@code 3202**********123X}); a trailing {@code x} is shown as {@code X}. Strings of eight
     * characters or fewer are masked completely; {@code null} gives "".
     */
    public static String maskIdNumber(String value) {
        if (value == null) {
            return "";
        }
        String s = value.strip();
        int n = s.codePointCount(0, s.length());
        if (n <= 8) {
            return stars(n);
        }
        int headEnd = s.offsetByCodePoints(0, 4);
        int tailStart = s.offsetByCodePoints(s.length(), -4);
        return s.substring(0, headEnd) + stars(n - 8) + asciiUpper(s.substring(tailStart));
    }

    /** Common two-character (compound) surnames, kept whole by {@link #maskName}. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕", "端木", "独孤",
            "南宫", "西门", "百里", "呼延", "澹台", "公冶", "太史", "申屠", "赫连", "闻人", "万俟", "钟离", "宗政", "濮阳", "淳于", "单于", "拓跋", "东郭",
            "左丘", "第五", "谷梁", "仲孙", "叔孙", "漆雕", "乐正", "壤驷", "公良", "梁丘", "段干", "巫马");

    /**
     * A personal name masked for display: the surname is kept and every other character becomes
     * {@code *} ({@code 张三 → 张*}, {@code 王小明 → 王**}). A compound surname such as 欧阳 is kept
     * whole when the name has at least three characters ({@code 欧阳娜娜 → 欧阳**}); a two-character
     * name keeps only its first character. A single character is masked completely; {@code null}
     * gives "". Characters are counted as code points, so rare characters outside the BMP count once.
     */
    public static String maskName(String value) {
        if (value == null) {
            return "";
        }
        String s = value.strip();
        int n = s.codePointCount(0, s.length());
        if (n <= 1) {
            return stars(n);
        }
        int keep = 1;
        if (n >= 3 && COMPOUND_SURNAMES.contains(s.substring(0, s.offsetByCodePoints(0, 2)))) {
            keep = 2;
        }
        return s.substring(0, s.offsetByCodePoints(0, keep)) + stars(n - keep);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean allAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Upper-cases ASCII letters only, so that no locale or Unicode case mapping can change the length. */
    private static String asciiUpper(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] >= 'a' && cs[i] <= 'z') {
                cs[i] = (char) (cs[i] - 'a' + 'A');
            }
        }
        return new String(cs);
    }

    private static String stars(int n) {
        return "*".repeat(Math.max(0, n));
    }
}

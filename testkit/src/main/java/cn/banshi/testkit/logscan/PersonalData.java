package cn.banshi.testkit.logscan;

import cn.banshi.validation.ChineseIds;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must never be logged: mainland mobile numbers, landline numbers with an area code, e-mail addresses and
 * resident ID
 * numbers (only those whose GB 11643 check character is right, so that timestamps, epoch milliseconds, request
 * ids and latencies are not mistaken for them). A number must stand apart from ASCII letters and digits, so that the
 * hex groups of a UUID are not read as phones.
 */
public final class PersonalData {
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");
    private static final Pattern LANDLINE =
            Pattern.compile("(?<![0-9A-Za-z-])0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?![0-9])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

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
            String candidate = id.group().toUpperCase();
            if (ChineseIds.residentIdCheckChar(candidate.substring(0, 17)) == candidate.charAt(17)) {
                found.add("ID number " + mask(candidate));
            }
        }
        return found;
    }

    private static void collect(Matcher m, String what, List<String> found) {
        while (m.find()) found.add(what + " " + mask(m.group()));
    }

    public static String mask(String value) {
        if (value.length() <= 5) return "*".repeat(value.length());
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }
}

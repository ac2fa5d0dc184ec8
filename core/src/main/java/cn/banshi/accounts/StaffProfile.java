package cn.banshi.accounts;

import cn.banshi.auth.Role;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a town admin sets on an account: role, village (village staff only, a village of the town), display name and
 * the contact details for reminders. Read from the request with {@link Fields}, checked against the town's catalog.
 */
public record StaffProfile(Role role, String village, String displayName, String phone, String email) {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,39}");
    private static final String ROLES =
            Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", "));

    public static StaffProfile read(Fields f, Catalog town) {
        String roleCode = f.requiredCode(
                "role",
                Fields.setOf(Arrays.stream(Role.values()).map(Role::code).toArray(String[]::new)));
        Role role = Role.fromCode(roleCode).orElseThrow(() -> Errors.invalidValue(f.path("role"), ROLES));
        String village = null;
        if (role == Role.VILLAGE_STAFF) {
            village = f.requiredString("village", 1, 64);
            if (town.village(village).isEmpty()) throw Errors.unknownVillage(f.path("village"));
        } else {
            f.forbid("village", "只有村（社区）工作人员属于某个村", "Only village staff belong to a village");
        }
        String displayName = f.requiredString("displayName", 1, 40);
        String phone = f.optionalPhone("phone").orElse(null);
        String email = f.optionalEmail("email").orElse(null);
        return new StaffProfile(role, village, displayName, phone, email);
    }

    /** A username: 3 to 40 characters, lower-case letters, digits, dot, dash, underscore, starting with a letter. */
    public static String username(Fields f) {
        String username = f.requiredString("username", 3, 40);
        if (!USERNAME.matcher(username).matches()) {
            throw Errors.invalidFormat(
                    f.path("username"),
                    "用户名须以小写字母开头，只含小写字母、数字和 . _ -（3–40 个字符）",
                    "A username starts with a lower-case letter and has only a-z, 0-9, '.', '_', '-' (3-40 characters)");
        }
        return username;
    }

    public static boolean isUsername(String value) {
        return value != null && USERNAME.matcher(value).matches();
    }
}

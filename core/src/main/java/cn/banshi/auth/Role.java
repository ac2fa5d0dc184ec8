package cn.banshi.auth;

import java.util.Arrays;
import java.util.Optional;

/** Staff roles, as carried in the token's {@code role} claim. */
public enum Role {
    /** Everything in one town: act on every case, read personal data, the audit log, reports, settings. */
    TOWN_ADMIN("town-admin"),
    /** One village's (or community's) cases: read with personal data and act. */
    VILLAGE_STAFF("village-staff"),
    /** Read everything in one town with personal data masked; never act. */
    AUDITOR("auditor");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}

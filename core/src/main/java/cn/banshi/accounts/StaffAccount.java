package cn.banshi.accounts;

import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import java.time.Instant;
import java.util.Optional;

/**
 * A staff account as the town sees it: who (username, display name), where (town, village for village staff),
 * what (role), how to reach them for reminders and digests (phone, email: personal data, only town admins see it),
 * and whether it may sign in. Credentials (password hash, TOTP secret, failure counter) are not part of this record
 * and never leave {@link StaffAccountStore}.
 */
public record StaffAccount(
        String username,
        String town,
        Role role,
        String village,
        String displayName,
        String phone,
        String email,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    /** How to reach a staff member (the notifications' digests and reminders read this). */
    public record Contact(String displayName, Optional<String> phone, Optional<String> email) {}

    public Contact contact() {
        return new Contact(displayName, Optional.ofNullable(phone), Optional.ofNullable(email));
    }

    /** The principal this account acts as (the token's claims). */
    public Staff staff() {
        return new Staff(username, town, role, role == Role.VILLAGE_STAFF ? village : null);
    }

    public boolean isActiveAdmin() {
        return enabled && role == Role.TOWN_ADMIN;
    }

    public StaffAccount withProfile(
            Role role, String village, String displayName, String phone, String email, Instant at) {
        return new StaffAccount(username, town, role, village, displayName, phone, email, enabled, createdAt, at);
    }

    public StaffAccount withEnabled(boolean enabled, Instant at) {
        return new StaffAccount(username, town, role, village, displayName, phone, email, enabled, createdAt, at);
    }
}

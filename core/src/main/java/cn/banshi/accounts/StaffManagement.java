package cn.banshi.accounts;

import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.errors.Errors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A town admin's staff management: list, create, edit, disable and enable again, reset a password, all within the
 * admin's own town (another town's account looks exactly like an unknown one: 404), every change audited with the
 * account's username and never a password. The town's last enabled admin cannot be disabled or given another role
 * ({@link StaffAccountStore#update}).
 */
public final class StaffManagement {
    /** A created account, with the temporary password when the admin is to hand it over (local accounts). */
    public record Created(StaffAccount account, Optional<String> temporaryPassword, String delivery) {}

    private final StaffAccountStore store;
    private final StaffIdentities identities;
    private final AuditLog audit;
    private final Clock clock;

    public StaffManagement(StaffAccountStore store, StaffIdentities identities, AuditLog audit, Clock clock) {
        this.store = store;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    public String delivery() {
        return identities.delivery();
    }

    public List<StaffAccount> list(Staff admin) {
        requireAdmin(admin);
        return store.listTown(admin.town());
    }

    public StaffAccount get(Staff admin, String username) {
        requireAdmin(admin);
        return inTown(admin, username);
    }

    public Created create(Staff admin, String username, StaffProfile profile) {
        requireAdmin(admin);
        return create(admin.town(), username, profile, admin);
    }

    /** Also for the command line and the first run of {@code ./banshi up} ({@code by} null: the operator). */
    public Created create(String town, String username, StaffProfile p, Staff by) {
        Instant now = clock.instant();
        StaffAccount account = new StaffAccount(
                username, town, p.role(), p.village(), p.displayName(), p.phone(), p.email(), true, now, now);
        StaffIdentities.Issued issued = identities.issue(account);
        store.create(account, issued.passwordHash(), true);
        identities.created(account);
        if (by != null)
            audit.record(by, "staff-create", null, username + " " + p.role().code());
        else
            audit.record(
                    town,
                    "operator",
                    "-",
                    null,
                    "staff-create",
                    null,
                    username + " " + p.role().code());
        return new Created(account, Optional.ofNullable(issued.temporaryPassword()), identities.delivery());
    }

    public StaffAccount update(Staff admin, String username, StaffProfile p) {
        requireAdmin(admin);
        return update(inTown(admin, username), p, admin);
    }

    /** Also for the command line and the demo data of {@code ./banshi up} ({@code by} null: the operator). */
    public StaffAccount update(StaffAccount before, StaffProfile p, Staff by) {
        StaffAccount after =
                before.withProfile(p.role(), p.village(), p.displayName(), p.phone(), p.email(), clock.instant());
        store.update(before, after);
        identities.changed(before, after);
        String detail = before.username() + " " + p.role().code();
        if (by != null) audit.record(by, "staff-update", null, detail);
        else audit.record(before.town(), "operator", "-", null, "staff-update", null, detail);
        return after;
    }

    public StaffAccount setEnabled(Staff admin, String username, boolean enabled) {
        requireAdmin(admin);
        return setEnabled(inTown(admin, username), enabled, admin);
    }

    /** Also for the command line ({@code by} null: the operator). */
    public StaffAccount setEnabled(StaffAccount before, boolean enabled, Staff by) {
        if (before.enabled() == enabled) return before;
        StaffAccount after = before.withEnabled(enabled, clock.instant());
        store.update(before, after);
        identities.enabled(after, enabled);
        String event = enabled ? "staff-enable" : "staff-disable";
        if (by != null) audit.record(by, event, null, before.username());
        else audit.record(before.town(), "operator", "-", null, event, null, before.username());
        return after;
    }

    public Optional<String> resetPassword(Staff admin, String username) {
        requireAdmin(admin);
        return resetPassword(inTown(admin, username), admin);
    }

    public Optional<String> resetPassword(StaffAccount account, Staff by) {
        Optional<String> temporary = identities.resetPassword(account);
        if (by != null) audit.record(by, "staff-reset-password", null, account.username());
        else audit.record(account.town(), "operator", "-", null, "staff-reset-password", null, account.username());
        return temporary;
    }

    private StaffAccount inTown(Staff admin, String username) {
        return Optional.ofNullable(username)
                .filter(StaffProfile::isUsername)
                .flatMap(store::find)
                .filter(a -> a.town().equals(admin.town()))
                .orElseThrow(() -> Errors.notFound("username"));
    }

    private static void requireAdmin(Staff staff) {
        if (staff.role() != Role.TOWN_ADMIN)
            throw Errors.forbidden("只有镇管理员可以管理工作人员账号", "Only town admins manage staff accounts");
    }
}

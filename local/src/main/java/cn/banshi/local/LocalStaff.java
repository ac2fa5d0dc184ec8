package cn.banshi.local;

import cn.banshi.accounts.Passwords;
import cn.banshi.accounts.SignInPolicy;
import cn.banshi.accounts.SignInService;
import cn.banshi.accounts.StaffAccount;
import cn.banshi.accounts.StaffManagement;
import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.AppContext;
import cn.banshi.auth.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local sign-in's parts over one context: the sign-in service, the gateway's session check and the first run's
 * town admins.
 */
public final class LocalStaff {
    private LocalStaff() {}

    public static SignInService signIn(AppContext app, SignInPolicy policy) {
        Passwords passwords = app.passwords();
        return new SignInService(
                app.dynamo(), app.staffAccounts(), passwords, app.audit(), app.clock(), app.random(), policy);
    }

    /** The local gateway's check of a token's session. */
    public static LocalJwt.SessionCheck sessions(SignInService signIn) {
        return claims -> touch(signIn, claims).isPresent();
    }

    /** The account of the live session a token's claims name, its session extended; empty when it is not live. */
    static Optional<StaffAccount> touch(SignInService signIn, Map<String, Object> claims) {
        return signIn.touch(
                String.valueOf(claims.get("sid")),
                String.valueOf(claims.get("sub")),
                String.valueOf(claims.get("role")),
                String.valueOf(claims.get("town")),
                claims.get("village") == null ? null : claims.get("village").toString());
    }

    /** A created account and its temporary password (shown once). */
    public record FirstAdmin(String town, String username, String temporaryPassword) {}

    /**
     * One town admin {@code admin.TOWN} for every town of the catalog that has no enabled town admin yet (the first
     * run of {@code ./banshi up}); the temporary passwords are returned to be printed once and never stored in clear.
     */
    public static List<FirstAdmin> ensureTownAdmins(AppContext app) {
        StaffManagement management = app.staffManagement();
        List<FirstAdmin> created = new ArrayList<>();
        for (String town : app.catalogs().townIds()) {
            if (app.staffAccounts().enabledAdmins(town) > 0) continue;
            String username = "admin." + town;
            if (app.staffAccounts().find(username).isPresent()) continue;
            var result = management.create(
                    town, username, new StaffProfile(Role.TOWN_ADMIN, null, "镇管理员", null, null), null);
            created.add(
                    new FirstAdmin(town, username, result.temporaryPassword().orElseThrow()));
        }
        return created;
    }
}

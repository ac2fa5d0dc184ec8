package cn.banshi.accounts;

import java.util.Optional;

/**
 * Where staff sign in: the local accounts' own credentials ({@link LocalIdentities}) or the Cognito user pool in AWS
 * ({@code cn.banshi.accounts.CognitoIdentities} in functions). The staff table stays the directory either way;
 * this side keeps whatever signing in needs in step with it.
 */
public interface StaffIdentities {
    /** A new account's first credentials: locally a temporary password and its hash; in Cognito none (it mails one). */
    record Issued(String passwordHash, String temporaryPassword) {}

    Issued issue(StaffAccount account);

    /** After the account item was written. */
    void created(StaffAccount account);

    /** Role, village or contact details changed. */
    void changed(StaffAccount before, StaffAccount after);

    /** Disabled or enabled again. */
    void enabled(StaffAccount account, boolean enabled);

    /** A new temporary password to hand over (local), or empty when the provider sends a reset code itself. */
    Optional<String> resetPassword(StaffAccount account);

    /** How the temporary password reaches the person: "shown" (to the admin, once) or "email" (Cognito). */
    String delivery();
}

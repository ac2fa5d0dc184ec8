package cn.banshi.accounts;

import cn.banshi.errors.Errors;
import java.util.Optional;

/**
 * AWS with the county's own identity provider instead of the Cognito user pool (CreateUserPool false): the staff
 * table is still the directory (roles, villages, contact details, enabled), but passwords and sign-in are the
 * provider's, so an account gets no password here and a reset is refused.
 */
public final class ExternalIdentities implements StaffIdentities {
    @Override
    public Issued issue(StaffAccount account) {
        return new Issued(null, null);
    }

    @Override
    public void created(StaffAccount account) {}

    @Override
    public void changed(StaffAccount before, StaffAccount after) {}

    @Override
    public void enabled(StaffAccount account, boolean enabled) {}

    @Override
    public Optional<String> resetPassword(StaffAccount account) {
        throw Errors.notAllowed(
                "username",
                "密码由本县的统一身份认证系统管理，请在该系统中重置",
                "Passwords are kept by the county's identity provider; reset it there");
    }

    @Override
    public String delivery() {
        return "external";
    }
}

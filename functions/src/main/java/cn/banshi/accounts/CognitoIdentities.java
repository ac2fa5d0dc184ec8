package cn.banshi.accounts;

import cn.banshi.auth.Role;
import cn.banshi.errors.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;

/**
 * Staff accounts in AWS: the Cognito user pool keeps passwords and TOTP (managed login), this keeps the pool in step
 * with the staff table through the admin API: a new account is {@code AdminCreateUser} (Cognito mails the temporary
 * password; an email address is therefore required) and {@code AdminAddUserToGroup}; a role or village change moves
 * the group and the attributes and signs the user out everywhere ({@code AdminUserGlobalSignOut}: the refresh tokens
 * stop, new claims come with the next sign-in); disabling is {@code AdminDisableUser} plus the global sign-out; a
 * password reset is {@code AdminResetUserPassword} (Cognito mails a code). ID tokens already issued stay valid until
 * they expire (the user pool client's 30 minutes): API Gateway's JWT authorizer does not ask Cognito.
 */
public final class CognitoIdentities implements StaffIdentities {
    public static final String USER_POOL_ENV = "BANSHI_USER_POOL_ID";

    private final CognitoIdentityProviderClient cognito;
    private final String pool;

    public CognitoIdentities(CognitoIdentityProviderClient cognito, String pool) {
        this.cognito = cognito;
        this.pool = pool;
    }

    /** The user pool named by BANSHI_USER_POOL_ID, or empty (local accounts). */
    public static Optional<CognitoIdentities> fromEnvironment() {
        String pool = System.getenv(USER_POOL_ENV);
        if (pool == null || pool.isBlank()) return Optional.empty();
        return Optional.of(forPool(pool));
    }

    /** The pool with the default region and credentials (Lambda's, or an operator's for {@code ./banshi user}). */
    public static CognitoIdentities forPool(String pool) {
        return new CognitoIdentities(
                CognitoIdentityProviderClient.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build(),
                pool);
    }

    @Override
    public Issued issue(StaffAccount account) {
        if (account.email() == null) throw Errors.required("email");
        return new Issued(null, null);
    }

    @Override
    public void created(StaffAccount a) {
        cognito.adminCreateUser(b -> b.userPoolId(pool)
                .username(a.username())
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(attributes(a)));
        cognito.adminAddUserToGroup(b ->
                b.userPoolId(pool).username(a.username()).groupName(a.role().code()));
    }

    @Override
    public void changed(StaffAccount before, StaffAccount after) {
        cognito.adminUpdateUserAttributes(
                b -> b.userPoolId(pool).username(after.username()).userAttributes(attributes(after)));
        if (before.role() != after.role()) {
            cognito.adminAddUserToGroup(b -> b.userPoolId(pool)
                    .username(after.username())
                    .groupName(after.role().code()));
            cognito.adminRemoveUserFromGroup(b -> b.userPoolId(pool)
                    .username(after.username())
                    .groupName(before.role().code()));
        }
        if (before.role() != after.role()
                || !String.valueOf(before.village()).equals(String.valueOf(after.village()))) {
            cognito.adminUserGlobalSignOut(b -> b.userPoolId(pool).username(after.username()));
        }
    }

    @Override
    public void enabled(StaffAccount account, boolean enabled) {
        if (enabled) {
            cognito.adminEnableUser(b -> b.userPoolId(pool).username(account.username()));
        } else {
            cognito.adminDisableUser(b -> b.userPoolId(pool).username(account.username()));
            cognito.adminUserGlobalSignOut(b -> b.userPoolId(pool).username(account.username()));
        }
    }

    @Override
    public Optional<String> resetPassword(StaffAccount account) {
        cognito.adminResetUserPassword(b -> b.userPoolId(pool).username(account.username()));
        return Optional.empty();
    }

    @Override
    public String delivery() {
        return "email";
    }

    private static List<AttributeType> attributes(StaffAccount a) {
        List<AttributeType> list = new ArrayList<>();
        list.add(attribute("custom:town", a.town()));
        list.add(attribute("custom:village", a.role() == Role.VILLAGE_STAFF ? a.village() : ""));
        list.add(attribute("name", a.displayName()));
        if (a.email() != null) {
            list.add(attribute("email", a.email()));
            list.add(attribute("email_verified", "true"));
        }
        return list;
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}

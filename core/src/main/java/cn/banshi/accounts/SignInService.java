package cn.banshi.accounts;

import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Role;
import cn.banshi.digest.Sha256;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.store.Tables;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The local sign-in (in AWS, Cognito's managed login does this): username and password, then a new password if the
 * current one is temporary, then the TOTP code (town admins enrol at their first sign-in), then a session. Sessions
 * and the steps between are short-lived items of the ephemeral table; the local gateway asks {@link #touch} on every
 * staff request, so idle and absolute timeouts and a disabled account take effect at the next request.
 *
 * <p>No user enumeration: every refusal is the one SIGN_IN_FAILED, and an unknown username takes the same path as a
 * wrong password (a table read, one Argon2id verification against a dummy hash, one atomic failure counter, one audit
 * entry). Every sign-in, failure, lockout and sign-out is in the audit log, without the password.
 */
public final class SignInService {
    private static final Log LOG = Log.get(SignInService.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final StaffAccountStore accounts;
    private final Passwords passwords;
    private final Totp totp;
    private final AuditLog audit;
    private final DynamoDbClient dynamo;
    private final String ephemeral;
    private final Clock clock;
    private final SecureRandom random;
    private final SignInPolicy policy;

    public SignInService(
            DynamoDbClient dynamo,
            StaffAccountStore accounts,
            Passwords passwords,
            AuditLog audit,
            Clock clock,
            SecureRandom random,
            SignInPolicy policy) {
        this.dynamo = dynamo;
        this.accounts = accounts;
        this.passwords = passwords;
        this.totp = new Totp(clock);
        this.audit = audit;
        this.ephemeral = Tables.physical(Tables.EPHEMERAL);
        this.clock = clock;
        this.random = random;
        this.policy = policy;
    }

    public SignInPolicy policy() {
        return policy;
    }

    /** Step one. Throws SIGN_IN_FAILED for any refusal. */
    public SignInStep signIn(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Optional<StaffAccountStore.Stored> found = accounts.findStored(name);
        if (found.isEmpty() || found.get().credentials().passwordHash() == null) {
            passwords.verifyDummy(password == null ? "" : password);
            countUnknown(name);
            audit.record("-", "-", "-", null, "sign-in-failed", null, "unknown-user");
            throw Errors.signInFailed();
        }
        StaffAccount account = found.get().account();
        Credentials credentials = found.get().credentials();
        boolean passwordOk = passwords.verify(password == null ? "" : password, credentials.passwordHash());
        if (credentials.lockedAt(now)) {
            fail(account, "locked", false);
        }
        if (!passwordOk) {
            fail(account, "wrong-password", true);
        }
        if (!account.enabled()) {
            fail(account, "disabled", false);
        }
        if (credentials.temporaryPassword()) return challenge(account, "change-password", null);
        return afterPassword(account, credentials);
    }

    /** After a temporary password: the new one (the policy's rules, not the old one). */
    public SignInStep changePassword(String challengeId, String newPassword) {
        Map<String, AttributeValue> challenge = challenge(challengeId, "change-password");
        String username = challenge.get("username").s();
        StaffAccountStore.Stored stored = liveAccount(username);
        PasswordPolicy.check("newPassword", newPassword, username);
        if (passwords.verify(newPassword, stored.credentials().passwordHash())) {
            throw Errors.weakPassword("newPassword", "新密码不能与原密码相同", "The new password must differ from the old one");
        }
        consume(challengeId);
        accounts.setPassword(username, passwords.hash(newPassword), false);
        audit.record(stored.account().staff(), "password-changed", null, null);
        return afterPassword(stored.account(), stored.credentials());
    }

    /** The TOTP code, for an enrolled account or one enrolling now. */
    public SignInStep code(String challengeId, String code) {
        Map<String, AttributeValue> challenge = challenge(challengeId, null);
        String step = challenge.get("step").s();
        if (!step.equals("code") && !step.equals("enrol-totp")) throw Errors.signInExpired();
        String username = challenge.get("username").s();
        StaffAccountStore.Stored stored = liveAccount(username);
        StaffAccount account = stored.account();
        if (step.equals("enrol-totp")) {
            String secret = challenge.get("secret").s();
            OptionalLong matched = totp.verify(secret, code, 0);
            if (matched.isEmpty()) fail(account, "wrong-code", true);
            consume(challengeId);
            accounts.enrolTotp(username, secret, matched.getAsLong());
            audit.record(account.staff(), "totp-enrolled", null, null);
        } else {
            String secret = stored.credentials().totpSecret();
            if (secret == null) throw Errors.signInExpired();
            OptionalLong matched =
                    totp.verify(secret, code, stored.credentials().totpLastStep());
            if (matched.isEmpty() || !accounts.useTotpStep(username, matched.getAsLong())) {
                fail(account, "wrong-code", true);
            }
            consume(challengeId);
        }
        return session(account);
    }

    /**
     * The session behind a token, if it is still live (not signed out, not idle for the idle timeout, within the
     * absolute lifetime, the account enabled and still with the token's role, town and village); marks it used now.
     */
    public Optional<StaffAccount> touch(String sessionId, String username, String role, String town, String village) {
        if (sessionId == null || sessionId.length() > 100) return Optional.empty();
        var item = dynamo.getItem(b -> b.tableName(ephemeral)
                        .key(Map.of("pk", AttributeValue.fromS("session#" + sessionId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || !item.get("username").s().equals(username)) return Optional.empty();
        Instant now = clock.instant();
        Instant created =
                Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n()));
        Instant lastSeen =
                Instant.ofEpochMilli(Long.parseLong(item.get("lastSeen").n()));
        Optional<StaffAccount> account = accounts.find(username);
        String reason = null;
        if (!now.isBefore(created.plus(policy.absoluteLifetime()))) reason = "absolute-timeout";
        else if (!now.isBefore(lastSeen.plus(policy.idleTimeout()))) reason = "idle-timeout";
        else if (account.isEmpty() || !account.get().enabled()) reason = "disabled";
        else if (!account.get().role().code().equals(role)
                || !account.get().town().equals(town)
                || (account.get().role() == Role.VILLAGE_STAFF
                        && !account.get().village().equals(village))) reason = "role-changed";
        if (reason != null) {
            endSession(sessionId);
            if (account.isPresent()) audit.record(account.get().staff(), "session-ended", null, reason);
            return Optional.empty();
        }
        dynamo.updateItem(b -> b.tableName(ephemeral)
                .key(Map.of("pk", AttributeValue.fromS("session#" + sessionId)))
                .updateExpression("SET lastSeen = :now")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
        return account;
    }

    /** Signs out: the session ends at once (its token stops at the next request). */
    public void signOut(String sessionId, StaffAccount account) {
        endSession(sessionId);
        audit.record(account.staff(), "sign-out", null, null);
    }

    private SignInStep afterPassword(StaffAccount account, Credentials credentials) {
        if (credentials.totpEnrolled()) return challenge(account, "code", null);
        if (account.role() == Role.TOWN_ADMIN) return challenge(account, "enrol-totp", Totp.newSecret());
        return session(account);
    }

    private SignInStep session(StaffAccount account) {
        Instant now = clock.instant();
        String sid = randomId();
        Instant expiresAt = now.plus(policy.absoluteLifetime());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("session#" + sid));
        item.put("username", AttributeValue.fromS(account.username()));
        item.put("createdAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        item.put("lastSeen", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        item.put(Tables.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        dynamo.putItem(b -> b.tableName(ephemeral).item(item));
        accounts.clearFailures(account.username());
        audit.record(account.staff(), "sign-in", null, null);
        return new SignInStep.SignedIn(account, sid, expiresAt);
    }

    private SignInStep challenge(StaffAccount account, String step, String secret) {
        String id = randomId();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("signin#" + id));
        item.put("username", AttributeValue.fromS(account.username()));
        item.put("step", AttributeValue.fromS(step));
        if (secret != null) item.put("secret", AttributeValue.fromS(secret));
        item.put(
                Tables.EXPIRES_AT,
                AttributeValue.fromN(
                        Long.toString(clock.instant().plus(policy.stepTimeout()).getEpochSecond())));
        dynamo.putItem(b -> b.tableName(ephemeral).item(item));
        return switch (step) {
            case "change-password" -> new SignInStep.ChangePassword(id);
            case "code" -> new SignInStep.EnterCode(id);
            default ->
                new SignInStep.EnrolTotp(id, secret, Totp.uri("banshi " + account.town(), account.username(), secret));
        };
    }

    /** A live step of this kind (any of the code steps when {@code step} is null); else SIGN_IN_EXPIRED. */
    private Map<String, AttributeValue> challenge(String id, String step) {
        if (id == null || id.isBlank() || id.length() > 100) throw Errors.signInExpired();
        var item = dynamo.getItem(b -> b.tableName(ephemeral)
                        .key(Map.of("pk", AttributeValue.fromS("signin#" + id)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) throw Errors.signInExpired();
        if (Long.parseLong(item.get(Tables.EXPIRES_AT).n()) <= clock.instant().getEpochSecond())
            throw Errors.signInExpired();
        if (step != null && !step.equals(item.get("step").s())) throw Errors.signInExpired();
        return item;
    }

    /** Uses a step up: a second use (a replayed request) finds it gone. */
    private void consume(String id) {
        try {
            dynamo.deleteItem(b -> b.tableName(ephemeral)
                    .key(Map.of("pk", AttributeValue.fromS("signin#" + id)))
                    .conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw Errors.signInExpired();
        }
    }

    /** The account behind a step, unless it was disabled or locked meanwhile. */
    private StaffAccountStore.Stored liveAccount(String username) {
        StaffAccountStore.Stored stored = accounts.findStored(username).orElseThrow(Errors::signInFailed);
        if (!stored.account().enabled()) fail(stored.account(), "disabled", false);
        if (stored.credentials().lockedAt(clock.instant())) fail(stored.account(), "locked", false);
        return stored;
    }

    private void fail(StaffAccount account, String reason, boolean counts) {
        audit.record(account.staff(), "sign-in-failed", null, reason);
        if (counts
                && accounts.recordFailure(
                        account.username(),
                        policy.maxFailures(),
                        clock.instant().plus(policy.lockout()))) {
            audit.record(account.staff(), "lockout", null, policy.lockout().toMinutes() + "min");
            LOG.warn("staff account locked", "town", account.town());
        }
        throw Errors.signInFailed();
    }

    /** The same atomic counter an account's failure takes, for a name that is no account (never stored in clear). */
    private void countUnknown(String name) {
        String key = "signin-unknown#" + Sha256.hex(name);
        long expiresAt = clock.instant().plus(policy.lockout()).getEpochSecond();
        dynamo.updateItem(b -> b.tableName(ephemeral)
                .key(Map.of("pk", AttributeValue.fromS(key)))
                .updateExpression("ADD failures :one SET #exp = :exp")
                .expressionAttributeNames(Map.of("#exp", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"), ":exp", AttributeValue.fromN(Long.toString(expiresAt)))));
    }

    private void endSession(String sessionId) {
        dynamo.deleteItem(b -> b.tableName(ephemeral).key(Map.of("pk", AttributeValue.fromS("session#" + sessionId))));
    }

    private String randomId() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}

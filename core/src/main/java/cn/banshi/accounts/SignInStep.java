package cn.banshi.accounts;

import java.time.Instant;

/** What a local sign-in answers: a further step to take, or a session. */
public sealed interface SignInStep {
    /** The password was temporary (initial or reset): set a new one. */
    record ChangePassword(String challenge) implements SignInStep {}

    /** Enter the current code of the enrolled authenticator. */
    record EnterCode(String challenge) implements SignInStep {}

    /** Town admins must use TOTP: add this secret to an authenticator app and enter its first code. */
    record EnrolTotp(String challenge, String secret, String otpauthUri) implements SignInStep {}

    /** Signed in: the session id goes into the token ({@code sid}), which lasts until {@code expiresAt} at most. */
    record SignedIn(StaffAccount account, String sessionId, Instant expiresAt) implements SignInStep {}
}

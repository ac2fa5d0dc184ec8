package cn.banshi.accounts;

import java.time.Duration;

/**
 * The local sign-in's limits (GB/T 22239: login failure handling and session timeouts): five consecutive failures
 * lock an account for 15 minutes; a session ends after 30 minutes without a request and 8 hours after sign-in
 * whatever happens; a sign-in step (password change, TOTP code) must follow within 5 minutes.
 */
public record SignInPolicy(
        int maxFailures, Duration lockout, Duration idleTimeout, Duration absoluteLifetime, Duration stepTimeout) {
    public static final SignInPolicy DEFAULT = new SignInPolicy(
            5, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(8), Duration.ofMinutes(5));
}

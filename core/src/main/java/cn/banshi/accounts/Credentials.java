package cn.banshi.accounts;

import java.time.Instant;

/**
 * The secret half of a local account: the Argon2id hash (PHC string), whether the password is a temporary one
 * (initial or reset: changed at the next sign-in), the TOTP secret once enrolled (Base32) and the last time step
 * used (no code is accepted twice), the consecutive failures and the end of a lockout. Never in a response or a log.
 */
public record Credentials(
        String passwordHash,
        boolean temporaryPassword,
        String totpSecret,
        long totpLastStep,
        int failures,
        Instant lockedUntil) {

    public boolean totpEnrolled() {
        return totpSecret != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

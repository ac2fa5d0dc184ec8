package cn.banshi.accounts;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time codes (30-second steps, six digits, HMAC-SHA1: what authenticator apps expect),
 * computed by the {@code dev.samstevens.totp} library's RFC 4226 generator over the injectable clock. A code is
 * accepted for the current step and one step either side (clock drift), and {@link #verify} returns the step it
 * matched so that the caller can refuse the same step again (no replay).
 */
public final class Totp {
    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;

    private final Clock clock;
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    public Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new random secret (Base32, 160 bits). */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The otpauth:// URI authenticator apps read (as a QR code or typed in). */
    public static String uri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    public long currentStep() {
        return Math.floorDiv(clock.millis() / 1000, PERIOD_SECONDS);
    }

    /** The code of a step (tests use it as an authenticator app would). */
    public String code(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("bad TOTP secret", e);
        }
    }

    /** The step the code belongs to, if it is one of the current step ± 1 and later than {@code lastUsedStep}. */
    public OptionalLong verify(String secret, String code, long lastUsedStep) {
        if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) return OptionalLong.empty();
        long now = currentStep();
        OptionalLong matched = OptionalLong.empty();
        for (long step = now - 1; step <= now + 1; step++) {
            boolean equal = MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
            if (equal && step > lastUsedStep && matched.isEmpty()) matched = OptionalLong.of(step);
        }
        return matched;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package cn.banshi.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * In AWS the API is meant to be reached only through CloudFront, where the WAF web ACL applies the per-client
 * limits. CloudFront adds {@value #HEADER} with a secret to every request it sends to the API origin (a viewer's
 * own header of that name is overwritten); a request without it came to the execute-api endpoint directly and is
 * refused before any route runs. Without {@value #ORIGIN_VERIFY_ENV} (locally, or a stage without CloudFront) nothing is checked.
 * docs/abuse.md says why this and not {@code DisableExecuteApiEndpoint}.
 */
public final class OriginCheck {
    public static final String ORIGIN_VERIFY_ENV = "BANSHI_ORIGIN_VERIFY";
    public static final String HEADER = "x-origin-verify";

    static final OriginCheck FROM_ENVIRONMENT = new OriginCheck(System.getenv(ORIGIN_VERIFY_ENV));

    private final byte[] secret;

    public OriginCheck(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so the answer's timing says nothing about how much of a guess was right. */
    public boolean allows(String headerValue) {
        if (secret == null) return true;
        if (headerValue == null) return false;
        return MessageDigest.isEqual(secret, headerValue.getBytes(StandardCharsets.UTF_8));
    }
}

package cn.banshi.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one place it is computed: access-code hashes, idempotency keys, SigV4 payload hashes, the published
 * reports' checksums, sign-in throttle keys and the legacy (unkeyed) submitter-block digests. Strings are hashed as
 * UTF-8; hex is lower case. Every JDK has SHA-256, so its absence is an error, not a case to handle.
 */
public final class Sha256 {
    private Sha256() {}

    public static byte[] of(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(of(data));
    }

    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}

package cn.banshi.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Access codes are stored only as a salted hash (the tracking number is the per-case salt). */
public final class AccessCodes {
    private AccessCodes() {}

    public static String hash(String trackingNo, String canonicalAccessCode) {
        return HexFormat.of().formatHex(sha256("banshi-access-v1:" + trackingNo + ":" + canonicalAccessCode));
    }

    public static boolean matches(String trackingNo, String canonicalAccessCode, String storedHash) {
        byte[] candidate = hash(trackingNo, canonicalAccessCode).getBytes(StandardCharsets.US_ASCII);
        return storedHash != null && MessageDigest.isEqual(candidate, storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

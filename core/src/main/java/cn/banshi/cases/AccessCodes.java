package cn.banshi.cases;

import cn.banshi.digest.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Access codes are stored only as a salted hash (the tracking number is the per-case salt). */
public final class AccessCodes {
    private AccessCodes() {}

    public static String hash(String trackingNo, String canonicalAccessCode) {
        return Sha256.hex("banshi-access-v1:" + trackingNo + ":" + canonicalAccessCode);
    }

    public static boolean matches(String trackingNo, String canonicalAccessCode, String storedHash) {
        byte[] candidate = hash(trackingNo, canonicalAccessCode).getBytes(StandardCharsets.US_ASCII);
        return storedHash != null && MessageDigest.isEqual(candidate, storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

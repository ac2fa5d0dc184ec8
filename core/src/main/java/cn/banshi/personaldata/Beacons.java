package cn.banshi.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed beacons for exact-match lookups of personal values (all cases of one phone or ID number) without storing
 * them: HMAC-SHA256 under the beacon key ({@link DataKeys#beaconKey()}, not the data key) of the kind, the town and
 * the normalised value, truncated to {@value #HEX_CHARS} hex characters (64 bits). The town is part of the input, so
 * the same phone gives unrelated beacons in two towns. Matches are confirmed on the decrypted case.
 */
public final class Beacons {
    public static final int HEX_CHARS = 16;

    private final DataKeys keys;

    Beacons(DataKeys keys) {
        this.keys = keys;
    }

    /** Digits only: {@code 138-0013-8000} and {@code 13800138000} are the same phone. */
    public static String normalisePhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) digits = digits.substring(2);
        return digits;
    }

    /** ID numbers and credit codes: trimmed, upper case ({@code x} checksum). */
    public static String normaliseId(String id) {
        return id == null ? "" : id.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public String phone(String town, String phone) {
        String n = normalisePhone(phone);
        return n.isEmpty() ? null : beacon("phone", town, n);
    }

    public String id(String town, String idNumber) {
        String n = normaliseId(idNumber);
        return n.isEmpty() ? null : beacon("id", town, n);
    }

    private String beacon(String kind, String town, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.beaconKey(), "HmacSHA256"));
            byte[] h = mac.doFinal((kind + "\u0000" + town + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(h).substring(0, HEX_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

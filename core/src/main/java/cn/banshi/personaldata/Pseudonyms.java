package cn.banshi.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of phones, client addresses and message recipients, for the ephemeral table's item keys (spam
 * blocks, verification codes and their rate limits, the daily message cap) and a case's {@code clientKey}:
 * HMAC-SHA256 under the beacon key ({@link DataKeys#beaconKey()}) of a purpose and the value, {@value #HEX_CHARS} hex
 * characters (128 bits). An unkeyed digest would not do: all 10^10 mobile numbers or 2^32 IPv4 addresses are hashed
 * in minutes. Unlike {@link Beacons} they are the same in every town (a spam block holds in all of them) and long
 * enough that two people never share one (a block must not catch a stranger). The only place these are computed.
 */
public final class Pseudonyms {
    public static final int HEX_CHARS = 32;

    private final Supplier<byte[]> key;

    Pseudonyms(DataKeys keys) {
        this(keys::beaconKey);
    }

    /** Over a key given directly (tests); the key is asked for on each use, so a lazy supplier stays lazy. */
    Pseudonyms(Supplier<byte[]> key) {
        this.key = key;
    }

    /** A phone (digits only, {@code +86} dropped, as {@link Beacons#normalisePhone}); null when there is none. */
    public String phone(String phone) {
        String n = Beacons.normalisePhone(phone);
        return n.isEmpty() ? null : pseudonym("phone", n);
    }

    /** A client's source address; null when unknown. */
    public String client(String sourceIp) {
        return sourceIp == null || sourceIp.isBlank() ? null : pseudonym("client", sourceIp.strip());
    }

    /** A message recipient (a phone number or an e-mail address, as the message has it). */
    public String recipient(String recipient) {
        return pseudonym("recipient", recipient);
    }

    private String pseudonym(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            // "pseudonym" keeps these apart from the beacons (kind | town | value) under the same key
            byte[] h = mac.doFinal(("pseudonym\u0000" + purpose + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, HEX_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

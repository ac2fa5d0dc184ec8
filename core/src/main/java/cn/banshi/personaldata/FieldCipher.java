package cn.banshi.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Encrypts one attribute value with AES-256-GCM under the current data key. The stored value is binary:
 * {@code 0x01 | version length | version | 12-byte IV | ciphertext and 16-byte tag}. The associated data binds it to
 * its table, item key, attribute name and key version: a value flipped, or copied to another item or attribute,
 * fails its tag and is never returned ({@link PersonalDataException}). A plaintext (not binary) value is returned as
 * it is: items written before encryption stay readable until the migration has sealed them.
 */
public final class FieldCipher {
    static final byte FORMAT = 1;
    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** Whether a stored value is one of ours (sealed), as opposed to an old plaintext one. */
    public static boolean isSealed(AttributeValue v) {
        return v != null
                && v.b() != null
                && v.b().asByteArrayUnsafe().length > 2
                && v.b().asByteArrayUnsafe()[0] == FORMAT;
    }

    /** The key version a sealed value was encrypted with. */
    public static String versionOf(AttributeValue v) {
        byte[] b = v.b().asByteArrayUnsafe();
        return new String(b, 2, b[1], StandardCharsets.UTF_8);
    }

    public AttributeValue seal(AttributeValue clear, String table, String itemKey, String attribute) {
        DataKeys.Version version = keys.current();
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        byte[] id = version.id().getBytes(StandardCharsets.UTF_8);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, version.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(table, itemKey, attribute, version.id()));
            sealed = cipher.doFinal(AttributeCodec.encode(clear));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer out = ByteBuffer.allocate(2 + id.length + IV + sealed.length);
        out.put(FORMAT).put((byte) id.length).put(id).put(iv).put(sealed);
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(out.array()));
    }

    public AttributeValue open(AttributeValue stored, String table, String itemKey, String attribute) {
        if (!isSealed(stored)) return stored;
        byte[] b = stored.b().asByteArrayUnsafe();
        String version = versionOf(stored);
        int at = 2 + b[1];
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(version), new GCMParameterSpec(TAG_BITS, b, at, IV));
            cipher.updateAAD(aad(table, itemKey, attribute, version));
            return AttributeCodec.decode(cipher.doFinal(b, at + IV, b.length - at - IV));
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof PersonalDataException p) throw p;
            throw new PersonalDataException(
                    "personal data in " + table + " " + itemKey + "." + attribute
                            + " fails its check: altered or moved",
                    e);
        }
    }

    private static byte[] aad(String table, String itemKey, String attribute, String version) {
        return String.join("\u0000", "banshi-personal-data/1", table, itemKey, attribute, version)
                .getBytes(StandardCharsets.UTF_8);
    }
}

package cn.banshi.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Locally, a raw AES-256 key wraps the data keys (AES-GCM, the context as associated data). It lives in a file of the
 * data directory, created on first use with mode 600; tests use a generated key that is never written.
 */
public final class LocalKeyWrapper implements KeyWrapper {
    private static final int IV = 12;
    private final byte[] master;
    private final SecureRandom random = new SecureRandom();

    private LocalKeyWrapper(byte[] master) {
        if (master.length != 32) throw new IllegalArgumentException("the master key must be 32 bytes");
        this.master = master.clone();
    }

    /** A key held in memory only (tests). */
    public static LocalKeyWrapper generated() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new LocalKeyWrapper(key);
    }

    /** The key in {@code file} (base64), created with mode 600 when it does not exist. */
    public static LocalKeyWrapper fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: read theirs
                }
            }
            return new LocalKeyWrapper(
                    Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public DataKey generate(String context) {
        byte[] clear = new byte[32];
        random.nextBytes(clear);
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, clear, context);
        return new DataKey(
                clear,
                ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array());
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        byte[] iv = new byte[IV];
        System.arraycopy(wrapped, 0, iv, 0, IV);
        byte[] sealed = new byte[wrapped.length - IV];
        System.arraycopy(wrapped, IV, sealed, 0, sealed.length);
        return crypt(Cipher.DECRYPT_MODE, iv, sealed, context);
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(master, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("a data key could not be unwrapped with the local key", e);
        }
    }
}

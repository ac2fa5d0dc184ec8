package cn.banshi.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What a file is, decided by its first bytes (magic numbers), never by its name or declared type. */
public enum FileKind {
    JPEG,
    PNG,
    WEBP,
    HEIC,
    PDF;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** ISO base media brands of HEIF images (HEIC, and HEIF stills and sequences). */
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");

    public boolean isImage() {
        return this != PDF;
    }

    /** The kind the bytes start like, or empty for anything else (an executable, a ZIP, HTML, text…). */
    public static Optional<FileKind> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (b.length >= 8 && Arrays.equals(b, 0, 8, PNG_SIGNATURE, 0, 8)) return Optional.of(PNG);
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(b, 8, 4))) {
            return Optional.of(HEIC);
        }
        if (b.length >= 5 && ascii(b, 0, 5).equals("%PDF-")) return Optional.of(PDF);
        return Optional.empty();
    }

    static String ascii(byte[] b, int from, int length) {
        return new String(b, from, Math.min(length, b.length - from), StandardCharsets.ISO_8859_1);
    }
}

package cn.banshi.attachments;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Polyglot detection: signatures of other file kinds (ZIP, PDF, HTML/script, PHP, SVG, ELF) where an image or PDF
 * has room for arbitrary bytes: an image's metadata segments or chunks and anything after its end (JPEG EOI, PNG
 * IEND, the WebP RIFF length), a PDF's bytes after its last {@code %%EOF}. The image data itself is not searched
 * (compressed bytes would match by chance); it is decoded and encoded again anyway.
 */
final class HiddenContent {
    private static final List<byte[]> SIGNATURES = List.of(
                    "%pdf-",
                    "pk\u0003\u0004",
                    "pk\u0005\u0006",
                    "pk\u0001\u0002",
                    "<html",
                    "<script",
                    "<!doctype",
                    "<?php",
                    "<svg",
                    "<iframe",
                    "<body",
                    "\u007felf")
            .stream()
            .map(s -> s.getBytes(StandardCharsets.ISO_8859_1))
            .toList();

    private HiddenContent() {}

    /** Whether bytes [from, to) hold a foreign signature (text ones compared without case). */
    static boolean foreign(byte[] b, int from, int to) {
        to = Math.min(to, b.length);
        for (int i = Math.max(0, from); i < to; i++) {
            for (byte[] sig : SIGNATURES) {
                if (i + sig.length <= to && matches(b, i, sig)) return true;
            }
        }
        return false;
    }

    /** Whether bytes after an end of file [from, length) are a program or a foreign file rather than padding. */
    static boolean foreignTrailer(byte[] b, int from) {
        if (from >= b.length) return false;
        if (b.length - from >= 2
                && ((b[from] == 'M' && b[from + 1] == 'Z') || (b[from] == '#' && b[from + 1] == '!'))) {
            return true;
        }
        return foreign(b, from, b.length);
    }

    /** Whether [from, length) is only padding (zero bytes or ASCII whitespace). */
    static boolean blank(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != 0 && b[i] != ' ' && b[i] != '\r' && b[i] != '\n' && b[i] != '\t') return false;
        }
        return true;
    }

    private static boolean matches(byte[] b, int at, byte[] sig) {
        for (int j = 0; j < sig.length; j++) {
            int c = b[at + j] & 0xff;
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != (sig[j] & 0xff)) return false;
        }
        return true;
    }
}

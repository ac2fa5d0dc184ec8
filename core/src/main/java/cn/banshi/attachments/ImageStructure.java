package cn.banshi.attachments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container of an image, walked without decoding: the metadata segments or chunks (where EXIF lives and where a
 * polyglot hides other content) and where the image ends. A structure that does not hold together is damaged.
 */
record ImageStructure(List<Part> metadata, int end, Optional<Part> exif) {
    /** A metadata segment's or chunk's payload: bytes [start, start + length). */
    record Part(int start, int length) {}

    static final class Damaged extends Exception {
        Damaged(String message) {
            super(message, null, false, false);
        }
    }

    static ImageStructure of(FileKind kind, byte[] b) throws Damaged {
        return switch (kind) {
            case JPEG -> jpeg(b);
            case PNG -> png(b);
            case WEBP -> webp(b);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /**
     * Whether this image hides other content: a foreign signature in a metadata part; after a PNG's or WebP's end
     * anything but padding; after a JPEG's end a program or a foreign signature (phones append data there: MPF
     * secondary images, motion-photo MP4s, Samsung's SEF trailer; all dropped by re-encoding, so only what another
     * program could open is refused).
     */
    boolean hidesContent(FileKind kind, byte[] b) {
        for (Part part : metadata) {
            if (HiddenContent.foreign(b, part.start(), part.start() + part.length())) return true;
        }
        if (end >= b.length || HiddenContent.blank(b, end)) return false;
        return kind != FileKind.JPEG || HiddenContent.foreignTrailer(b, end);
    }

    private static int u16be(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((long) (b[i + 3] & 0xff) << 24);
    }

    /** SOI, marker segments, entropy-coded scans (stuffed bytes and restart markers skipped), EOI. */
    private static ImageStructure jpeg(byte[] b) throws Damaged {
        List<Part> metadata = new ArrayList<>();
        Optional<Part> exif = Optional.empty();
        int i = 2;
        while (true) {
            if (i >= b.length || (b[i] & 0xff) != 0xff) throw new Damaged("JPEG: no marker at " + i);
            while (i < b.length && (b[i] & 0xff) == 0xff) i++;
            if (i >= b.length) throw new Damaged("JPEG: no EOI");
            int marker = b[i] & 0xff;
            i++;
            if (marker == 0xd9) return new ImageStructure(metadata, i, exif);
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
            if (i + 2 > b.length) throw new Damaged("JPEG: truncated segment");
            int length = u16be(b, i);
            if (length < 2 || i + length > b.length) throw new Damaged("JPEG: bad segment length");
            Part payload = new Part(i + 2, length - 2);
            if ((marker >= 0xe0 && marker <= 0xef) || marker == 0xfe) {
                metadata.add(payload);
                if (marker == 0xe1
                        && exif.isEmpty()
                        && payload.length() > 6
                        && FileKind.ascii(b, payload.start(), 6).equals("Exif\0\0")) {
                    exif = Optional.of(new Part(payload.start() + 6, payload.length() - 6));
                }
            }
            i += length;
            if (marker == 0xda) {
                while (true) {
                    if (i + 1 >= b.length) throw new Damaged("JPEG: scan runs to the end");
                    if ((b[i] & 0xff) == 0xff) {
                        int next = b[i + 1] & 0xff;
                        if (next == 0x00 || (next >= 0xd0 && next <= 0xd7)) {
                            i += 2;
                            continue;
                        }
                        if (next == 0xff) {
                            i++;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
            }
        }
    }

    /** The signature, then chunks (length, type, data, CRC) to IEND; every chunk but IDAT is metadata. */
    private static ImageStructure png(byte[] b) throws Damaged {
        List<Part> metadata = new ArrayList<>();
        Optional<Part> exif = Optional.empty();
        int i = 8;
        while (true) {
            if (i + 12 > b.length) throw new Damaged("PNG: no IEND");
            long length = u32be(b, i);
            String type = FileKind.ascii(b, i + 4, 4);
            if (length > b.length - i - 12) throw new Damaged("PNG: bad chunk length");
            Part data = new Part(i + 8, (int) length);
            i += 12 + (int) length;
            if (type.equals("IEND")) return new ImageStructure(metadata, i, exif);
            if (!type.equals("IDAT")) metadata.add(data);
            if (type.equals("eXIf") && exif.isEmpty()) exif = Optional.of(data);
        }
    }

    /** RIFF header (its length must be the file's), then chunks; every chunk but the image data is metadata. */
    private static ImageStructure webp(byte[] b) throws Damaged {
        long riff = u32le(b, 4);
        if (riff + 8 > b.length || riff < 4) throw new Damaged("WebP: RIFF length beyond the file");
        int end = (int) riff + 8;
        List<Part> metadata = new ArrayList<>();
        Optional<Part> exif = Optional.empty();
        int i = 12;
        while (i + 8 <= end) {
            String type = FileKind.ascii(b, i, 4);
            long length = u32le(b, i + 4);
            if (length > end - i - 8) throw new Damaged("WebP: bad chunk length");
            Part data = new Part(i + 8, (int) length);
            if (!List.of("VP8 ", "VP8L", "ALPH", "ANMF").contains(type)) metadata.add(data);
            if (type.equals("EXIF") && exif.isEmpty()) {
                boolean prefixed =
                        length > 6 && FileKind.ascii(b, data.start(), 6).equals("Exif\0\0");
                exif = Optional.of(prefixed ? new Part(data.start() + 6, data.length() - 6) : data);
            }
            i += 8 + (int) length + (int) (length & 1);
        }
        return new ImageStructure(metadata, end, exif);
    }
}

package cn.banshi.attachments;

import java.awt.geom.AffineTransform;

/** The EXIF Orientation tag (0x0112 in IFD0 of a TIFF structure) and the transform that shows the image upright. */
final class ExifOrientation {
    static final int UPRIGHT = 1;

    private ExifOrientation() {}

    /** The orientation 1..8 in the TIFF bytes [start, start + length), or {@value #UPRIGHT} when absent or unreadable. */
    static int read(byte[] b, int start, int length) {
        int end = Math.min(b.length, start + length);
        if (end - start < 8) return UPRIGHT;
        boolean little;
        if (b[start] == 'I' && b[start + 1] == 'I') little = true;
        else if (b[start] == 'M' && b[start + 1] == 'M') little = false;
        else return UPRIGHT;
        if (u16(b, start + 2, little) != 42) return UPRIGHT;
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) return UPRIGHT;
        int at = start + (int) ifd;
        int entries = u16(b, at, little);
        for (int e = 0; e < entries; e++) {
            int entry = at + 2 + 12 * e;
            if (entry + 12 > end) return UPRIGHT;
            if (u16(b, entry, little) == 0x0112 && u16(b, entry + 2, little) == 3) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** Whether the orientation swaps width and height (5 to 8: a quarter turn). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** Maps the stored image (w × h) onto the upright one. */
    static AffineTransform transform(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // a quarter turn anticlockwise
            default -> new AffineTransform();
        };
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) : ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static long u32(byte[] b, int i, boolean little) {
        long lo = u16(b, little ? i : i + 2, little);
        long hi = u16(b, little ? i + 2 : i, little);
        return (hi << 16) | lo;
    }
}

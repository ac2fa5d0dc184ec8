package cn.banshi.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Test files made in code: images with EXIF (GPS, orientation), PNG chunks, appended content. */
final class Fixtures {
    private Fixtures() {}

    /** An image whose left half is red and right half blue. */
    static BufferedImage halves(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The GPS position of the fixtures' EXIF: 31° 22' 44" N, 119° 48' 10" E (as ASCII, to find it in bytes). */
    static final String GPS_MARK = "GPS-31.3789N-119.8028E";

    /**
     * A TIFF structure (big-endian) with IFD0 holding Orientation, an ImageDescription carrying {@link #GPS_MARK} and
     * a GPS IFD (latitude/longitude references and values).
     */
    static byte[] exifTiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: 3 entries
        byte[] description = (GPS_MARK + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int descriptionAt = ifd0 + 2 + 3 * 12 + 4;
        int gpsIfd = descriptionAt + description.length + (description.length & 1);
        b.putShort((short) 3);
        b.putShort((short) 0x010e)
                .putShort((short) 2)
                .putInt(description.length)
                .putInt(descriptionAt);
        b.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        b.putInt(0);
        b.put(description);
        if ((description.length & 1) == 1) b.put((byte) 0);
        // GPS IFD: LatitudeRef N, Latitude 31/1 22/1 44/1 (rationals at the end), LongitudeRef E, Longitude
        int rationals = gpsIfd + 2 + 4 * 12 + 4;
        b.putShort((short) 4);
        b.putShort((short) 1)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(rationals);
        b.putShort((short) 3)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'E')
                .put((byte) 0)
                .putShort((short) 0);
        b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(rationals + 24);
        b.putInt(0);
        for (int v : new int[] {31, 22, 44, 119, 48, 10}) b.putInt(v).putInt(1);
        byte[] tiff = new byte[b.position()];
        b.flip().get(tiff);
        return tiff;
    }

    /** The JPEG with an APP1 Exif segment (the TIFF above) after its JFIF segment, as editors write it. */
    static byte[] withExif(byte[] jpeg, int orientation) {
        byte[] tiff = exifTiff(orientation);
        int afterJfif = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        int length = 2 + 6 + tiff.length;
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    /** The JPEG with a COM (comment) segment holding {@code text} right after SOI. */
    static byte[] withComment(byte[] jpeg, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xfe);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xff);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** One PNG chunk: length, type, data, CRC. */
    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        b.putInt(data.length).put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The PNG with a chunk inserted right before IEND (the last 12 bytes). */
    static byte[] withChunk(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        out.writeBytes(chunk(type, data));
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The chunk types of a PNG, in order. */
    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png);
        int i = 8;
        while (i + 8 <= png.length) {
            int length = b.getInt(i);
            types.add(new String(png, i + 4, 4, StandardCharsets.US_ASCII));
            i += 12 + length;
        }
        return types;
    }
}

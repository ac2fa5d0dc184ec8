package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.errors.Errors;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class FileChecksImageTest {
    private final FileChecks checks = new FileChecks();

    private Checked check(byte[] bytes, FilePurpose purpose) throws IOException {
        return checks.check(new ByteArrayInputStream(bytes), bytes.length, purpose);
    }

    private static void assertRefused(String code, Checked checked) {
        assertEquals(new Checked.Refused(code), checked);
    }

    private static void assertRefused(String code, Checked checked, String message) {
        assertEquals(new Checked.Refused(code), checked, message);
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** The marker segments the JDK's JPEG reader sees in the file's metadata tree (app0JFIF, unknown = APPn…). */
    private static List<String> jpegMarkers(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node root = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
            List<String> names = new ArrayList<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                for (Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) names.add(m.getNodeName());
            }
            reader.dispose();
            return names;
        }
    }

    @Test
    void aJpegWithGpsExifComesOutWithoutIt() throws Exception {
        byte[] photo = Fixtures.withExif(Fixtures.jpeg(Fixtures.halves(160, 120, BufferedImage.TYPE_3BYTE_BGR)), 1);
        assertTrue(
                contains(photo, Fixtures.GPS_MARK) && jpegMarkers(photo).contains("unknown"), "the fixture has EXIF");

        Checked.Image image = assertInstanceOf(Checked.Image.class, check(photo, FilePurpose.PHOTO_OR_PDF));
        assertEquals(FileKind.JPEG, image.sourceKind());
        assertEquals("image/jpeg", image.contentType());
        assertEquals(List.of(160, 120), List.of(image.width(), image.height()));
        assertFalse(contains(image.body(), Fixtures.GPS_MARK));
        assertFalse(contains(image.body(), "Exif"));
        assertFalse(
                jpegMarkers(image.body()).contains("unknown"),
                "no APPn segment but JFIF: " + jpegMarkers(image.body()));
        assertEquals(
                List.of(),
                ImageStructure.of(FileKind.JPEG, image.body()).exif().stream().toList());
        assertFalse(contains(image.thumbnail(), Fixtures.GPS_MARK));
        assertEquals("image/jpeg", image.thumbnailContentType());
    }

    @Test
    void theExifOrientationIsAppliedToThePixels() throws Exception {
        // stored 200 × 100, left half red, right half blue; orientation 6: shown turned a quarter clockwise
        byte[] photo = Fixtures.withExif(Fixtures.jpeg(Fixtures.halves(200, 100, BufferedImage.TYPE_3BYTE_BGR)), 6);
        Checked.Image image = assertInstanceOf(Checked.Image.class, check(photo, FilePurpose.PHOTO_OR_PDF));
        assertEquals(List.of(100, 200), List.of(image.width(), image.height()));
        BufferedImage upright = read(image.body());
        assertEquals(List.of(100, 200), List.of(upright.getWidth(), upright.getHeight()));
        assertReddish(new Color(upright.getRGB(50, 40)), "the stored left (red) is now on top");
        assertBluish(new Color(upright.getRGB(50, 160)), "the stored right (blue) is now below");

        byte[] anticlockwise =
                Fixtures.withExif(Fixtures.jpeg(Fixtures.halves(200, 100, BufferedImage.TYPE_3BYTE_BGR)), 8);
        BufferedImage turned =
                read(assertInstanceOf(Checked.Image.class, check(anticlockwise, FilePurpose.PHOTO_OR_PDF))
                        .body());
        assertBluish(new Color(turned.getRGB(50, 40)), "orientation 8: the stored right is on top");
        BufferedImage thumb = read(assertInstanceOf(Checked.Image.class, check(photo, FilePurpose.PHOTO_OR_PDF))
                .thumbnail());
        assertEquals(List.of(100, 200), List.of(thumb.getWidth(), thumb.getHeight()), "small images stay as they are");
    }

    private static void assertReddish(Color c, String message) {
        assertTrue(c.getRed() > 200 && c.getBlue() < 60, message + ": " + c);
    }

    private static void assertBluish(Color c, String message) {
        assertTrue(c.getBlue() > 200 && c.getRed() < 60, message + ": " + c);
    }

    @Test
    void aPngWithTextChunksComesOutWithOnlyItsImageChunks() throws Exception {
        byte[] png = Fixtures.png(Fixtures.halves(64, 48, BufferedImage.TYPE_INT_ARGB));
        byte[] tagged = Fixtures.withChunk(
                Fixtures.withChunk(png, "tEXt", "Comment\0GPS 31.37N 119.80E".getBytes(StandardCharsets.ISO_8859_1)),
                "eXIf",
                Fixtures.exifTiff(1));
        assertTrue(Fixtures.chunkTypes(tagged).containsAll(List.of("tEXt", "eXIf")));

        Checked.Image image = assertInstanceOf(Checked.Image.class, check(tagged, FilePurpose.PHOTO_OR_PDF));
        assertEquals("image/png", image.contentType(), "transparency kept: PNG again");
        assertEquals(
                List.of("IHDR", "IDAT", "IEND"),
                Fixtures.chunkTypes(image.body()).stream().distinct().toList());
        assertFalse(contains(image.body(), "GPS"));
        assertEquals("image/jpeg", image.thumbnailContentType());

        byte[] opaque = Fixtures.withChunk(
                Fixtures.png(Fixtures.halves(64, 48, BufferedImage.TYPE_3BYTE_BGR)),
                "iTXt",
                "Author\0\0\0\0\0张三".getBytes(StandardCharsets.UTF_8));
        Checked.Image jpeg = assertInstanceOf(Checked.Image.class, check(opaque, FilePurpose.PHOTO_OR_PDF));
        assertEquals("image/jpeg", jpeg.contentType(), "an opaque PNG is served as JPEG");
        assertEquals(FileKind.PNG, jpeg.sourceKind());
    }

    @Test
    void largeImagesAreCappedAndGetAThumbnail() throws Exception {
        byte[] wide = Fixtures.jpeg(Fixtures.halves(5000, 1000, BufferedImage.TYPE_3BYTE_BGR));
        Checked.Image image = assertInstanceOf(Checked.Image.class, check(wide, FilePurpose.PHOTO_OR_PDF));
        assertEquals(List.of(ImageChecks.MAX_SIDE, 819), List.of(image.width(), image.height()));
        BufferedImage thumb = read(image.thumbnail());
        assertEquals(List.of(ImageChecks.THUMBNAIL_SIDE, 64), List.of(thumb.getWidth(), thumb.getHeight()));
        assertReddish(new Color(thumb.getRGB(40, 32)), "thumbnail left");
        assertBluish(new Color(thumb.getRGB(280, 32)), "thumbnail right");
    }

    @Test
    void aWebpIsDecodedAndServedAsJpeg() throws Exception {
        // a 1 × 1 lossless WebP (26 bytes)
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        Checked.Image image = assertInstanceOf(Checked.Image.class, check(webp, FilePurpose.PHOTO_OR_PDF));
        assertEquals(FileKind.WEBP, image.sourceKind());
        assertEquals(List.of(1, 1), List.of(image.width(), image.height()));
        assertRefused(Errors.FILE_TYPE_NOT_ALLOWED, check(webp, FilePurpose.STAFF_DOCUMENT));
        assertRefused(
                Errors.FILE_HIDDEN_CONTENT, check(Fixtures.concat(webp, "<html>".getBytes()), FilePurpose.ID_PROOF));
    }

    @Test
    void renamedExecutablesAndOtherKindsAreRefusedByTheirBytes() throws Exception {
        byte[] windows = new byte[256];
        windows[0] = 'M';
        windows[1] = 'Z';
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] renamed : List.of(windows, elf, script, html, gif, zip(), new byte[0])) {
            assertRefused(Errors.FILE_TYPE_NOT_ALLOWED, check(renamed, FilePurpose.PHOTO_OR_PDF));
        }
    }

    @Test
    void heicIsRecognisedAndRefusedWithItsOwnCode() throws Exception {
        byte[] heic = new byte[64];
        ByteBuffer.wrap(heic).putInt(24).put("ftypheic".getBytes(StandardCharsets.US_ASCII));
        assertRefused(Errors.HEIC_NOT_SUPPORTED, check(heic, FilePurpose.PHOTO_OR_PDF));
        assertRefused(Errors.FILE_TYPE_NOT_ALLOWED, check(heic, FilePurpose.STAFF_DOCUMENT));
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.exe"));
            zip.write("MZ-not-really".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void polyglotsAreRefused() throws Exception {
        byte[] jpeg = Fixtures.jpeg(Fixtures.halves(32, 32, BufferedImage.TYPE_3BYTE_BGR));
        byte[] png = Fixtures.png(Fixtures.halves(32, 32, BufferedImage.TYPE_3BYTE_BGR));
        byte[] page = "<!DOCTYPE html><script>fetch('/x')</script>".getBytes(StandardCharsets.US_ASCII);
        for (byte[] polyglot : List.of(
                Fixtures.concat(jpeg, zip()), // a JPEG that is also a ZIP (readers find the ZIP's directory at the end)
                Fixtures.concat(jpeg, page),
                Fixtures.concat(jpeg, "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)),
                Fixtures.withComment(jpeg, "<html><body onload=alert(1)>"),
                Fixtures.concat(png, page),
                Fixtures.concat(png, new byte[] {1, 2, 3}),
                Fixtures.withChunk(png, "tEXt", "x\0<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)))) {
            assertRefused(Errors.FILE_HIDDEN_CONTENT, check(polyglot, FilePurpose.PHOTO_OR_PDF));
        }
        // what phones append after a JPEG's end: the secondary images of MPF, zero padding, Samsung's SEF trailer
        assertInstanceOf(Checked.Image.class, check(Fixtures.concat(jpeg, jpeg), FilePurpose.PHOTO_OR_PDF));
        assertInstanceOf(Checked.Image.class, check(Fixtures.concat(jpeg, new byte[64]), FilePurpose.PHOTO_OR_PDF));
        byte[] sef = "\0\0\u0001\nImage_UTC_Data1700000000000SEFHSEFT".getBytes(StandardCharsets.ISO_8859_1);
        assertInstanceOf(Checked.Image.class, check(Fixtures.concat(jpeg, sef), FilePurpose.PHOTO_OR_PDF));
    }

    @Test
    void anImageThatClaimsHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
        // a PNG header of 60000 × 60000 (3.6 gigapixels) over a few bytes of compressed zeros: a decompression bomb
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put(new byte[] {8, 2, 0, 0, 0});
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] compressed = new byte[4096];
        int length = deflater.deflate(compressed);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        bomb.writeBytes(Fixtures.chunk("IHDR", ihdr.array()));
        bomb.writeBytes(Fixtures.chunk("IDAT", Arrays.copyOf(compressed, length)));
        bomb.writeBytes(Fixtures.chunk("IEND", new byte[0]));
        assertTrue(bomb.size() < 10_000, "a small file: " + bomb.size());
        assertRefused(Errors.IMAGE_TOO_LARGE, check(bomb.toByteArray(), FilePurpose.PHOTO_OR_PDF));

        // a JPEG whose frame header says 20000 × 20000 (400 MP)
        byte[] jpeg = Fixtures.jpeg(Fixtures.halves(16, 16, BufferedImage.TYPE_3BYTE_BGR));
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) 20_000).putShort((short) 20_000);
                break;
            }
        }
        assertRefused(Errors.IMAGE_TOO_LARGE, check(jpeg, FilePurpose.PHOTO_OR_PDF));
    }

    @Test
    void aFortyMegapixelPhotoPasses() throws Exception {
        byte[] photo = Fixtures.jpeg(Fixtures.halves(7300, 5475, BufferedImage.TYPE_3BYTE_BGR));
        Checked.Image image = assertInstanceOf(Checked.Image.class, check(photo, FilePurpose.PHOTO_OR_PDF));
        assertEquals(List.of(4096, 3072), List.of(image.width(), image.height()));
    }

    @Test
    void oversizeAndDamagedFilesAreRefused() throws Exception {
        byte[] jpeg = Fixtures.jpeg(Fixtures.halves(32, 32, BufferedImage.TYPE_3BYTE_BGR));
        byte[] big = Arrays.copyOf(jpeg, (int) FilePurpose.MAX_IMAGE_BYTES + 1);
        assertRefused(Errors.FILE_TOO_LARGE, check(big, FilePurpose.PHOTO_OR_PDF));
        assertRefused(
                Errors.FILE_TOO_LARGE,
                checks.check(new ByteArrayInputStream(jpeg), FilePurpose.MAX_PDF_BYTES + 1, FilePurpose.PHOTO_OR_PDF));
        byte[] endless = new byte[(int) FilePurpose.MAX_PDF_BYTES + 10];
        System.arraycopy(jpeg, 0, endless, 0, jpeg.length);
        assertRefused(
                Errors.FILE_TOO_LARGE,
                checks.check(new ByteArrayInputStream(endless), -1, FilePurpose.PHOTO_OR_PDF),
                "an unknown size is bounded by reading");
        assertRefused(
                Errors.FILE_DAMAGED,
                checks.check(new ByteArrayInputStream(jpeg), jpeg.length + 5, FilePurpose.PHOTO_OR_PDF));
        assertRefused(Errors.FILE_DAMAGED, check(Arrays.copyOf(jpeg, jpeg.length / 2), FilePurpose.PHOTO_OR_PDF));
        byte[] corrupt = jpeg.clone();
        for (int i = 200; i < corrupt.length - 2; i++) corrupt[i] = (byte) 0xff;
        assertRefused(Errors.FILE_DAMAGED, check(corrupt, FilePurpose.PHOTO_OR_PDF));
    }

    @Test
    void everyRefusalCodeMakesItsError() {
        for (String code : Errors.FILE_REFUSALS) {
            assertEquals(code, Errors.fileRefused(code, "files[0]").code());
            assertEquals(400, Errors.fileRefused(code, "files[0]").status());
        }
    }
}

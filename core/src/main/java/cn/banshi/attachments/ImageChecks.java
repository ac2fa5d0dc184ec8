package cn.banshi.attachments;

import cn.banshi.errors.Errors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images: the container walked (damage, hidden content, EXIF orientation), the dimensions read from the header
 * before any decoding (more than {@value #MAX_PIXELS} pixels is refused: a decompression bomb is a few KB that
 * decode to gigabytes), then decoded with ImageIO subsampling so that no more than about twice the output is ever
 * held, turned upright, scaled to at most {@value #MAX_SIDE} px on the longest side and encoded again without any
 * metadata (EXIF with its GPS position, XMP, comments, text chunks all dropped); and a thumbnail.
 */
final class ImageChecks {
    /** 50 megapixels: a 40-MP phone photo passes. */
    static final long MAX_PIXELS = 50_000_000L;

    static final int MAX_SIDE = 4096;
    static final int THUMBNAIL_SIDE = 320;
    static final float JPEG_QUALITY = 0.85f;

    static {
        ImageIO.setUseCache(false); // decode in memory, never to temporary files
    }

    private ImageChecks() {}

    static Checked check(byte[] bytes, FileKind kind) {
        ImageStructure structure;
        try {
            structure = ImageStructure.of(kind, bytes);
        } catch (ImageStructure.Damaged damaged) {
            return new Checked.Refused(Errors.FILE_DAMAGED);
        }
        if (structure.hidesContent(kind, bytes)) return new Checked.Refused(Errors.FILE_HIDDEN_CONTENT);
        int orientation = structure
                .exif()
                .map(p -> ExifOrientation.read(bytes, p.start(), p.length()))
                .orElse(ExifOrientation.UPRIGHT);
        BufferedImage decoded;
        try {
            Optional<BufferedImage> read = decode(bytes, kind);
            if (read.isEmpty()) return new Checked.Refused(Errors.IMAGE_TOO_LARGE);
            decoded = read.get();
        } catch (IOException | RuntimeException damaged) {
            return new Checked.Refused(Errors.FILE_DAMAGED);
        }
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage upright = upright(fit(decoded, MAX_SIDE, alpha), orientation, alpha);
        decoded = null; // the full decode can go before encoding
        try {
            byte[] body = alpha ? png(upright) : jpeg(upright);
            byte[] thumbnail = jpeg(fit(upright, THUMBNAIL_SIDE, false));
            return new Checked.Image(
                    kind,
                    body,
                    alpha ? "image/png" : "image/jpeg",
                    upright.getWidth(),
                    upright.getHeight(),
                    thumbnail,
                    "image/jpeg");
        } catch (IOException e) {
            throw new IllegalStateException("encoding in memory failed", e);
        }
    }

    /** The image, decoded at the coarsest subsampling that keeps it at least {@value #MAX_SIDE} px; empty when too large. */
    private static Optional<BufferedImage> decode(byte[] bytes, FileKind kind) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName(kind));
        if (!readers.hasNext()) throw new IllegalStateException("no ImageIO reader for " + kind);
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) throw new IOException("no dimensions");
            if ((long) width * height > MAX_PIXELS) return Optional.empty();
            int step = Math.max(1, Math.max(width, height) / MAX_SIDE);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return Optional.of(reader.read(0, param));
        } finally {
            reader.dispose();
        }
    }

    private static String formatName(FileKind kind) {
        return switch (kind) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case WEBP -> "webp";
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /**
     * The image scaled to at most {@code side} px on its longest side (halving first, then one bilinear step), as RGB
     * or ARGB; the image itself when it already fits and has that type.
     */
    static BufferedImage fit(BufferedImage image, int side, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage current = image;
        while (Math.max(current.getWidth(), current.getHeight()) >= 2 * side) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type);
        }
        int longest = Math.max(current.getWidth(), current.getHeight());
        if (longest > side) {
            double scale = (double) side / longest;
            current = draw(
                    current,
                    Math.max(1, (int) Math.round(current.getWidth() * scale)),
                    Math.max(1, (int) Math.round(current.getHeight() * scale)),
                    type);
        } else if (current.getType() != type) {
            current = draw(current, current.getWidth(), current.getHeight(), type);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            if (type != BufferedImage.TYPE_INT_ARGB) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** The image turned as its EXIF orientation says (exact quarter turns and mirrors: no interpolation). */
    static BufferedImage upright(BufferedImage image, int orientation, boolean alpha) {
        if (orientation == ExifOrientation.UPRIGHT) return image;
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = ExifOrientation.swapsSides(orientation);
        BufferedImage target = new BufferedImage(
                swap ? h : w, swap ? w : h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, ExifOrientation.transform(orientation, w, h), null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Baseline JPEG with a JFIF header and nothing else: no EXIF, no XMP, no comment. */
    static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** PNG with only its image chunks (IHDR, IDAT, IEND): no text, no eXIf, no time. */
    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer");
        return out.toByteArray();
    }
}

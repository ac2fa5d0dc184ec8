package cn.banshi.attachments;

import java.time.Duration;
import java.util.Set;

/**
 * The numbers of issue 16 in one place: at most {@link #MAX_PER_CASE} files per case (a citizen's submission and
 * staff documents together), photos up to 10 MB, PDFs up to 20 MB; the content types a slot may declare per purpose
 * (the real type is decided later by the bytes); how long a presigned POST and GET live; how long an unattached
 * upload is kept.
 */
public final class UploadLimits {
    public static final int MAX_PER_CASE = 6;
    public static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    public static final long MAX_PDF_BYTES = 20L * 1024 * 1024;
    public static final Duration POST_VALIDITY = Duration.ofMinutes(15);
    public static final Duration GET_VALIDITY = Duration.ofMinutes(5);
    public static final Duration ORPHAN_AFTER = Duration.ofHours(24);

    public static final String PDF = "application/pdf";
    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/heic");

    private UploadLimits() {}

    /** Whether a slot of {@code purpose} may declare {@code contentType}. */
    public static boolean accepts(FilePurpose purpose, String contentType) {
        return switch (purpose) {
            case PHOTO_OR_PDF, ID_PROOF -> IMAGE_TYPES.contains(contentType) || PDF.equals(contentType);
            case STAFF_DOCUMENT ->
                PDF.equals(contentType) || "image/jpeg".equals(contentType) || "image/png".equals(contentType);
        };
    }

    /** The largest file of this declared type. */
    public static long maxBytes(String contentType) {
        return PDF.equals(contentType) ? MAX_PDF_BYTES : MAX_PHOTO_BYTES;
    }
}

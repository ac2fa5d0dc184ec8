package cn.banshi.attachments;

import java.time.Instant;

/**
 * A processed file linked from a case: only objects under {@code processed/} are ever linked. {@code purpose} is the
 * {@link FilePurpose} name; {@code thumbnailKey} is null for documents; {@code addedBy} is "citizen" or a staff subject.
 * No file name is kept (a name like "张三身份证.jpg" is personal data).
 */
public record Attachment(
        String uploadId,
        FilePurpose purpose,
        String contentType,
        long bytes,
        String objectKey,
        String thumbnailKey,
        Visibility visibility,
        String addedBy,
        Instant addedAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    /** Erased with the case's personal data ({@link FilePurpose#isPersonalData()}). */
    public boolean isPersonalData() {
        return purpose.isPersonalData();
    }

    public boolean isIdProof() {
        return purpose == FilePurpose.ID_PROOF;
    }
}

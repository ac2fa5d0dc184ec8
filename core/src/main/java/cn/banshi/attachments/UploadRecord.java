package cn.banshi.attachments;

import java.time.Instant;

/**
 * One upload slot and what became of it. A citizen's slot belongs to a draft ({@code draftId}, made by the form
 * page once per form) and a town; a staff slot to one case ({@code caseRef} set when the slot is made). {@code caseRef}
 * is the case the upload is attached to (or made for): once set, no other case can take it. {@code size} is the exact
 * byte count the presigned policy allows. The processed fields are set when the state is {@link UploadState#READY};
 * {@code refusal} when {@link UploadState#REFUSED}. {@code expiresAt} (epoch seconds) is cleared once attached.
 */
public record UploadRecord(
        String uploadId,
        String town,
        FilePurpose purpose,
        String contentType,
        long size,
        String draftId,
        String caseRef,
        String createdBy,
        Instant createdAt,
        UploadState state,
        String refusal,
        String processedKey,
        String processedContentType,
        long processedBytes,
        String thumbnailKey,
        Long expiresAt) {

    /** The key the presigned POST writes: {@code incoming/TOWN/UPLOAD_ID}. */
    public String incomingKey() {
        return UploadKeys.incoming(town, uploadId);
    }

    public boolean attached() {
        return caseRef != null && expiresAt == null;
    }
}

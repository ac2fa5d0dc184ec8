package cn.banshi.attachments;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an upload is for: it decides the kinds accepted. Limits: photos up to {@value #MAX_IMAGE_BYTES} bytes
 * (10 MB), PDFs up to {@value #MAX_PDF_BYTES} bytes (20 MB), whatever the purpose.
 */
public enum FilePurpose {
    /** A citizen's photo or PDF on a complaint, help request, suggestion, dispute or petition. */
    PHOTO_OR_PDF(EnumSet.allOf(FileKind.class)),
    /** An applicant's proof of identity on an information request: a photo or a scan of the card. */
    ID_PROOF(EnumSet.allOf(FileKind.class)),
    /** A document staff attach to an action (a reply letter, a mediation agreement, a decision): PDF or a scan. */
    STAFF_DOCUMENT(EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG));

    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    public static final long MAX_PDF_BYTES = 20L * 1024 * 1024;

    private final Set<FileKind> kinds;

    FilePurpose(Set<FileKind> kinds) {
        this.kinds = kinds;
    }

    public Set<FileKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /**
     * The citizen's own files (photos that may show people, ID documents): erased with the case's personal data. Staff
     * documents are the authority's own letters and decisions and stay (docs/personal-data.md).
     */
    public boolean isPersonalData() {
        return this != STAFF_DOCUMENT;
    }

    public boolean allows(FileKind kind) {
        return kinds.contains(kind);
    }

    /** The largest file of this kind, in bytes. */
    public static long maxBytes(FileKind kind) {
        return kind == FileKind.PDF ? MAX_PDF_BYTES : MAX_IMAGE_BYTES;
    }

    /** The largest file of any kind this purpose accepts (the presigned POST's content-length-range). */
    public long maxBytes() {
        return kinds.stream().mapToLong(FilePurpose::maxBytes).max().orElse(0);
    }
}

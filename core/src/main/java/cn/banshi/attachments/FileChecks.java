package cn.banshi.attachments;

import cn.banshi.errors.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The checks every upload goes through before anything links to it. The kind is decided by the bytes (magic
 * numbers), never by the name or the declared Content-Type; then the purpose must allow it, its size must be within
 * the kind's limit, and it is checked and cleaned by kind: images by {@link ImageChecks} (re-encoded, metadata
 * dropped, upright, capped, thumbnail), PDFs by {@link PdfChecks}. HEIC is recognised and refused with
 * {@link Errors#HEIC_NOT_SUPPORTED}: no pure-Java HEIC decoder is available. Stateless and thread-safe.
 */
public final class FileChecks {

    /**
     * Reads at most the purpose's largest file plus one byte (never more, whatever {@code size} says) and checks it.
     *
     * @param size the stored object's length, or -1 when unknown; a stream that ends before it is damaged
     * @throws IOException when reading fails (not a refusal: the caller retries)
     */
    public Checked check(InputStream in, long size, FilePurpose purpose) throws IOException {
        long limit = purpose.maxBytes();
        if (size > limit) return new Checked.Refused(Errors.FILE_TOO_LARGE);
        byte[] bytes = in.readNBytes((int) limit + 1);
        if (bytes.length > limit) return new Checked.Refused(Errors.FILE_TOO_LARGE);
        if (size >= 0 && bytes.length != size) return new Checked.Refused(Errors.FILE_DAMAGED);
        return check(bytes, purpose);
    }

    /** The checks of {@link #check(InputStream, long, FilePurpose)} on bytes already read. */
    public Checked check(byte[] bytes, FilePurpose purpose) {
        Optional<FileKind> sniffed = FileKind.sniff(bytes);
        if (sniffed.isEmpty() || !purpose.allows(sniffed.get())) {
            return new Checked.Refused(Errors.FILE_TYPE_NOT_ALLOWED);
        }
        FileKind kind = sniffed.get();
        if (bytes.length > FilePurpose.maxBytes(kind)) return new Checked.Refused(Errors.FILE_TOO_LARGE);
        return switch (kind) {
            case HEIC -> new Checked.Refused(Errors.HEIC_NOT_SUPPORTED);
            case PDF -> PdfChecks.check(bytes);
            case JPEG, PNG, WEBP -> ImageChecks.check(bytes, kind);
        };
    }
}

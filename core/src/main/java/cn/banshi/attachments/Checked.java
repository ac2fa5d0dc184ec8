package cn.banshi.attachments;

import cn.banshi.errors.Errors;

/** The outcome of {@link FileChecks#check}: a clean image, a clean document, or a refusal with its error code. */
public sealed interface Checked permits Checked.Image, Checked.Document, Checked.Refused {

    /**
     * An image decoded and encoded again (JPEG, or PNG when it has transparency): orientation applied, longest side
     * at most {@value ImageChecks#MAX_SIDE} px, no metadata at all; and a JPEG thumbnail (longest side
     * {@value ImageChecks#THUMBNAIL_SIDE} px).
     */
    record Image(
            FileKind sourceKind,
            byte[] body,
            String contentType,
            int width,
            int height,
            byte[] thumbnail,
            String thumbnailContentType)
            implements Checked {}

    /** A PDF that parsed and carries no script, launch action, XFA form or embedded file (see {@link PdfChecks}). */
    record Document(byte[] body) implements Checked {
        public String contentType() {
            return "application/pdf";
        }
    }

    /** Refused: {@code code} is one of {@link Errors#FILE_REFUSALS} ({@link Errors#fileRefused} makes the error). */
    record Refused(String code) implements Checked {
        public Refused {
            if (!Errors.FILE_REFUSALS.contains(code)) throw new IllegalArgumentException("not a file refusal: " + code);
        }
    }
}

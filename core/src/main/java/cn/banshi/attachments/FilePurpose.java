package cn.banshi.attachments;

/** What an uploaded file is for; it decides the kinds and sizes accepted. */
public enum FilePurpose {
    PHOTO_OR_PDF,
    ID_PROOF,
    STAFF_DOCUMENT
}

package cn.banshi.attachments;

/** An upload slot: the record and the presigned POST that writes exactly its incoming object. */
public record Slot(UploadRecord upload, PresignedPost post, long maxBytes) {}

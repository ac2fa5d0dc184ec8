package cn.banshi.attachments;

import java.time.Instant;

/** An upload slot: the record and the presigned POST that writes exactly its incoming object. */
public record Slot(UploadRecord upload, PresignedPost post, Instant expiresAt, long maxBytes) {}

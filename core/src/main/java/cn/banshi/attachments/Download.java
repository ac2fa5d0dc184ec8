package cn.banshi.attachments;

import java.time.Instant;

/** A short-lived presigned GET of a processed object. */
public record Download(String url, String contentType, Instant expiresAt) {}

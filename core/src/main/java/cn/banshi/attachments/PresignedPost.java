package cn.banshi.attachments;

import java.time.Instant;
import java.util.Map;

/** A browser form upload: POST {@code url} as multipart/form-data with {@code fields} first, then the file. */
public record PresignedPost(String url, Map<String, String> fields, Instant expiresAt) {
    public PresignedPost {
        fields = Map.copyOf(fields);
    }
}

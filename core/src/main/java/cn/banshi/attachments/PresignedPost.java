package cn.banshi.attachments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser upload: the form is POSTed to {@code url} with these fields first (in order) and the file last. */
public record PresignedPost(String url, Map<String, String> fields) {
    public PresignedPost {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}

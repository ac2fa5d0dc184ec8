package cn.banshi.attachments;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Object keys of the uploads bucket: {@code incoming/TOWN/ID} as uploaded (never served, expired by the lifecycle
 * rule), {@code processed/TOWN/ID} (re-encoded body) and {@code processed/TOWN/ID.thumb} (thumbnail), the only keys a
 * case links. The IAM statements name the prefixes.
 */
public final class UploadKeys {
    public static final String INCOMING = UploadsBucket.INCOMING_PREFIX;
    public static final String PROCESSED = UploadsBucket.PROCESSED_PREFIX;
    /** Upload ids: 32 lower-case hex digits (128 random bits), so a key never needs escaping. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private static final Pattern TOWN = Pattern.compile("[a-z0-9-]{1,40}");

    private UploadKeys() {}

    public static String incoming(String town, String uploadId) {
        return INCOMING + town + "/" + uploadId;
    }

    public static String processed(String town, String uploadId) {
        return PROCESSED + town + "/" + uploadId;
    }

    public static String thumbnail(String town, String uploadId) {
        return PROCESSED + town + "/" + uploadId + ".thumb";
    }

    public static boolean isUploadId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** The town and upload id of an incoming key; empty for any other key (an event for a stray object is ignored). */
    public static Optional<String[]> parseIncoming(String key) {
        if (key == null || !key.startsWith(INCOMING)) return Optional.empty();
        String[] parts = key.substring(INCOMING.length()).split("/", -1);
        if (parts.length != 2 || !TOWN.matcher(parts[0]).matches() || !isUploadId(parts[1])) return Optional.empty();
        return Optional.of(parts);
    }
}

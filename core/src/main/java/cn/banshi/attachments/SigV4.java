package cn.banshi.attachments;

import cn.banshi.digest.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Presigned GETs and DELETEs (Signature Version 4, query-string form, unsigned payload), by hand: the SDK's presigner
 * would put the whole S3 client into every API function that hands out a download link, and into the functions that
 * erase a case's files ({@link AttachmentErasure}). {@code SigV4Test} checks the URLs against the SDK's own presigner.
 */
public final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private SigV4() {}

    /** A GET URL of {@code key}, valid from {@code now} for {@code validity}. */
    public static String get(BucketAccess bucket, String key, Instant now, Duration validity) {
        return presign("GET", bucket, key, now, validity);
    }

    /** A DELETE URL of {@code key}, valid from {@code now} for {@code validity}. */
    public static String delete(BucketAccess bucket, String key, Instant now, Duration validity) {
        return presign("DELETE", bucket, key, now, validity);
    }

    /**
     * A PUT URL of {@code key}'s tag set ({@code ?tagging}) for a body whose base64 MD5 is {@code contentMd5}: S3
     * requires an integrity header on PutObjectTagging, so the request must send {@code Content-MD5} with exactly this
     * value (it is a signed header).
     */
    public static String putTagging(
            BucketAccess bucket, String key, String contentMd5, Instant now, Duration validity) {
        return presign("PUT", bucket, key, now, validity, Map.of("tagging", ""), Map.of("content-md5", contentMd5));
    }

    private static String presign(String method, BucketAccess bucket, String key, Instant now, Duration validity) {
        return presign(method, bucket, key, now, validity, Map.of(), Map.of());
    }

    private static String presign(
            String method,
            BucketAccess bucket,
            String key,
            Instant now,
            Duration validity,
            Map<String, String> subresource,
            Map<String, String> headers) {
        AwsCredentials credentials = bucket.credentials().resolveCredentials();
        String day = DAY.format(now);
        String amzDate = AMZ_DATE.format(now);
        Map<String, String> query = new TreeMap<>();
        query.put("X-Amz-Algorithm", ALGORITHM);
        query.put("X-Amz-Credential", credentials.accessKeyId() + "/" + scope(day, bucket.region()));
        query.put("X-Amz-Date", amzDate);
        query.put("X-Amz-Expires", Long.toString(validity.toSeconds()));
        Map<String, String> signed = new TreeMap<>(headers);
        signed.put("host", bucket.host());
        query.put("X-Amz-SignedHeaders", String.join(";", signed.keySet()));
        query.putAll(subresource);
        if (credentials instanceof AwsSessionCredentials session) {
            query.put("X-Amz-Security-Token", session.sessionToken());
        }
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(encode(k, true) + "=" + encode(v, true)));
        String canonicalQuery = String.join("&", pairs);
        String path = encode(bucket.objectPath(key), false);
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((k, v) ->
                canonicalHeaders.append(k).append(':').append(v.trim()).append('\n'));
        String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + String.join(";", signed.keySet()) + "\nUNSIGNED-PAYLOAD";
        String stringToSign =
                ALGORITHM + "\n" + amzDate + "\n" + scope(day, bucket.region()) + "\n" + Sha256.hex(canonicalRequest);
        String signature = hex(hmac(signingKey(credentials.secretAccessKey(), day, bucket.region()), stringToSign));
        return bucket.objectUrlBase() + path + "?" + canonicalQuery + "&X-Amz-Signature=" + signature;
    }

    static String scope(String day, String region) {
        return day + "/" + region + "/s3/aws4_request";
    }

    static byte[] signingKey(String secret, String day, String region) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, "s3");
        return hmac(key, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** RFC 3986 encoding as SigV4 wants it; '/' kept in paths. */
    static String encode(String value, boolean slash) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || (c == '/' && !slash)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}

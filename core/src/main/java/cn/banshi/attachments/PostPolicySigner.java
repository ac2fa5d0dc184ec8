package cn.banshi.attachments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Presigned POST policies (browser uploads straight to S3, AWS Signature Version 4), which the Java SDK does not
 * make. Each policy pins the bucket, the exact key, the Content-Type and a size range, and expires; S3 (and the
 * local server, infra/s3rver/server.js) refuses a form that breaks any of them or carries a field outside it.
 */
public final class PostPolicySigner {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private final Clock clock;

    /**
     * @param endpoint a path-style endpoint ({@code http://127.0.0.1:PORT} locally), or null for the region's S3
     *     (virtual-hosted: {@code https://BUCKET.s3.REGION.amazonaws.com.cn})
     */
    public PostPolicySigner(AwsCredentialsProvider credentials, Region region, URI endpoint, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** The address the form is POSTed to. */
    public String url(String bucket) {
        if (endpoint != null) return endpoint.toString().replaceAll("/+$", "") + "/" + bucket;
        return "https://" + bucket + ".s3." + region.id() + "."
                + region.metadata().domain();
    }

    public PresignedPost sign(
            String bucket, String key, String contentType, long minBytes, long maxBytes, Duration validFor) {
        if (minBytes < 0 || maxBytes < minBytes) throw new IllegalArgumentException("bad size range");
        Instant now = clock.instant();
        AwsCredentials identity = credentials.resolveCredentials();
        String day = DAY.format(now);
        String credential = identity.accessKeyId() + "/" + SigV4.scope(day, region.id());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", contentType);
        fields.put("x-amz-algorithm", SigV4.ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", STAMP.format(now));
        if (identity instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }
        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("bucket", bucket));
        fields.forEach((name, value) -> conditions.add(Map.of(name, value)));
        conditions.add(List.of("content-length-range", minBytes, maxBytes));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put(
                "expiration",
                DateTimeFormatter.ISO_INSTANT.format(now.plus(validFor).truncatedTo(ChronoUnit.MILLIS)));
        policy.put("conditions", conditions);
        String encoded;
        try {
            encoded = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        byte[] signingKey = SigV4.signingKey(identity.secretAccessKey(), day, region.id());
        fields.put("policy", encoded);
        fields.put("x-amz-signature", SigV4.hex(SigV4.hmac(signingKey, encoded)));
        return new PresignedPost(url(bucket), fields);
    }
}

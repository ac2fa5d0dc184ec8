package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.signer.AwsS3V4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/** The hand-made presigned GET is the one the SDK's presigner makes, path-style locally and virtual-hosted in AWS. */
class SigV4Test {
    private static final Instant NOW = Instant.parse("2026-12-02T08:30:00Z");

    @Test
    void pathStyleGetMatchesTheSdk() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret/key+1"));
        BucketAccess bucket =
                new BucketAccess("uploads", "cn-north-1", URI.create("http://127.0.0.1:4569"), credentials);
        String key = "processed/gaocheng/0123456789abcdef0123456789abcdef";
        String ours = SigV4.get(bucket, key, NOW, Duration.ofMinutes(5));
        String sdk = sdkUrl(credentials, Region.CN_NORTH_1, URI.create("http://127.0.0.1:4569"), true, "uploads", key);
        assertSameUrl(sdk, ours);
    }

    @Test
    void virtualHostedGetWithSessionTokenMatchesTheSdk() {
        var credentials =
                StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLE", "s3cr3t", "tok/en=="));
        BucketAccess bucket = new BucketAccess("banshi-prod-uploads", "cn-northwest-1", null, credentials);
        String key = "processed/gaocheng/0123456789abcdef0123456789abcdef.thumb";
        String ours = SigV4.get(bucket, key, NOW, Duration.ofMinutes(5));
        String sdk = sdkUrl(credentials, Region.CN_NORTHWEST_1, null, false, "banshi-prod-uploads", key);
        assertTrue(ours.startsWith("https://banshi-prod-uploads.s3.cn-northwest-1.amazonaws.com.cn/processed/"), ours);
        assertSameUrl(sdk, ours);
    }

    @Test
    void deleteMatchesTheSdkAndDiffersFromTheGet() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret/key+1"));
        BucketAccess bucket =
                new BucketAccess("uploads", "cn-north-1", URI.create("http://127.0.0.1:4569"), credentials);
        String key = "incoming/gaocheng/0123456789abcdef0123456789abcdef";
        String ours = SigV4.delete(bucket, key, NOW, Duration.ofMinutes(5));
        String sdk = sdkUrl(
                SdkHttpMethod.DELETE,
                credentials,
                Region.CN_NORTH_1,
                URI.create("http://127.0.0.1:4569"),
                true,
                "uploads",
                key);
        assertSameUrl(sdk, ours);
        assertTrue(!ours.equals(SigV4.get(bucket, key, NOW, Duration.ofMinutes(5))), "the method is signed");
    }

    @Test
    void taggingPutSignsTheSubresourceAndTheBodysMd5LikeTheSdk() {
        var credentials =
                StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLE", "s3cr3t", "tok/en=="));
        BucketAccess bucket = new BucketAccess("banshi-prod-uploads", "cn-north-1", null, credentials);
        String key = "processed/gaocheng/0123456789abcdef0123456789abcdef.thumb";
        String md5 = ProcessedTagging.md5(ProcessedTagging.ATTACHED_BODY.getBytes(StandardCharsets.UTF_8));
        String ours = SigV4.putTagging(bucket, key, md5, NOW, Duration.ofMinutes(5));
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.PUT)
                .protocol("https")
                .host("banshi-prod-uploads.s3.cn-north-1.amazonaws.com.cn")
                .port(443)
                .encodedPath("/" + key)
                .putRawQueryParameter("tagging", "")
                .putHeader("Content-MD5", md5)
                .build();
        String sdk = presign(request, credentials, Region.CN_NORTH_1);
        assertTrue(params(ours).contains("X-Amz-SignedHeaders=content-md5%3Bhost"), ours);
        assertSameUrl(sdk, ours);
        String otherBody = ProcessedTagging.md5("<Tagging><TagSet/></Tagging>".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(
                ours, SigV4.putTagging(bucket, key, otherBody, NOW, Duration.ofMinutes(5)), "the MD5 is signed");
    }

    private static String sdkUrl(
            StaticCredentialsProvider credentials,
            Region region,
            URI endpoint,
            boolean pathStyle,
            String b,
            String key) {
        return sdkUrl(SdkHttpMethod.GET, credentials, region, endpoint, pathStyle, b, key);
    }

    /** The SDK's SigV4 presigner for S3 at {@link #NOW} (its signing clock set). */
    private static String sdkUrl(
            SdkHttpMethod method,
            StaticCredentialsProvider credentials,
            Region region,
            URI endpoint,
            boolean pathStyle,
            String b,
            String key) {
        String host = endpoint != null
                ? endpoint.getHost() + ":" + endpoint.getPort()
                : b + ".s3." + region.id() + ".amazonaws.com.cn";
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(method)
                .protocol(endpoint != null ? endpoint.getScheme() : "https")
                .host(endpoint != null ? endpoint.getHost() : host)
                .port(endpoint != null ? endpoint.getPort() : 443)
                .encodedPath(pathStyle ? "/" + b + "/" + key : "/" + key)
                .build();
        return presign(request, credentials, region);
    }

    private static String presign(SdkHttpFullRequest request, StaticCredentialsProvider credentials, Region region) {
        Aws4PresignerParams params = Aws4PresignerParams.builder()
                .awsCredentials(credentials.resolveCredentials())
                .signingName("s3")
                .signingRegion(region)
                .expirationTime(NOW.plus(Duration.ofMinutes(5)))
                .signingClockOverride(fixed())
                .build();
        return AwsS3V4Signer.create().presign(request, params).getUri().toString();
    }

    /** Same address and the same query parameters (the SDK may order them differently). */
    private static void assertSameUrl(String expected, String actual) {
        assertEquals(expected.substring(0, expected.indexOf('?')), actual.substring(0, actual.indexOf('?')));
        assertEquals(params(expected), params(actual));
    }

    private static Set<String> params(String url) {
        return Arrays.stream(url.substring(url.indexOf('?') + 1).split("&"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Clock fixed() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

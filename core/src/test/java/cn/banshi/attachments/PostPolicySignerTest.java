package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The policy's content and the form's address (its signature is checked by the local S3 server: LocalS3Test). */
class PostPolicySignerTest {
    private static final Instant NOW = Instant.parse("2026-12-02T03:04:05.678Z");

    @Test
    void aPolicyPinsBucketKeyTypeSizeAndExpiryAndCarriesTheSessionToken() throws Exception {
        PostPolicySigner signer = new PostPolicySigner(
                StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "TOKEN")),
                Region.CN_NORTH_1,
                null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        PresignedPost post = signer.sign(
                "banshi-prod-uploads", "incoming/gaocheng/u1", "image/jpeg", 1, 10_485_760, Duration.ofMinutes(15));

        assertEquals("https://banshi-prod-uploads.s3.cn-north-1.amazonaws.com.cn", post.url());
        assertEquals(
                List.of(
                        "key",
                        "Content-Type",
                        "x-amz-algorithm",
                        "x-amz-credential",
                        "x-amz-date",
                        "x-amz-security-token",
                        "policy",
                        "x-amz-signature"),
                List.copyOf(post.fields().keySet()));
        assertEquals(
                "AKIDEXAMPLE/20261202/cn-north-1/s3/aws4_request", post.fields().get("x-amz-credential"));
        assertEquals("20261202T030405Z", post.fields().get("x-amz-date"));
        assertTrue(post.fields().get("x-amz-signature").matches("[0-9a-f]{64}"));

        Map<?, ?> policy = new ObjectMapper()
                .readValue(Base64.getDecoder().decode(post.fields().get("policy")), Map.class);
        assertEquals("2026-12-02T03:19:05.678Z", policy.get("expiration"));
        List<?> conditions = (List<?>) policy.get("conditions");
        assertTrue(conditions.contains(Map.of("bucket", "banshi-prod-uploads")));
        assertTrue(conditions.contains(Map.of("key", "incoming/gaocheng/u1")));
        assertTrue(conditions.contains(Map.of("Content-Type", "image/jpeg")));
        assertTrue(conditions.contains(Map.of("x-amz-security-token", "TOKEN")));
        assertTrue(conditions.contains(List.of("content-length-range", 1, 10_485_760)));
    }

    @Test
    void locallyTheFormGoesToThePathStyleBucketAddress() {
        PostPolicySigner signer = new PostPolicySigner(
                StaticCredentialsProvider.create(AwsSessionCredentials.create("S3RVER", "S3RVER", "t")),
                Region.CN_NORTH_1,
                URI.create("http://127.0.0.1:4569/"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("http://127.0.0.1:4569/banshi-local-uploads", signer.url("banshi-local-uploads"));
        assertThrows(
                IllegalArgumentException.class, () -> signer.sign("b", "k", "image/png", 10, 5, Duration.ofMinutes(1)));
    }
}

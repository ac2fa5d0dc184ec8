package cn.banshi.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.attachments.PostPolicySigner;
import cn.banshi.attachments.PresignedPost;
import cn.banshi.store.local.LocalS3Clients;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The local S3 server: SDK calls, presigned GETs, and browser form uploads (POST Object) checked against their
 * policy the way S3 checks them: size range, exact key, Content-Type, expiry, signature, no extra fields.
 */
class LocalS3Test {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void bucket() {
        s3 = LocalS3.client();
        bucket = LocalS3.freshBucket("uploads");
    }

    private static PostPolicySigner signer(Instant now) {
        return new PostPolicySigner(
                LocalS3Clients.credentials(),
                LocalS3Clients.REGION,
                URI.create(LocalS3.endpoint()),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static PresignedPost policy(String key, long max) {
        return signer(Instant.now()).sign(bucket, key, "image/jpeg", 1, max, Duration.ofMinutes(15));
    }

    private static HttpResponse<String> post(PresignedPost post, Map<String, String> fields, byte[] file)
            throws Exception {
        String boundary = "----banshi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(post.url()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Origin", "http://127.0.0.1:8080")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean stored(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException absent) {
            return false;
        }
    }

    @Test
    void sdkPutAndPresignedGetServeTheBytes() throws Exception {
        byte[] content = "办事 attachments".getBytes(StandardCharsets.UTF_8);
        s3.putObject(
                b -> b.bucket(bucket).key("processed/a.txt").contentType("text/plain"), RequestBody.fromBytes(content));
        assertArrayEquals(
                content,
                s3.getObjectAsBytes(b -> b.bucket(bucket).key("processed/a.txt"))
                        .asByteArray());
        URI url = LocalS3.presigner()
                .presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket(bucket).key("processed/a.txt")))
                .url()
                .toURI();
        assertTrue(url.toString().startsWith(LocalS3.endpoint() + "/" + bucket + "/processed/a.txt?"), url.toString());
        HttpResponse<byte[]> got =
                HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertArrayEquals(content, got.body());
    }

    @Test
    void aFormUploadWithinItsPolicyIsStoredWithItsContentType() throws Exception {
        PresignedPost post = policy("incoming/gaocheng/u1", 1000);
        byte[] file = new byte[500];
        HttpResponse<String> response = post(post, post.fields(), file);
        assertEquals(204, response.statusCode(), response.body());
        assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(
                500,
                s3.headObject(b -> b.bucket(bucket).key("incoming/gaocheng/u1")).contentLength());
        assertEquals(
                "image/jpeg",
                s3.headObject(b -> b.bucket(bucket).key("incoming/gaocheng/u1")).contentType());
    }

    @Test
    void aFileOutsideTheSizeRangeIsRefused() throws Exception {
        PresignedPost post = policy("incoming/gaocheng/u2", 1000);
        HttpResponse<String> tooLarge = post(post, post.fields(), new byte[1001]);
        assertEquals(400, tooLarge.statusCode());
        assertTrue(tooLarge.body().contains("EntityTooLarge"), tooLarge.body());
        HttpResponse<String> empty = post(post, post.fields(), new byte[0]);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("EntityTooSmall"), empty.body());
        assertFalse(stored("incoming/gaocheng/u2"));
    }

    @Test
    void thePolicyIsNotReusableForAnotherKeyOrContentType() throws Exception {
        PresignedPost post = policy("incoming/gaocheng/u3", 1000);
        Map<String, String> otherKey = new LinkedHashMap<>(post.fields());
        otherKey.put("key", "incoming/dingshu/u3");
        HttpResponse<String> moved = post(post, otherKey, new byte[10]);
        assertEquals(403, moved.statusCode());
        assertTrue(moved.body().contains("AccessDenied"), moved.body());
        assertEquals(
                Optional.of("*"),
                moved.headers().firstValue("Access-Control-Allow-Origin"),
                "a page can read the refusal");

        Map<String, String> otherType = new LinkedHashMap<>(post.fields());
        otherType.put("Content-Type", "text/html");
        assertEquals(403, post(post, otherType, new byte[10]).statusCode());

        Map<String, String> extra = new LinkedHashMap<>(post.fields());
        extra.put("x-amz-meta-note", "hi");
        assertEquals(403, post(post, extra, new byte[10]).statusCode());
        assertFalse(stored("incoming/dingshu/u3"));
        assertFalse(stored("incoming/gaocheng/u3"));
    }

    @Test
    void anExpiredOrTamperedPolicyIsRefused() throws Exception {
        PresignedPost expired = signer(Instant.now().minus(Duration.ofHours(1)))
                .sign(bucket, "incoming/gaocheng/u4", "image/jpeg", 1, 1000, Duration.ofMinutes(15));
        HttpResponse<String> late = post(expired, expired.fields(), new byte[10]);
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("expired"), late.body());

        PresignedPost small = policy("incoming/gaocheng/u4", 10);
        PresignedPost large = policy("incoming/gaocheng/u4", 10_000);
        Map<String, String> forged = new LinkedHashMap<>(small.fields());
        forged.put("policy", large.fields().get("policy"));
        HttpResponse<String> swapped = post(small, forged, new byte[100]);
        assertEquals(403, swapped.statusCode());
        assertTrue(swapped.body().contains("SignatureDoesNotMatch"), swapped.body());

        Map<String, String> unsigned = new LinkedHashMap<>(small.fields());
        unsigned.remove("policy");
        assertEquals(403, post(small, unsigned, new byte[5]).statusCode());
        assertFalse(stored("incoming/gaocheng/u4"));
    }

    @Test
    void theBucketAnswersTheBrowsersPreflightForAFormPost() throws Exception {
        HttpResponse<String> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create(LocalS3.endpoint() + "/" + bucket))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://127.0.0.1:8080")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode(), preflight.body());
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("POST"));
    }
}

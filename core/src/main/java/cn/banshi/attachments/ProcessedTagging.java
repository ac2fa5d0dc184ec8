package cn.banshi.attachments;

import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Marks an upload's processed object and thumbnail attached ({@value UploadsBucket#ATTACHED_TAG} =
 * {@value UploadsBucket#ATTACHED}), so the lifecycle rule that expires unattached processed files no longer applies
 * to them (docs/attachments.md, "Orphans"). Called before the case write that links the files: a crash in between
 * leaves at worst a tagged file no case links (a leak), never a linked file that expires. The tag set is replaced
 * whole, so a retry writes the same thing again.
 *
 * <p>Presigned PUTs ({@link SigV4}) over the JDK's HTTP client: the submission and staff functions ship without the
 * S3 SDK. S3 requires an integrity header on PutObjectTagging: the body's {@code Content-MD5} is sent and signed. Any
 * failure is a retryable 503 before anything is written.
 */
public final class ProcessedTagging {
    static final String ATTACHED_BODY = "<Tagging><TagSet><Tag><Key>" + UploadsBucket.ATTACHED_TAG + "</Key><Value>"
            + UploadsBucket.ATTACHED + "</Value></Tag></TagSet></Tagging>";
    private static final Log LOG = Log.get(ProcessedTagging.class);
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final BucketAccess bucket;
    private final HttpClient http;
    private final Clock signingClock;

    public ProcessedTagging(BucketAccess bucket) {
        this(bucket, HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), Clock.systemUTC());
    }

    ProcessedTagging(BucketAccess bucket, HttpClient http, Clock signingClock) {
        this.bucket = bucket;
        this.http = http;
        this.signingClock = signingClock;
    }

    /** Tags the upload's processed object and its thumbnail (if any) attached; a 503 ApiException when S3 fails. */
    public void markAttached(UploadRecord u) {
        boolean there = markAttached(u.processedKey());
        if (there && u.thumbnailKey() != null) there = markAttached(u.thumbnailKey());
        // the file expired while its record waited for DynamoDB's TTL (which lags): the upload is gone
        if (!there) throw Errors.attachmentsNotAccepted(List.of(Errors.uploadNotFound(u.uploadId())));
    }

    /** True when tagged; false when the object is not there. */
    boolean markAttached(String key) {
        byte[] body = ATTACHED_BODY.getBytes(StandardCharsets.UTF_8);
        String md5 = md5(body);
        URI url = URI.create(SigV4.putTagging(bucket, key, md5, signingClock.instant(), VALIDITY));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-MD5", md5)
                .header("Content-Type", "application/xml")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.warn("tagging a processed file failed", "error", e.getClass().getSimpleName());
            throw Errors.unavailable(RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.unavailable(RETRY_AFTER_SECONDS);
        }
        if (status == 404) return false;
        if (status / 100 != 2) {
            LOG.warn("tagging a processed file refused", "status", status);
            throw Errors.unavailable(RETRY_AFTER_SECONDS);
        }
        return true;
    }

    static String md5(byte[] body) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

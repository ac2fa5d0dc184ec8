package cn.banshi.attachments;

import cn.banshi.cases.CaseRecord;
import cn.banshi.personaldata.PersonalFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * The citizen's files of a case erased with its personal data (docs/personal-data.md): for each attachment that is
 * personal data ({@link Attachment#isPersonalData()}: photos and ID proofs, not staff documents) the processed object,
 * its thumbnail, the incoming object and the upload record. The objects go by presigned DELETEs ({@link SigV4}) over the
 * JDK's HTTP client: the sweep and the personal-data-requests functions ship without the S3 SDK. S3 answers 204 for a
 * key already gone and a missing record deletes silently, so a rerun after a failure halfway succeeds; any other answer
 * throws, which leaves the case unerased for the next run.
 *
 * <p>Signed by the system clock, not the desk's: a signature's time is checked against S3's own clock (as the SDK's
 * clients sign), while the desk's clock decides what is due.
 */
public final class AttachmentErasure implements PersonalFiles {
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final UploadStore store;
    private final BucketAccess bucket;
    private final HttpClient http;
    private final Clock signingClock;

    public AttachmentErasure(UploadStore store, BucketAccess bucket) {
        this(store, bucket, HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), Clock.systemUTC());
    }

    AttachmentErasure(UploadStore store, BucketAccess bucket, HttpClient http, Clock signingClock) {
        this.store = store;
        this.bucket = bucket;
        this.http = http;
        this.signingClock = signingClock;
    }

    @Override
    public void erase(CaseRecord c) {
        for (Attachment a : c.attachments()) {
            if (!a.isPersonalData()) continue;
            delete(a.objectKey());
            if (a.thumbnailKey() != null) delete(a.thumbnailKey());
            delete(UploadKeys.incoming(c.town(), a.uploadId()));
            store.delete(a.uploadId());
        }
    }

    private void delete(String key) {
        URI url = URI.create(SigV4.delete(bucket, key, signingClock.instant(), VALIDITY));
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(TIMEOUT).DELETE().build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("deleting an attachment object failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted deleting an attachment object", e);
        }
        if (status / 100 != 2) throw new IllegalStateException("S3 answered " + status + " to a DELETE of " + key);
    }
}

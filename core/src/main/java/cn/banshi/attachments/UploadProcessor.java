package cn.banshi.attachments;

import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Processes one uploaded object (docs/attachments.md): re-checks its key and size against the upload record (the
 * local server may not enforce every policy condition), runs {@link FileChecks}, writes the processed body and
 * thumbnail under {@code processed/}, and marks the upload ready or refused. Idempotent: only a pending upload is
 * processed, the writes go to fixed keys (a rerun after a kill overwrites them with the same bytes) and the state is
 * written last, so a processor killed at any point loses nothing and doubles nothing. Nothing personal is logged.
 */
public final class UploadProcessor {
    private static final Log LOG = Log.get(UploadProcessor.class);

    /** What became of an event. */
    public enum Outcome {
        /** Not an upload key, or no such upload (expired, a stray object). */
        IGNORED,
        /** The object is not there (yet): nothing changed. */
        NOT_THERE,
        /** Already ready or refused by an earlier run. */
        DONE_BEFORE,
        READY,
        REFUSED
    }

    private final UploadStore store;
    private final S3Client s3;
    private final String bucket;
    private final FileChecks checks = new FileChecks();

    public UploadProcessor(UploadStore store, S3Client s3, String bucket) {
        this.store = store;
        this.s3 = s3;
        this.bucket = bucket;
    }

    public Outcome process(String key) {
        var parsed = UploadKeys.parseIncoming(key);
        if (parsed.isEmpty()) return Outcome.IGNORED;
        String town = parsed.get()[0];
        String uploadId = parsed.get()[1];
        UploadRecord u = store.find(uploadId).filter(r -> r.town().equals(town)).orElse(null);
        if (u == null) return Outcome.IGNORED;
        if (u.state() != UploadState.PENDING) return Outcome.DONE_BEFORE;
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Outcome.NOT_THERE;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Outcome.NOT_THERE;
            throw e;
        }
        if (head.contentLength() == null || head.contentLength() != u.size()) {
            return refuse(u, Errors.uploadSizeMismatch().code());
        }
        Checked checked;
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            checked = checks.check(in, u.size(), u.purpose());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String processedKey = UploadKeys.processed(town, uploadId);
        if (checked instanceof Checked.Image image) {
            put(processedKey, image.body(), image.contentType());
            String thumbKey = UploadKeys.thumbnail(town, uploadId);
            put(thumbKey, image.thumbnail(), image.thumbnailContentType());
            store.markReady(uploadId, processedKey, image.contentType(), image.body().length, thumbKey);
            keepAttached(uploadId, processedKey, thumbKey);
            LOG.info(
                    "upload ready",
                    "uploadId",
                    uploadId,
                    "kind",
                    image.sourceKind().name());
            return Outcome.READY;
        }
        if (checked instanceof Checked.Document doc) {
            put(processedKey, doc.body(), UploadLimits.PDF);
            store.markReady(uploadId, processedKey, UploadLimits.PDF, doc.body().length, null);
            keepAttached(uploadId, processedKey, null);
            LOG.info("upload ready", "uploadId", uploadId, "kind", "PDF");
            return Outcome.READY;
        }
        return refuse(u, ((Checked.Refused) checked).code());
    }

    /**
     * A late duplicate run (it read the upload pending, another run made it ready, and a case attached it meanwhile)
     * has just written the objects tagged unattached over the attached ones: the upload record says it is attached (no
     * expiry), so the tag is put back. The attach tags before it writes the record, so the record read here after the
     * objects were written sees every attach whose tagging this run's writes could have undone, but for one that
     * tagged and has not written its record yet (a few milliseconds; docs/attachments.md).
     */
    private void keepAttached(String uploadId, String processedKey, String thumbKey) {
        boolean attached = store.find(uploadId).map(r -> r.expiresAt() == null).orElse(false);
        if (!attached) return;
        tagAttached(processedKey);
        if (thumbKey != null) tagAttached(thumbKey);
        LOG.info("upload already attached: tagged again", "uploadId", uploadId);
    }

    private void tagAttached(String key) {
        s3.putObjectTagging(b -> b.bucket(bucket)
                .key(key)
                .tagging(t -> t.tagSet(Tag.builder()
                        .key(UploadsBucket.ATTACHED_TAG)
                        .value(UploadsBucket.ATTACHED)
                        .build())));
    }

    private Outcome refuse(UploadRecord u, String code) {
        store.markRefused(u.uploadId(), code);
        LOG.info("upload refused", "uploadId", u.uploadId(), "code", code);
        return Outcome.REFUSED;
    }

    private void put(String key, byte[] body, String contentType) {
        // written as not attached: the lifecycle rule expires it unless a case links it (ProcessedTagging)
        s3.putObject(
                b -> b.bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .tagging(UploadsBucket.ATTACHED_TAG + "=" + UploadsBucket.NOT_ATTACHED),
                RequestBody.fromBytes(body));
    }
}

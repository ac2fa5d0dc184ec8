package cn.banshi.attachments;

import cn.banshi.cases.CaseRecord;
import cn.banshi.logging.Log;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deleting attachment objects: the uploads never attached to a case once their 24 hours are over (the local daily
 * sweep, {@code ./banshi sweep}; in AWS the bucket's lifecycle rule on {@code incoming/} and the table's TTL), and a
 * case's own files when the case goes ({@link #deleteForCase}, for the retention job). Deleting a missing object is
 * not an error in S3, so each is safe to run again.
 */
public final class AttachmentCleanup {
    private static final Log LOG = Log.get(AttachmentCleanup.class);

    private final UploadStore store;
    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    public AttachmentCleanup(UploadStore store, S3Client s3, String bucket, Clock clock) {
        this.store = store;
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    /** Removes every expired unattached upload (objects, then the record); returns how many. */
    public int sweepOrphans() {
        int n = 0;
        for (UploadRecord u : store.expired(clock.instant())) {
            List<String> keys = new ArrayList<>(List.of(u.incomingKey(), UploadKeys.processed(u.town(), u.uploadId())));
            keys.add(UploadKeys.thumbnail(u.town(), u.uploadId()));
            keys.forEach(this::delete);
            store.delete(u.uploadId());
            n++;
        }
        if (n > 0) LOG.info("orphan uploads removed", "count", n);
        return n;
    }

    /**
     * Deletes the objects and upload records of a case's attachments (the case's retention: call it when the case
     * itself is deleted). Returns the number of attachments removed.
     */
    public int deleteForCase(CaseRecord c) {
        for (Attachment a : c.attachments()) {
            delete(a.objectKey());
            if (a.thumbnailKey() != null) delete(a.thumbnailKey());
            delete(UploadKeys.incoming(c.town(), a.uploadId()));
            store.delete(a.uploadId());
        }
        return c.attachments().size();
    }

    private void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}

package cn.banshi.attachments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The local stand-in for the uploads bucket's lifecycle rule: deletes what has stayed under
 * {@value UploadsBucket#INCOMING_PREFIX} longer than {@value UploadsBucket#INCOMING_EXPIRY_DAYS} day(s) (uploads never
 * processed or attached). In AWS the rule does it and this is not run. Needs the S3 SDK (an optional dependency of
 * core).
 */
public final class IncomingSweep {
    static final Duration KEPT = Duration.ofDays(UploadsBucket.INCOMING_EXPIRY_DAYS);

    private final S3Client s3;
    private final String bucket;

    public IncomingSweep(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Deletes the expired uploads and returns how many. */
    public int sweep(Instant now) {
        Instant cutoff = now.minus(KEPT);
        List<String> expired = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(UploadsBucket.INCOMING_PREFIX))
                .contents()) {
            if (o.lastModified() != null && o.lastModified().isBefore(cutoff)) expired.add(o.key());
        }
        for (String key : expired) s3.deleteObject(b -> b.bucket(bucket).key(key));
        return expired.size();
    }
}

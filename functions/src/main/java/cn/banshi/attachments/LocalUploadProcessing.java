package cn.banshi.attachments;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The local gateway's and the tests' stand-in for S3's ObjectCreated events (the local S3 server sends none): when a
 * pending upload is looked at (its status poll, a submission or action that references it), the object's presence is
 * checked and, if it is there, the processing function's handler gets the event S3 would have sent. Synchronized: one
 * processing at a time in the process, as a reserved concurrency of one would.
 */
public final class LocalUploadProcessing implements UploadProcessing {
    private final S3Client s3;
    private final String bucket;
    private final UploadProcessingHandler handler;

    public LocalUploadProcessing(S3Client s3, String bucket, UploadStore store) {
        this.s3 = s3;
        this.bucket = bucket;
        this.handler = new UploadProcessingHandler(new UploadProcessor(store, s3, bucket));
    }

    @Override
    public synchronized void processNow(UploadRecord upload) {
        long size;
        try {
            size = s3.headObject(b -> b.bucket(bucket).key(upload.incomingKey()))
                    .contentLength();
        } catch (NoSuchKeyException e) {
            return;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return;
            throw e;
        }
        handler.handleRequest(ObjectCreatedEvents.post(bucket, upload.incomingKey(), size), null);
    }
}

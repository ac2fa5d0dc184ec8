package cn.banshi.attachments;

/**
 * Runs the processing of one upload now, in process: the local gateway's and the tests' stand-in for the S3
 * ObjectCreated event (the local S3 server sends none). Leaves the record pending while the object is not there yet.
 */
@FunctionalInterface
public interface UploadProcessing {
    void processNow(UploadRecord upload);
}

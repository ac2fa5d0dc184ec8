package cn.banshi.attachments;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import java.util.List;

/** The S3 event notification S3 sends for a browser form upload (ObjectCreated:Post), as the local stand-in sends it. */
public final class ObjectCreatedEvents {
    private ObjectCreatedEvents() {}

    public static S3Event post(String bucket, String key, long size) {
        S3ObjectEntity object = new S3ObjectEntity(key, size, null, null, null);
        S3BucketEntity b = new S3BucketEntity(bucket, new UserIdentityEntity("local"), "arn:aws:s3:::" + bucket);
        S3EventNotificationRecord record = new S3EventNotificationRecord(
                "us-east-1",
                "ObjectCreated:Post",
                "aws:s3",
                null,
                "2.1",
                null,
                null,
                new S3Entity("incoming-uploads", b, object, "1.0"),
                null);
        return new S3Event(List.of(record));
    }
}

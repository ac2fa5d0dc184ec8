package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.testkit.LocalS3;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The local sweep of unprocessed uploads, on the local S3 server: only incoming/ objects older than a day go. */
class IncomingSweepTest {

    @Test
    void uploadsLeftUnderIncomingForMoreThanADayAreDeletedAndNothingElse() {
        S3Client s3 = LocalS3.client();
        String bucket = LocalS3.freshBucket("sweep");
        for (String key : List.of("incoming/gaocheng/u1", "incoming/dingshu/u2", "processed/gaocheng/a1.jpg")) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
        }
        IncomingSweep sweep = new IncomingSweep(s3, bucket);
        assertEquals(0, sweep.sweep(Instant.now().plus(Duration.ofHours(23))), "younger than a day: kept");
        assertEquals(2, sweep.sweep(Instant.now().plus(Duration.ofHours(25))));
        assertEquals(
                List.of("processed/gaocheng/a1.jpg"),
                s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                        .map(o -> o.key())
                        .toList());
    }
}

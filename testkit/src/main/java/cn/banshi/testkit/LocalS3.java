package cn.banshi.testkit;

import cn.banshi.store.local.Dynalite;
import cn.banshi.store.local.LocalS3Clients;
import cn.banshi.store.local.LocalS3Server;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One local S3 API server (s3rver, infra/s3rver) per test JVM, with objects in a temporary directory, started on
 * first use and stopped at JVM exit. Each call to {@link #freshBucket(String)} gives the caller its own bucket, so
 * test classes never see each other's objects. Clients are path-style ({@code ENDPOINT/BUCKET/KEY}).
 */
public final class LocalS3 {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static LocalS3Server server;

    private LocalS3() {}

    public static synchronized String endpoint() {
        if (server == null || !server.isAlive()) {
            server = LocalS3Server.start(Dynalite.repoRoot(), null, List.of(), List.of("*"));
            LocalS3Server started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server.endpoint();
    }

    public static S3Client client() {
        return LocalS3Clients.client(endpoint());
    }

    public static S3Presigner presigner() {
        return LocalS3Clients.presigner(endpoint());
    }

    /**
     * Creates a new bucket named after {@code purpose} (lowercase letters, digits, dashes), with a CORS rule letting
     * any origin GET and POST (browser uploads from the pages under test), and returns its name.
     */
    public static String freshBucket(String purpose) {
        String name = "t" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet() + "-" + purpose;
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
            s3.putBucketCors(b -> b.bucket(name)
                    .corsConfiguration(c -> c.corsRules(CORSRule.builder()
                            .allowedOrigins("*")
                            .allowedMethods("GET", "HEAD", "POST")
                            .allowedHeaders("*")
                            .exposeHeaders("ETag")
                            .maxAgeSeconds(3000)
                            .build())));
        }
        return name;
    }
}

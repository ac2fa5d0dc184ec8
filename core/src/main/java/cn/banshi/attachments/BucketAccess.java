package cn.banshi.attachments;

import cn.banshi.store.local.LocalS3Clients;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The uploads bucket and how to address it: in AWS virtual-hosted URLs ({@code https://BUCKET.s3.REGION.amazonaws.com})
 * with the function's role credentials; locally (env {@code BANSHI_S3_ENDPOINT}) path-style URLs on the local S3 server
 * with its fixed account. Presigning needs no S3 client ({@link PostPolicySigner}, {@link SigV4}), so the API functions
 * that hand out upload slots and download links do not ship the S3 SDK.
 */
public record BucketAccess(String bucket, String region, URI endpoint, AwsCredentialsProvider credentials) {
    public static final String S3_ENDPOINT_ENV = "BANSHI_S3_ENDPOINT";

    /** The bucket of the environment, or null when none is configured (attachments are then switched off). */
    public static BucketAccess fromEnvironment() {
        String bucket = System.getenv(UploadsBucket.UPLOADS_BUCKET_ENV);
        if (bucket == null || bucket.isBlank()) return null;
        String endpoint = System.getenv(S3_ENDPOINT_ENV);
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) region = "cn-north-1";
        return endpoint == null || endpoint.isBlank()
                ? new BucketAccess(bucket, region, null, DefaultCredentialsProvider.create())
                : local(bucket, URI.create(endpoint));
    }

    /** A bucket on the local S3 server at {@code endpoint}. */
    public static BucketAccess local(String bucket, URI endpoint) {
        return new BucketAccess(bucket, LocalS3Clients.REGION.id(), endpoint, LocalS3Clients.credentials());
    }

    /** The host the signature covers. */
    public String host() {
        if (endpoint == null)
            return bucket + ".s3." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
        return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** The path of an object in a GET URL. */
    public String objectPath(String key) {
        return endpoint == null ? "/" + key : "/" + bucket + "/" + key;
    }

    public String objectUrlBase() {
        return endpoint == null ? "https://" + host() : base();
    }

    private String base() {
        String s = endpoint.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

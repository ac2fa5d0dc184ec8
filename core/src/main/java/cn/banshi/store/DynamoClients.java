package cn.banshi.store;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client. With BANSHI_DYNAMODB_ENDPOINT (or -Dbanshi.dynamodb.endpoint) set, it talks to
 * that endpoint (dynalite locally) with dummy credentials; otherwise it is a plain AWS client that takes
 * region and credentials from the environment, as in Lambda.
 */
public final class DynamoClients {
    public static final String ENDPOINT_ENV = "BANSHI_DYNAMODB_ENDPOINT";

    private DynamoClients() {}

    public static String configuredEndpoint() {
        String endpoint = System.getProperty("banshi.dynamodb.endpoint");
        if (endpoint == null || endpoint.isBlank()) endpoint = System.getenv(ENDPOINT_ENV);
        return endpoint == null || endpoint.isBlank() ? null : endpoint;
    }

    public static DynamoDbClient fromEnvironment() {
        return forEndpoint(configuredEndpoint(), ClientOverrideConfiguration.builder());
    }

    /** A client for request paths: the SDK's standard retries (3 attempts), so that a throttled request answers 503 soon. */
    public static DynamoDbClient forEndpoint(String endpoint, ClientOverrideConfiguration.Builder overrides) {
        return build(endpoint, overrides.retryStrategy(RetryMode.STANDARD));
    }

    /**
     * A client for batch jobs, which have minutes rather than an API request's seconds: up to
     * {@value #BATCH_ATTEMPTS} attempts with the standard exponential backoff, and no retry quota (the standard
     * strategy's circuit breaker would stop retrying a long scan during a spell of throttling, failing the step
     * where waiting a little longer would do). One call, its retries included, gives up after
     * {@link #BATCH_CALL_TIMEOUT}: well inside the two minutes the report function keeps to stop at its next commit,
     * and the run's own resume takes over from there.
     */
    public static DynamoDbClient forBatchJobs(String endpoint, ClientOverrideConfiguration.Builder overrides) {
        return build(
                endpoint,
                overrides
                        .apiCallTimeout(BATCH_CALL_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(BATCH_ATTEMPTS)
                                .circuitBreakerEnabled(false)
                                .build()));
    }

    public static final int BATCH_ATTEMPTS = 10;
    public static final Duration BATCH_CALL_TIMEOUT = Duration.ofSeconds(45);

    private static DynamoDbClient build(String endpoint, ClientOverrideConfiguration.Builder overrides) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(overrides.build());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }
}

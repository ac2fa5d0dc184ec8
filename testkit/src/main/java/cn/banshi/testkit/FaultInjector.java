package cn.banshi.testkit;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Test-only: makes a share of DynamoDB call attempts fail as the service fails. Every attempt (the SDK's
 * own retries included) draws afresh, so the production retry strategy sees the faults too.
 * <ul>
 *   <li>throttling before the request is sent (ProvisionedThroughputExceededException or ThrottlingException,
 *       HTTP 400): nothing was written, as in DynamoDB;</li>
 *   <li>InternalServerError (HTTP 500) before the request is sent;</li>
 *   <li>InternalServerError after the request reached the table: the write happened but the caller is told it
 *       failed, the ambiguous case that idempotent writes exist for.</li>
 * </ul>
 */
public final class FaultInjector implements ExecutionInterceptor {
    private volatile double share;
    private final Random random;
    private volatile boolean enabled = true;
    public final AtomicInteger attempts = new AtomicInteger();
    public final AtomicInteger throttled = new AtomicInteger();
    public final AtomicInteger failedBefore = new AtomicInteger();
    public final AtomicInteger failedAfterWrite = new AtomicInteger();

    public FaultInjector(double share, long seed) {
        this.share = share;
        this.random = new Random(seed);
    }

    /** From now on, fail this share of attempts (1.0: an outage). */
    public void share(double failing) {
        share = failing;
    }

    public void enabled(boolean on) {
        enabled = on;
    }

    public int injected() {
        return throttled.get() + failedBefore.get() + failedAfterWrite.get();
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private final AtomicInteger afterWriteQueue = new AtomicInteger();
    private volatile Class<?> afterWriteRequest;

    /**
     * The next {@code n} calls of this kind of request (e.g. UpdateItemRequest) reach the table on their first attempt
     * and then fail with a 500: the write is applied, the caller is told it failed, and the SDK's retry of the same
     * call meets the applied write. Retries are not counted, so each of the {@code n} faults hits a different call.
     */
    public void failNextAfterWrite(Class<? extends SdkRequest> request, int n) {
        afterWriteRequest = request;
        afterWriteQueue.set(n);
    }

    private volatile boolean down;

    /**
     * While on, every attempt fails with InternalServerError before it is sent (nothing written): an outage. Its
     * errors get the SDK's short backoff, unlike throttling's, so three attempts end well within a second.
     */
    public void outage(boolean on) {
        down = on;
    }

    private final AtomicInteger outageAfterQueue = new AtomicInteger();
    private volatile Class<?> outageAfterRequest;

    /**
     * After the next {@code n} calls of this kind of request (e.g. PutItemRequest) have succeeded, an outage begins
     * ({@link #outage}): a process that stops between two writes, the second never made. {@code outage(false)} ends it.
     */
    public void outageAfter(Class<? extends SdkRequest> request, int n) {
        outageAfterRequest = request;
        outageAfterQueue.set(n);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (outageAfterRequest != null
                && outageAfterRequest.isInstance(context.request())
                && outageAfterQueue.get() > 0
                && outageAfterQueue.decrementAndGet() == 0) {
            down = true;
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
        if (down) {
            failedBefore.incrementAndGet();
            throw internalError();
        }
        boolean firstAttempt = attributes.getAttribute(SEEN) == null; // attributes live as long as the call
        attributes.putAttribute(SEEN, Boolean.TRUE);
        if (firstAttempt
                && afterWriteRequest != null
                && afterWriteRequest.isInstance(context.request())
                && afterWriteQueue.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            attributes.putAttribute(FAIL_AFTER, Boolean.TRUE);
            return;
        }
        if (!enabled) return;
        double d = draw();
        if (d >= share) return;
        double kind = d / share;
        if (kind < 0.25) {
            throttled.incrementAndGet();
            throw throttle(
                    "ProvisionedThroughputExceededException",
                    "The level of configured provisioned throughput " + "for the table was exceeded. (injected)");
        }
        if (kind < 0.5) {
            throttled.incrementAndGet();
            throw throttle("ThrottlingException", "Rate of requests exceeds the allowed throughput. (injected)");
        }
        if (kind < 0.75) {
            failedBefore.incrementAndGet();
            throw internalError();
        }
        attributes.putAttribute(FAIL_AFTER, Boolean.TRUE);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(FAIL_AFTER))) {
            attributes.putAttribute(FAIL_AFTER, Boolean.FALSE);
            failedAfterWrite.incrementAndGet();
            throw internalError();
        }
    }

    private static final ExecutionAttribute<Boolean> SEEN = new ExecutionAttribute<>("banshi.fault.seen");
    private static final ExecutionAttribute<Boolean> FAIL_AFTER =
            new ExecutionAttribute<>("banshi.fault.failAfterWrite");

    private static DynamoDbException throttle(String code, String message) {
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("DynamoDb")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                .build();
        if (code.equals("ProvisionedThroughputExceededException")) {
            return (DynamoDbException) ProvisionedThroughputExceededException.builder()
                    .message(message)
                    .statusCode(400)
                    .awsErrorDetails(details)
                    .build();
        }
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details)
                .build();
    }

    private static DynamoDbException internalError() {
        String message = "Internal server error (injected)";
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode("InternalServerError")
                .errorMessage(message)
                .serviceName("DynamoDb")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(500).build())
                .build();
        return (DynamoDbException) InternalServerErrorException.builder()
                .message(message)
                .statusCode(500)
                .awsErrorDetails(details)
                .build();
    }
}

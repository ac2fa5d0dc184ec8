package cn.banshi.api;

import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.logging.Metrics;
import cn.banshi.logging.RequestIds;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Base of every Lambda handler: dispatches on the route key that API Gateway matched, maps
 * {@link ApiException} to the error format, DynamoDB throttling and outages to 503 with Retry-After,
 * and anything else to a 500 without details. One JSON log line per request, never with a body.
 *
 * <p>A stream handler: Lambda passes the event's bytes, read by {@link HttpApiJson} (the runtime's own event
 * serializer would cost every cold start far more, docs/decisions.md). Code that already holds an event object (the
 * tests) calls {@link #handleRequest(APIGatewayV2HTTPEvent, Context)}, the same path after the bytes.
 */
public abstract class ApiHandler implements RequestStreamHandler {
    private final Log log = Log.get(getClass());

    /** Route key ("POST /api/v1/towns/{town}/complaints") to the code that answers it. */
    protected abstract Map<String, Function<ApiRequest, ApiResponse>> routes();

    public final Set<String> routeKeys() {
        return routes().keySet();
    }

    /** Lambda's entry: the payload-2.0 event in, the response out (docs/decisions.md, "Stream handlers"). */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiJson.writeResponse(handleRequest(HttpApiJson.readEvent(input), context), output);
    }

    /** The event as API Gateway sent it, answered. */
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        ApiRequest request = new ApiRequest(event);
        RequestIds.set(context != null ? context.getAwsRequestId() : request.requestId());
        try {
            ApiResponse response = answer(event, request);
            // to a hundredth of a millisecond, as the metric: a double's sixteen digits are noise in a log line, and
            // any run of random digits is one the personal-data log scans must tell from a phone or an ID number
            double latencyMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
            log.info("request", "route", event.getRouteKey(), "status", response.status(), "latencyMs", latencyMs);
            Metrics.request(event.getRouteKey(), response.status(), latencyMs, Clock.systemUTC());
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(response.status())
                    .withHeaders(response.headers())
                    .withBody(response.body())
                    .withIsBase64Encoded(response.base64())
                    .build();
        } finally {
            RequestIds.clear();
        }
    }

    /** Requests must have come through CloudFront when the stage says so ({@link OriginCheck}). */
    protected OriginCheck originCheck() {
        return OriginCheck.FROM_ENVIRONMENT;
    }

    /** The route's answer, or the error format for whatever it threw (never a stack trace to the client). */
    private ApiResponse answer(APIGatewayV2HTTPEvent event, ApiRequest request) {
        try {
            if (!originCheck().allows(request.header(OriginCheck.HEADER))) throw Errors.directAccessRefused();
            Function<ApiRequest, ApiResponse> route = routes().get(event.getRouteKey());
            if (route == null) throw Errors.routeNotFound();
            return route.apply(request);
        } catch (ApiException e) {
            return ApiResponse.error(e);
        } catch (SdkException e) {
            log.warn(
                    isTransient(e) ? "storage unavailable" : "storage request refused",
                    "exception",
                    e.getClass().getSimpleName(),
                    "awsError",
                    e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                            ? ase.awsErrorDetails().errorCode()
                            : null);
            return ApiResponse.error(isTransient(e) ? Errors.unavailable(isThrottle(e) ? 2 : 5) : Errors.internal());
        } catch (RuntimeException e) {
            StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            log.error("unhandled error", "exception", e.getClass().getName(), "at", top);
            return ApiResponse.error(Errors.internal());
        }
    }

    /** Reads this handler makes on its first requests anyway; run by {@link #prime()} before a SnapStart snapshot. */
    protected void primeReads() {}

    /**
     * SnapStart priming ({@link SnapStartPriming}): the handler's own reads, then one request through the whole
     * request path that no route matches (answered 404 without touching storage), so the classes the first real
     * request needs are loaded before the snapshot. Writes nothing.
     */
    public final void prime() {
        primeReads();
        byte[] event = PRIMING_EVENT.getBytes(StandardCharsets.UTF_8);
        try {
            handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PRIMING_EVENT = "{\"version\":\"2.0\",\"routeKey\":\"GET /snapstart-priming\","
            + "\"rawPath\":\"/snapstart-priming\",\"headers\":{\"content-type\":\"application/json\"},"
            + "\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/snapstart-priming\"}},"
            + "\"isBase64Encoded\":false}";

    /** Throttling, a 5xx or a failed connection (after the SDK's own retries): the client may retry. */
    private static boolean isTransient(SdkException e) {
        return !(e instanceof AwsServiceException ase) || ase.isThrottlingException() || ase.statusCode() >= 500;
    }

    private static boolean isThrottle(SdkException e) {
        return e instanceof AwsServiceException ase && ase.isThrottlingException();
    }
}

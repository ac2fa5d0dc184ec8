package cn.banshi.reports;

import cn.banshi.json.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Starts a run by invoking the report function asynchronously (InvocationType Event): Lambda queues the event
 * and answers 202 at once; the run then takes its own minutes, with Lambda's retries and the dead-letter queue
 * behind it. The function is env {@value #FUNCTION_ENV}: the ARN of the report function's alias (the template's
 * {@code !Ref ReportJobFunction.Alias}), the only function this role may invoke.
 */
public final class LambdaReportRunner implements ReportRunner {
    public static final String FUNCTION_ENV = "BANSHI_REPORT_FUNCTION";

    private final LambdaClient lambda;
    private final String function;

    public LambdaReportRunner(LambdaClient lambda, String function) {
        this.lambda = lambda;
        this.function = function;
    }

    /** The configured function, or {@link ReportRunner#UNAVAILABLE} where none is (locally, in tests). */
    public static ReportRunner fromEnvironment() {
        String function = System.getenv(FUNCTION_ENV);
        if (function == null || function.isBlank()) return UNAVAILABLE;
        return new LambdaReportRunner(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), function);
    }

    static InvokeRequest request(String function, ReportRunRequest run) {
        return InvokeRequest.builder().functionName(function).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(Json.write(Json.mapper().valueToTree(run.toMap())))).build();
    }

    @Override
    public void start(ReportRunRequest run) {
        int status = lambda.invoke(request(function, run)).statusCode();
        if (status != 202) throw new IllegalStateException("the report function was not queued: HTTP " + status);
    }
}

package cn.banshi.api;

import cn.banshi.json.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Hands work to another function by an asynchronous invocation (InvocationType Event): Lambda queues the event and
 * answers 202 at once; the work then takes its own time, with Lambda's two retries and the dead-letter queue behind it.
 * The function is the ARN of an alias (the template's {@code !Ref SomeFunction.Alias}).
 */
public final class AsyncInvoker {
    private final LambdaClient lambda;
    private final String function;

    public AsyncInvoker(LambdaClient lambda, String function) {
        this.lambda = lambda;
        this.function = function;
    }

    /** An invoker of {@code function} (an alias ARN read from the environment), or null where none is configured. */
    public static AsyncInvoker of(String function) {
        if (function == null || function.isBlank()) return null;
        return new AsyncInvoker(
                LambdaClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .build(),
                function);
    }

    static InvokeRequest request(String function, Object input) {
        return InvokeRequest.builder()
                .functionName(function)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(Json.write(Json.mapper().valueToTree(input))))
                .build();
    }

    /** Queues {@code input} (a map or record Jackson writes as the event); throws if Lambda did not accept it. */
    public void invoke(Object input) {
        int status = lambda.invoke(request(function, input)).statusCode();
        if (status != 202) throw new IllegalStateException(function + " was not queued: HTTP " + status);
    }
}

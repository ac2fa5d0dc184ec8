package cn.banshi.bench.coldstart;

import cn.banshi.api.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, as the Lambda Java runtime performs it: load and construct the handler class (the init phase),
 * then deserialise the API Gateway event JSON with aws-lambda-java-serialization, call {@code handleRequest},
 * and serialise the response (the first invoke). A {@link RequestStreamHandler} (Spring Cloud Function's
 * FunctionInvoker, and banshi's own handlers since run 24) gets the raw bytes, as the runtime gives them. Prints System.nanoTime() at each milestone
 * (CLOCK_MONOTONIC, comparable with the parent's) and exits.
 *
 * <p>Usage: {@code java <Lambda java17 flags> -cp ... LambdaRuntimeHarness HANDLER_CLASS EVENT_FILE}
 */
public final class LambdaRuntimeHarness {
    private LambdaRuntimeHarness() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long initAt = System.nanoTime();
        if ("mark".equals(System.getProperty("banshi.bench.mark"))) System.out.println("#MARK init-done");
        String output;
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event), out, context());
            output = out.toString(StandardCharsets.UTF_8);
        } else {
            PojoSerializer<APIGatewayV2HTTPEvent> in = LambdaEventSerializers.serializerFor(
                    APIGatewayV2HTTPEvent.class, LambdaRuntimeHarness.class.getClassLoader());
            PojoSerializer<APIGatewayV2HTTPResponse> out = LambdaEventSerializers.serializerFor(
                    APIGatewayV2HTTPResponse.class, LambdaRuntimeHarness.class.getClassLoader());
            APIGatewayV2HTTPResponse response = ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                            handler)
                    .handleRequest(in.fromJson(new ByteArrayInputStream(event)), context());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.toJson(response, bytes);
            output = bytes.toString(StandardCharsets.UTF_8);
        }
        long doneAt = System.nanoTime();
        int status = statusOf(output);
        System.out.println("#RESULT main=" + mainAt + " init=" + initAt + " done=" + doneAt + " status=" + status);
        System.out.flush();
        if (status != 201) System.err.println(output);
        System.exit(0);
    }

    private static int statusOf(String json) {
        int at = json.indexOf("\"statusCode\"");
        if (at < 0) return -1;
        int colon = json.indexOf(':', at);
        int end = colon + 1;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == ' ')) end++;
        return Integer.parseInt(json.substring(colon + 1, end).strip());
    }

    private static LocalLambdaContext context() {
        return new LocalLambdaContext(
                "00000000-0000-4000-8000-000000000001",
                "banshi-bench",
                "bench",
                "arn:aws:lambda:cn-north-1:000000000000:function:banshi-bench",
                512);
    }
}

package cn.banshi.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.banshi.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The on-demand route's runner invokes the report function's alias asynchronously with the run as its input, as the
 * real SDK marshals it: an interceptor records the request just before it would be sent and stops it (no Lambda here).
 */
class LambdaReportRunnerTest {
    static final String ALIAS = "arn:aws-cn:lambda:cn-north-1:123456789012:function:banshi-prod-ReportJobFunction:live";

    @Test
    void aRunIsAnEventInvocationOfTheAliasWithTheRunAsInput() throws Exception {
        List<SdkHttpRequest> sent = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        LambdaClient lambda = LambdaClient.builder()
                .region(Region.CN_NORTH_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "example")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        sent.add(context.httpRequest());
                        ByteArrayOutputStream body = new ByteArrayOutputStream();
                        context.requestBody().ifPresent(b -> {
                            try (var in = b.contentStreamProvider().newStream()) {
                                in.transferTo(body);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                        bodies.add(body.toByteArray());
                        throw new IllegalStateException("recorded, not sent");
                    }
                }))
                .build();
        ReportRunRequest run =
                new ReportRunRequest(ReportKind.OGI_ANNUAL, 2021, List.of("gaocheng"), "0123456789abcdef", "zhang.san");

        assertThrows(IllegalStateException.class, () -> new LambdaReportRunner(lambda, ALIAS).start(run));

        SdkHttpRequest request = sent.get(0);
        assertEquals("POST", request.method().name());
        assertEquals("lambda.cn-north-1.amazonaws.com.cn", request.host());
        assertEquals(
                "/2015-03-31/functions/" + URLEncoder.encode(ALIAS, "UTF-8").replace("+", "%20") + "/invocations",
                request.encodedPath());
        assertEquals(
                Optional.of("Event"),
                request.firstMatchingHeader("X-Amz-Invocation-Type"),
                "asynchronous: Lambda answers 202 at once");
        Map<?, ?> input = Json.mapper().readValue(bodies.get(0), Map.class);
        assertEquals(
                Map.of(
                        "job",
                        "ogi-annual",
                        "year",
                        2021,
                        "towns",
                        List.of("gaocheng"),
                        "runId",
                        "0123456789abcdef",
                        "requestedBy",
                        "zhang.san"),
                input);
        assertEquals(
                run,
                ReportRunRequest.fromMap(Json.mapper().readValue(bodies.get(0), Map.class)),
                "the report function reads back what the route sent");
    }
}

package cn.banshi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.banshi.health.HealthHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The functions read API Gateway's event and write their answer themselves (stream handlers, docs/decisions.md): each
 * event must come out exactly as the Lambda runtime's own serializer reads it, and each answer must read back as
 * API Gateway's data binding reads it.
 */
class HttpApiJsonTest {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> RUNTIME_EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, HttpApiJsonTest.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RUNTIME_RESPONSES =
            LambdaEventSerializers.serializerFor(
                    APIGatewayV2HTTPResponse.class, HttpApiJsonTest.class.getClassLoader());

    private static APIGatewayV2HTTPEvent ours(String json) throws IOException {
        return HttpApiJson.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sameAsTheRuntime(String json) throws IOException {
        assertEquals(RUNTIME_EVENTS.fromJson(json), ours(json), json);
    }

    @Test
    void everyKindOfEventTheSuiteBuildsReadsAsTheRuntimeReadsIt() throws IOException {
        sameAsTheRuntime(
                Events.post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", "{\"a\":1}")
                        .header("idempotency-key", "k-1")
                        .json());
        sameAsTheRuntime(Events.get("/api/v1/staff/cases", "/api/v1/staff/cases")
                .claims("sub-1", "gaocheng", "town-admin", null)
                .query(Map.of("status", "submitted", "q", "河道 垃圾&x=1"))
                .json());
        sameAsTheRuntime(Events.put("/api/v1/staff/cases/{no}", "/api/v1/staff/cases/GC1", "{}")
                .claims("sub-2", "gaocheng", "village-clerk", "dongguan")
                .sourceIp("198.51.100.7")
                .time(Instant.parse("2027-01-01T00:00:00Z"))
                .json());
        sameAsTheRuntime(Events.post("/api/v1/uploads", "/api/v1/uploads", "")
                .binaryBody(new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1, 2})
                .json());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Cookie", List.of("a=1; b=2"));
        headers.put("X-Repeated", List.of("one", "two"));
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        sameAsTheRuntime(Events.received(
                        new Events.HttpRequest(
                                "POST",
                                "/api/v1/towns/gaocheng/info-requests",
                                "x=%E6%B2%B3&y",
                                headers,
                                "{\"title\":\"公开\"}".getBytes(StandardCharsets.UTF_8),
                                "203.0.113.9"),
                        "POST /api/v1/towns/{town}/info-requests",
                        Map.of("town", "gaocheng"),
                        "req-1",
                        Map.of("sub", "s", "custom:n", 3),
                        Instant.parse("2026-12-31T15:59:59Z"))
                .json());
    }

    @Test
    void fieldsBanshiNeverUsesAndUnknownOnesReadAsTheRuntimeReadsThem() throws IOException {
        sameAsTheRuntime("""
                {"version":"2.0","routeKey":"$default","rawPath":"/x","rawQueryString":"","cookies":null,
                 "headers":{"n":1,"b":true,"z":null},"stageVariables":{"s":"v"},"pathParameters":null,
                 "queryStringParameters":{},"body":null,"isBase64Encoded":true,"somethingNew":{"deep":[1,{"a":2}]},
                 "requestContext":{"accountId":"1","apiId":"a","domainName":"d","domainPrefix":"p","stage":"s",
                  "time":"t","timeEpoch":1767225599000,"requestId":"r","routeKey":"$default","newField":[1,2],
                  "authentication":{"clientCert":{"clientCertPem":"x","validity":{"notAfter":"n"}}},
                  "http":{"method":"GET","path":"/x","protocol":"HTTP/2","sourceIp":"::1","userAgent":"ua","more":1},
                  "authorizer":{
                   "jwt":{"claims":{"sub":"s","exp":1767225599,"admin":false},"scopes":["a","b"]},
                   "lambda":{"n":1,"big":12345678901234,"f":1.5,"t":true,"s":"x","o":{"a":[1,"b",null]},"z":null},
                   "iam":{"accessKey":"k","accountId":"1","callerId":"c","principalOrgId":"o","userArn":"arn",
                    "userId":"u","cognitoIdentity":{"amr":["authenticated"],"identityId":"i","identityPoolId":"p"}}}}}
                """);
        sameAsTheRuntime("{}");
        // a part of another shape than the event's is skipped whole, and the fields after it still read
        sameAsTheRuntime("{\"requestContext\":[],\"routeKey\":\"GET /x\"}");
        sameAsTheRuntime("{\"requestContext\":{\"http\":[],\"requestId\":\"r\"},\"routeKey\":\"GET /x\"}");
        sameAsTheRuntime("{\"isBase64Encoded\":\"true\",\"body\":\"AA==\"}");
        sameAsTheRuntime("{\"isBase64Encoded\":1}");
        sameAsTheRuntime("{\"requestContext\":null,\"headers\":null}");
    }

    @Test
    void aDocumentThatIsNoEventIsRefused() {
        for (String bad : List.of("", "[]", "{\"headers\":[1]}", "{\"body\":{}}", "{\"a\":")) {
            assertThrows(IOException.class, () -> ours(bad), bad);
        }
    }

    @Test
    void anAnswerReadsBackAsTheRuntimeWouldReadIt() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("location", "/api/v1/cases/GC1?x=\"q\"");
        for (APIGatewayV2HTTPResponse response : List.of(
                APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(201)
                        .withHeaders(headers)
                        .withBody("{\"trackingNo\":\"GC1\",\"title\":\"河道\\n垃圾\"}")
                        .withIsBase64Encoded(false)
                        .build(),
                APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(200)
                        .withMultiValueHeaders(Map.of("vary", List.of("origin", "accept")))
                        .withCookies(List.of("a=1; Secure"))
                        .withBody("/9j/AA==")
                        .withIsBase64Encoded(true)
                        .build(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(204).build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HttpApiJson.writeResponse(response, out);
            assertEquals(response, RUNTIME_RESPONSES.fromJson(new ByteArrayInputStream(out.toByteArray())));
            assertEquals(response, HttpApiJson.readResponse(new ByteArrayInputStream(out.toByteArray())));
        }
    }

    @Test
    void aHandlerAnswersTheBytesAsItAnswersTheEvent() throws IOException {
        HealthHandler handler = new HealthHandler();
        Events request = Events.get("/api/v1/health", "/api/v1/health");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(request.json().getBytes(StandardCharsets.UTF_8)), out, null);
        APIGatewayV2HTTPResponse streamed = HttpApiJson.readResponse(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(handler.handleRequest(request.build(), null), streamed);
        assertEquals(200, streamed.getStatusCode());
    }
}

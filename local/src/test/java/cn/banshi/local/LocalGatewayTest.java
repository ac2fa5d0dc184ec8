package cn.banshi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.json.Json;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSetup;
import cn.banshi.store.Tables;
import cn.banshi.store.local.Dynalite;
import cn.banshi.testkit.atrest.TablesAtRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local gateway over real HTTP: payload-2.0 events as API Gateway builds them, and data on disk. */
class LocalGatewayTest {
    final HttpClient http = HttpClient.newHttpClient();

    /** Echoes what the handler received, to check the event the gateway built. */
    static final class EchoHandler extends ApiHandler {
        @Override
        protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
            Function<ApiRequest, ApiResponse> echo = r -> {
                ObjectNode out = Json.object();
                var e = r.event();
                out.put("routeKey", e.getRouteKey());
                out.put("rawPath", e.getRawPath());
                out.put("rawQueryString", e.getRawQueryString());
                out.set("headers", Json.mapper().valueToTree(e.getHeaders()));
                out.set("query", Json.mapper().valueToTree(e.getQueryStringParameters()));
                out.set("pathParameters", Json.mapper().valueToTree(e.getPathParameters()));
                out.set("cookies", Json.mapper().valueToTree(e.getCookies()));
                out.put("method", e.getRequestContext().getHttp().getMethod());
                out.put("stage", e.getRequestContext().getStage());
                out.put("requestId", e.getRequestContext().getRequestId());
                out.put("isBase64Encoded", e.getIsBase64Encoded());
                out.put("body", e.getBody());
                return ApiResponse.json(200, out);
            };
            return Map.of("POST /api/v1/echo/{name}", echo, "GET /api/v1/echo/fixed", echo);
        }
    }

    @Test
    void buildsPayloadV2EventsLikeApiGateway() throws Exception {
        try (LocalGateway gateway = new LocalGateway(
                        List.of(new EchoHandler()),
                        Clock.systemUTC(),
                        null,
                        new LocalJwt(new byte[32], Clock.systemUTC()),
                        0)
                .start()) {
            String base = "http://127.0.0.1:" + gateway.port();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/echo/%E9%AB%98%E5%A1%8D?a=1&b=x%20y&a=2"))
                            .header("Content-Type", "application/json")
                            .header("X-Custom-Header", "Value")
                            .header("Cookie", "s=1; t=2")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"k\":\"值\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode e = Json.parse(response.body());
            assertEquals("POST /api/v1/echo/{name}", e.get("routeKey").asText());
            assertEquals("/api/v1/echo/%E9%AB%98%E5%A1%8D", e.get("rawPath").asText());
            assertEquals("高塍", e.get("pathParameters").get("name").asText());
            assertEquals("a=1&b=x%20y&a=2", e.get("rawQueryString").asText());
            assertEquals("1,2", e.get("query").get("a").asText());
            assertEquals("x y", e.get("query").get("b").asText());
            assertEquals("Value", e.get("headers").get("x-custom-header").asText());
            assertFalse(e.get("headers").has("cookie"));
            assertEquals("s=1", e.get("cookies").get(0).asText());
            assertEquals("$default", e.get("stage").asText());
            assertFalse(e.get("isBase64Encoded").asBoolean());
            assertEquals("{\"k\":\"值\"}", e.get("body").asText());

            HttpResponse<String> binary = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/echo/x"))
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode b = Json.parse(binary.body());
            assertTrue(b.get("isBase64Encoded").asBoolean());
            assertEquals("AQID", b.get("body").asText());

            HttpResponse<String> literal = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/echo/fixed"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    "GET /api/v1/echo/fixed",
                    Json.parse(literal.body()).get("routeKey").asText());

            HttpResponse<String> missing = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals(
                    "ROUTE_NOT_FOUND",
                    Json.parse(missing.body()).get("error").get("code").asText());
        }
    }

    @Test
    void submissionsSurviveARestartOfDynaliteOnDisk(@TempDir Path data) throws Exception {
        String trackingNo;
        String accessCode;
        try (Running running = Running.start(data)) {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(running.base + "/api/v1/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\"}", health.body());
            ObjectNode complaint = Json.object()
                    .put("type", "help")
                    .put("category", "social-security")
                    .put("title", "低保申请咨询")
                    .put("description", "家中老人生病，想了解低保申请需要哪些材料。");
            complaint.putObject("submitter").put("name", "陈阿姨").put("phone", "13511112222");
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(running.base + "/api/v1/towns/gaocheng/complaints"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "restart-1")
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(complaint)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            trackingNo = Json.parse(created.body()).get("trackingNo").asText();
            accessCode = Json.parse(created.body()).get("accessCode").asText();
            assertEquals(
                    "/api/v1/track/" + trackingNo,
                    created.headers().firstValue("location").orElseThrow());
        }
        assertTrue(Files.list(data).findAny().isPresent(), "dynalite wrote to disk");
        try (Running running = Running.start(data)) {
            HttpResponse<String> tracked = http.send(
                    HttpRequest.newBuilder(URI.create(running.base + "/api/v1/track/" + trackingNo))
                            .header("X-Access-Code", accessCode)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, tracked.statusCode(), tracked.body());
            assertEquals("submitted", Json.parse(tracked.body()).get("status").asText());
            // its own dynalite, not the one the class scan reads
            TablesAtRest.assertClean(running.dynamo(), Tables.physical(""));
        }
    }

    record Running(Dynalite dynalite, DynamoDbClient dynamo, LocalGateway gateway, String base)
            implements AutoCloseable {
        static Running start(Path data) throws Exception {
            Dynalite dynalite = Dynalite.start(Dynalite.repoRoot(), data);
            DynamoDbClient dynamo =
                    DynamoClients.forEndpoint(dynalite.endpoint(), ClientOverrideConfiguration.builder());
            TableSetup.ensureTables(dynamo);
            LocalGateway gateway = new LocalGateway(
                            Handlers.create(new AppContext(dynamo, Clock.systemUTC())),
                            Clock.systemUTC(),
                            null,
                            new LocalJwt(new byte[32], Clock.systemUTC()),
                            0)
                    .start();
            return new Running(dynalite, dynamo, gateway, "http://127.0.0.1:" + gateway.port());
        }

        @Override
        public void close() {
            gateway.close();
            dynalite.close();
        }
    }
}

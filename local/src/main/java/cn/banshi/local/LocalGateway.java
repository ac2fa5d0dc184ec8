package cn.banshi.local;

import cn.banshi.abuse.ClientLimits;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.Events;
import cn.banshi.api.HttpApiJson;
import cn.banshi.api.LocalLambdaContext;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small stand-in for API Gateway's HTTP API on 127.0.0.1: matches routes, builds the payload-2.0 event,
 * invokes the same handler classes Lambda runs, and writes their response. Static pages are served from
 * a directory when one is given.
 */
public final class LocalGateway implements AutoCloseable {
    /** API Gateway refuses payloads over 10 MB; locally 1 MiB is plenty and bounds memory. */
    static final int MAX_PAYLOAD = 1024 * 1024;

    private static final Log LOG = Log.get(LocalGateway.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final Clock clock;
    private final StaticFiles staticFiles;
    private final LocalJwt jwt;
    private final ClientRateLimiter limiter;

    /**
     * @param jwt verifies bearer tokens on the staff routes ({@code /api/v1/admin/...}), as the HTTP API's JWT
     *            authorizer does in AWS
     */
    public LocalGateway(List<ApiHandler> handlers, Clock clock, StaticFiles staticFiles, LocalJwt jwt, int port)
            throws IOException {
        this(handlers, clock, staticFiles, jwt, port, ClientLimits.fromEnvironment());
    }

    /**
     * @param limits the per-client limits of the citizen routes (the same numbers as the AWS WAF web ACL), applied
     *               per client IP before the handler runs
     */
    public LocalGateway(
            List<ApiHandler> handlers,
            Clock clock,
            StaticFiles staticFiles,
            LocalJwt jwt,
            int port,
            ClientLimits limits)
            throws IOException {
        this.limiter = new ClientRateLimiter(limits, clock);
        this.routes = new RouteTable(handlers);
        this.clock = clock;
        this.staticFiles = staticFiles;
        this.jwt = jwt;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    public LocalGateway start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<String> routeKeys() {
        return routes.routeKeys();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/api/") || ApiDocsFiles.isDocsPath(path)) {
                if (staticFiles != null
                        && (method.equals("GET") || method.equals("HEAD"))
                        && staticFiles.serve(exchange, path)) return;
                writeError(exchange, Errors.routeNotFound());
                return;
            }
            Optional<RouteTable.Match> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                writeError(exchange, Errors.routeNotFound());
                return;
            }
            Map<String, Object> claims = null;
            if (match.get().routeKey().split(" ", 2)[1].startsWith("/api/v1/admin/")) {
                claims = bearer(exchange).flatMap(jwt::verify).orElse(null);
                if (claims == null) {
                    writeUnauthorized(exchange);
                    return;
                }
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                writeError(exchange, Errors.bodyTooLarge(MAX_PAYLOAD));
                return;
            }
            String clientIp = exchange.getRemoteAddress().getAddress().getHostAddress();
            OptionalInt retryAfter = limiter.admit(match.get().routeKey(), clientIp);
            if (retryAfter.isPresent()) {
                // as WAF's rate-based rule: refused at the edge, no function and no DynamoDB; no IP in the log
                LOG.info("client rate limited", "route", match.get().routeKey());
                writeError(exchange, Errors.rateLimited(retryAfter.getAsInt()));
                return;
            }
            String requestId = UUID.randomUUID().toString();
            var request = new Events.HttpRequest(
                    method,
                    rawPath,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body,
                    clientIp);
            byte[] event = Events.received(
                            request,
                            match.get().routeKey(),
                            match.get().pathParameters(),
                            requestId,
                            claims,
                            clock.instant())
                    .json()
                    .getBytes(StandardCharsets.UTF_8);
            // the bytes Lambda hands the function, through the same entry point
            write(exchange, invoke(match.get().handler(), event, requestId));
        } catch (RuntimeException e) {
            LOG.error("gateway error", "exception", e.getClass().getName());
            writeError(exchange, Errors.internal());
        }
    }

    /** The function's answer to the event's bytes; a failed invocation is a RuntimeException (answered 500). */
    private APIGatewayV2HTTPResponse invoke(ApiHandler handler, byte[] event, String requestId) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event),
                    answer,
                    context(requestId, handler.getClass().getSimpleName()));
            return HttpApiJson.readResponse(new ByteArrayInputStream(answer.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return Optional.of(header.substring(7).strip());
    }

    /** As the JWT authorizer answers ({"message":"Unauthorized"}), plus banshi's error object. */
    private static void writeUnauthorized(HttpExchange exchange) throws IOException {
        ApiResponse error = ApiResponse.error(Errors.unauthorized());
        ObjectNode body = (ObjectNode) Json.parse(error.body());
        body.put("message", "Unauthorized");
        exchange.getResponseHeaders().set("www-authenticate", "Bearer");
        write(
                exchange,
                APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(401)
                        .withHeaders(error.headers())
                        .withBody(Json.write(body))
                        .withIsBase64Encoded(false)
                        .build());
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_PAYLOAD + 1);
        return body.length > MAX_PAYLOAD ? null : body;
    }

    private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null)
            response.getHeaders()
                    .forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (response.getCookies() != null)
            response.getCookies().forEach(c -> exchange.getResponseHeaders().add("set-cookie", c));
        byte[] body = response.getBody() == null
                ? new byte[0]
                : response.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void writeError(HttpExchange exchange, ApiException error) throws IOException {
        ApiResponse response = ApiResponse.error(error);
        write(
                exchange,
                APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(response.status())
                        .withHeaders(response.headers())
                        .withBody(response.body())
                        .withIsBase64Encoded(false)
                        .build());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static Map<String, String> headersOf(APIGatewayV2HTTPResponse response) {
        return response.getHeaders();
    }

    /** The Lambda context the local gateway hands to a handler. */
    private static LocalLambdaContext context(String requestId, String functionName) {
        return new LocalLambdaContext(
                requestId, functionName, "local", "arn:aws:lambda:local:000000000000:function:" + functionName, 1024);
    }
}

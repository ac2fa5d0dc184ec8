package cn.banshi.api;

import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one builder of API Gateway HTTP API events (payload format 2.0), deserialised with the Lambda runtime's own
 * serializer (aws-lambda-java-serialization) as the runtime does in AWS. Two ways in, the same parts after:
 *
 * <ul>
 *   <li>{@link #received} builds what the gateway sends for one real HTTP request (the local gateway): header names
 *       lower-cased and repeated values joined with commas, cookies moved to {@code cookies}, query parameters
 *       decoded and joined, {@code rawPath} and {@code rawQueryString} as sent, text bodies as text and anything
 *       else base64 with {@code isBase64Encoded}, and the request context;
 *   <li>{@link #request} starts from a recorded event ({@code /events/http-api-request.json}: a phone's browser
 *       through the gateway) and sets the route, path and path parameters (tests, benchmarks), then the fluent
 *       setters change what a test needs.
 * </ul>
 */
public final class Events {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, Events.class.getClassLoader());
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** What the gateway knows of one HTTP request. */
    public record HttpRequest(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            String sourceIp) {}

    private final ObjectNode event;

    private Events(ObjectNode event) {
        this.event = event;
    }

    // ---------------------------------------------------------------- what the gateway builds from a request

    /** The event API Gateway sends for {@code request} on {@code routeKey}; {@code jwtClaims} null on public routes. */
    public static Events received(
            HttpRequest request,
            String routeKey,
            Map<String, String> pathParameters,
            String requestId,
            Map<String, ?> jwtClaims,
            Instant now) {
        ObjectNode e = Json.object();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        e.put("rawPath", request.rawPath());
        e.put("rawQueryString", "");
        e.putObject("headers");
        Events events = new Events(e);
        request.headers().forEach((name, values) -> values.forEach(value -> events.addHeader(name, value)));
        events.rawQuery(request.rawQuery());
        Map<String, String> decoded = new LinkedHashMap<>();
        pathParameters.forEach(
                (k, v) -> decoded.put(k, URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8)));
        events.pathParameters(decoded);
        ObjectNode headers = events.headers();
        ObjectNode context = e.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        if (jwtClaims != null) events.claims(jwtClaims);
        String host = headers.has("host") ? headers.get("host").asText() : "localhost";
        context.put("domainName", host);
        context.put("domainPrefix", host.split("\\.")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put(
                "userAgent",
                headers.has("user-agent") ? headers.get("user-agent").asText() : "");
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        events.time(now);
        if (request.body() != null && request.body().length > 0) {
            String contentType =
                    headers.has("content-type") ? headers.get("content-type").asText() : "";
            if (isText(contentType)) events.textBody(new String(request.body(), StandardCharsets.UTF_8));
            else events.base64Body(request.body());
        } else {
            e.put("isBase64Encoded", false);
        }
        return events;
    }

    /** A header as the gateway passes it: name lower-cased, a repeated header's values joined, cookies apart. */
    private void addHeader(String rawName, String value) {
        String name = rawName.toLowerCase(Locale.ROOT);
        if (name.equals("cookie")) {
            ArrayNode cookies = event.has("cookies") ? (ArrayNode) event.get("cookies") : event.putArray("cookies");
            for (String c : value.split(";\\s*")) if (!c.isBlank()) cookies.add(c);
            return;
        }
        ObjectNode headers = headers();
        headers.put(name, headers.has(name) ? headers.get(name).asText() + "," + value : value);
    }

    /** Sets {@code rawQueryString} as sent and {@code queryStringParameters} decoded, repeated names joined. */
    private Events rawQuery(String rawQuery) {
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        return object("queryStringParameters", parseQuery(rawQuery));
    }

    /** Whether the gateway passes a body of this content type as text (else base64). */
    public static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded");
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    // ---------------------------------------------------------------- from the recorded event

    /**
     * An event for a route template and the concrete path, e.g. ("POST", "/api/v1/towns/{town}/complaints",
     * "/api/v1/towns/gaocheng/complaints"); path parameters are read from the path. GET requests carry no body.
     */
    public static Events request(String method, String routePath, String path) {
        ObjectNode e;
        try (InputStream in = Events.class.getResourceAsStream("/events/http-api-request.json")) {
            e = (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        String routeKey = method + " " + routePath;
        e.put("routeKey", routeKey);
        e.put("rawPath", path);
        ((ObjectNode) e.get("requestContext")).put("routeKey", routeKey);
        ((ObjectNode) e.get("requestContext").get("http")).put("method", method).put("path", path);
        ((ObjectNode) e.get("requestContext"))
                .put("requestId", UUID.randomUUID().toString());
        Map<String, String> params = new LinkedHashMap<>();
        Matcher names = PARAM.matcher(routePath);
        String regex = PARAM.matcher(Pattern.quote(routePath)).replaceAll("\\\\E([^/]+)\\\\Q");
        Matcher values = Pattern.compile(regex).matcher(path);
        if (!values.matches()) throw new IllegalArgumentException(path + " does not match " + routePath);
        int group = 1;
        while (names.find()) params.put(names.group(1), values.group(group++));
        Events events = new Events(e).pathParameters(params);
        if (method.equals("GET")) {
            e.remove("body");
            events.headers().remove("content-type");
            events.headers().remove("content-length");
        }
        return events;
    }

    public static Events get(String routePath, String path) {
        return request("GET", routePath, path);
    }

    public static Events post(String routePath, String path, String body) {
        return request("POST", routePath, path).body(body);
    }

    public static Events put(String routePath, String path, String body) {
        return request("PUT", routePath, path).body(body);
    }

    public static Events delete(String routePath, String path) {
        return request("DELETE", routePath, path);
    }

    // ---------------------------------------------------------------- the parts

    /** A text body with its {@code content-length}. */
    public Events body(String body) {
        textBody(body);
        headers().put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        return this;
    }

    /** A binary body, base64 with {@code isBase64Encoded}, with its {@code content-length}. */
    public Events binaryBody(byte[] body) {
        base64Body(body);
        headers().put("content-length", String.valueOf(body.length));
        return this;
    }

    private void textBody(String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
    }

    private void base64Body(byte[] body) {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
    }

    /** Replaces the path parameters with exactly these values, as API Gateway would pass whatever the path held. */
    public Events pathParameters(Map<String, String> params) {
        return object("pathParameters", params);
    }

    /** Sets the event's field {@code name} to an object of these strings; API Gateway leaves an empty one out. */
    private Events object(String name, Map<String, String> values) {
        if (values.isEmpty()) {
            event.remove(name);
        } else {
            ObjectNode o = event.putObject(name);
            values.forEach(o::put);
        }
        return this;
    }

    /** Sets (or with null removes) one header. */
    /** The client address API Gateway saw (requestContext.http.sourceIp). */
    public Events sourceIp(String ip) {
        ((ObjectNode) event.get("requestContext").get("http")).put("sourceIp", ip);
        return this;
    }

    public Events header(String name, String value) {
        if (value == null) headers().remove(name.toLowerCase(Locale.ROOT));
        else headers().put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /** The claims API Gateway's JWT authorizer puts in the request context after verifying the token. */
    public Events claims(String sub, String town, String role, String village) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("town", town);
        claims.put("role", role);
        claims.put("iss", "https://cognito-idp.cn-north-1.amazonaws.com.cn/pool");
        claims.put("aud", "banshi-staff");
        if (village != null) claims.put("village", village);
        return claims(claims);
    }

    /** The verified token's claims as the JWT authorizer passes them (every value a string), no scopes. */
    public Events claims(Map<String, ?> claims) {
        ObjectNode jwt = ((ObjectNode) event.get("requestContext"))
                .putObject("authorizer")
                .putObject("jwt");
        ObjectNode c = jwt.putObject("claims");
        claims.forEach((k, v) -> c.put(k, String.valueOf(v)));
        jwt.putArray("scopes");
        return this;
    }

    /** The query string built from {@code params} (values URL-encoded) and the decoded parameters. */
    public Events query(Map<String, String> params) {
        StringBuilder raw = new StringBuilder();
        params.forEach((k, v) -> {
            if (raw.length() > 0) raw.append('&');
            raw.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        event.put("rawQueryString", raw.toString());
        return object("queryStringParameters", params);
    }

    /** The request's time in the context ({@code time} as the gateway writes it, and {@code timeEpoch}). */
    public Events time(Instant now) {
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        return this;
    }

    private ObjectNode headers() {
        return (ObjectNode) event.get("headers");
    }

    public String json() {
        return Json.write(event);
    }

    public APIGatewayV2HTTPEvent build() {
        return SERIALIZER.fromJson(json());
    }
}

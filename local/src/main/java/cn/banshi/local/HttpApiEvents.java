package cn.banshi.local;

import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event JSON that API Gateway's HTTP API sends a Lambda integration (payload format 2.0) and
 * deserialises it with the Lambda runtime's serializer, so handlers receive exactly what they get in AWS:
 * header names lower-cased and repeated values joined with commas, cookies moved to {@code cookies},
 * query parameters decoded and joined, {@code rawPath} and {@code rawQueryString} as sent, text bodies as
 * text and anything else base64 with {@code isBase64Encoded}, and the request context.
 */
public final class HttpApiEvents {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, HttpApiEvents.class.getClassLoader());
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

    private HttpApiEvents() {}

    public static ObjectNode eventJson(
            HttpRequest request,
            String routeKey,
            Map<String, String> pathParameters,
            String requestId,
            Map<String, Object> jwtClaims,
            Instant now) {
        ObjectNode e = Json.object();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        e.put("rawPath", request.rawPath());
        e.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        ObjectNode headers = e.putObject("headers");
        ArrayNode cookies = null;
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                if (cookies == null) cookies = Json.mapper().createArrayNode();
                for (String value : h.getValue())
                    for (String c : value.split(";\\s*")) if (!c.isBlank()) cookies.add(c);
                continue;
            }
            String joined = String.join(",", h.getValue());
            headers.put(name, headers.has(name) ? headers.get(name).asText() + "," + joined : joined);
        }
        if (cookies != null) e.set("cookies", cookies);
        Map<String, String> query = parseQuery(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            pathParameters.forEach(
                    (k, v) -> p.put(k, URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8)));
        }
        ObjectNode context = e.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        if (jwtClaims != null) {
            ObjectNode claims = context.putObject("authorizer").putObject("jwt").putObject("claims");
            jwtClaims.forEach((k, v) -> claims.put(k, String.valueOf(v)));
            context.with("authorizer").with("jwt").putArray("scopes");
        }
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
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (request.body() != null && request.body().length > 0) {
            String contentType =
                    headers.has("content-type") ? headers.get("content-type").asText() : "";
            if (isText(contentType)) {
                e.put("body", new String(request.body(), StandardCharsets.UTF_8));
                e.put("isBase64Encoded", false);
            } else {
                e.put("body", Base64.getEncoder().encodeToString(request.body()));
                e.put("isBase64Encoded", true);
            }
        } else {
            e.put("isBase64Encoded", false);
        }
        return e;
    }

    public static APIGatewayV2HTTPEvent deserialize(ObjectNode eventJson) {
        return SERIALIZER.fromJson(Json.write(eventJson));
    }

    static boolean isText(String contentType) {
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
}

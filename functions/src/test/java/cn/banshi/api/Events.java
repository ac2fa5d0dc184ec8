package cn.banshi.api;

import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds API Gateway HTTP API (payload 2.0) events from the JSON fixture and deserialises them with the
 * Lambda runtime's own serializer (aws-lambda-java-serialization), as the runtime does in AWS.
 */
public final class Events {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, Events.class.getClassLoader());
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private final ObjectNode event;

    private Events(ObjectNode event) {
        this.event = event;
    }

    /** An event for a route template and the concrete path, e.g. ("POST", "/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints"). */
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
        ObjectNode params = e.putObject("pathParameters");
        Matcher names = PARAM.matcher(routePath);
        String regex = PARAM.matcher(Pattern.quote(routePath)).replaceAll("\\\\E([^/]+)\\\\Q");
        Matcher values = Pattern.compile(regex).matcher(path);
        if (!values.matches()) throw new IllegalArgumentException(path + " does not match " + routePath);
        int group = 1;
        while (names.find()) params.put(names.group(1), values.group(group++));
        if (params.isEmpty()) e.remove("pathParameters");
        if (method.equals("GET")) {
            e.remove("body");
            ((ObjectNode) e.get("headers")).remove("content-type");
            ((ObjectNode) e.get("headers")).remove("content-length");
        }
        return new Events(e);
    }

    public static Events get(String routePath, String path) {
        return request("GET", routePath, path);
    }

    public static Events post(String routePath, String path, String body) {
        return request("POST", routePath, path).body(body);
    }

    public Events body(String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
        ((ObjectNode) event.get("headers"))
                .put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        return this;
    }

    public Events binaryBody(byte[] body) {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        ((ObjectNode) event.get("headers")).put("content-length", String.valueOf(body.length));
        return this;
    }

    /** Replaces the path parameters with exactly these values, as API Gateway would pass whatever the path held. */
    public Events pathParameters(Map<String, String> params) {
        if (params.isEmpty()) {
            event.remove("pathParameters");
        } else {
            ObjectNode p = event.putObject("pathParameters");
            params.forEach(p::put);
        }
        return this;
    }

    public static Events put(String routePath, String path, String body) {
        return request("PUT", routePath, path).body(body);
    }

    public static Events delete(String routePath, String path) {
        return request("DELETE", routePath, path);
    }

    /** The client address API Gateway saw (requestContext.http.sourceIp). */
    public Events sourceIp(String ip) {
        ((ObjectNode) event.get("requestContext").get("http")).put("sourceIp", ip);
        return this;
    }

    public Events header(String name, String value) {
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (value == null) headers.remove(name.toLowerCase());
        else headers.put(name.toLowerCase(), value);
        return this;
    }

    /** The claims API Gateway's JWT authorizer puts in the request context after verifying the token. */
    public Events claims(String sub, String town, String role, String village) {
        ObjectNode jwt = ((ObjectNode) event.get("requestContext"))
                .putObject("authorizer")
                .putObject("jwt");
        ObjectNode claims = jwt.putObject("claims");
        claims.put("sub", sub)
                .put("town", town)
                .put("role", role)
                .put("iss", "https://cognito-idp.cn-north-1.amazonaws.com.cn/pool")
                .put("aud", "banshi-staff");
        if (village != null) claims.put("village", village);
        jwt.putArray("scopes");
        return this;
    }

    public Events query(Map<String, String> params) {
        ObjectNode q = event.putObject("queryStringParameters");
        StringBuilder raw = new StringBuilder();
        params.forEach((k, v) -> {
            q.put(k, v);
            if (raw.length() > 0) raw.append('&');
            raw.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        event.put("rawQueryString", raw.toString());
        return this;
    }

    public String json() {
        return Json.write(event);
    }

    public APIGatewayV2HTTPEvent build() {
        return SERIALIZER.fromJson(json());
    }
}

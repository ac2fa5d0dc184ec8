package cn.banshi.api;

import cn.banshi.json.Json;
import cn.banshi.testkit.contract.ApiExchange;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A payload-2.0 event a test built and the handler's answer, as the exchange the contract check reads. */
final class EventExchanges {
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private EventExchanges() {}

    /** The path API Gateway matched: the route's template with the path parameters the handler reads (tests may replace them). */
    private static String path(JsonNode event) {
        String template = event.path("routeKey").asText().split(" ", 2)[1];
        JsonNode params = event.path("pathParameters");
        if (!params.isObject() || params.isEmpty()) return event.path("rawPath").asText();
        Matcher m = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = params.path(m.group(1)).asText("");
            m.appendReplacement(
                    path,
                    Matcher.quoteReplacement(
                            URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(path);
        return path.toString();
    }

    static ApiExchange of(Events events, APIGatewayV2HTTPResponse response) {
        JsonNode event;
        try {
            event = Json.parse(events.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers")
                .fields()
                .forEachRemaining(
                        h -> headers.put(h.getKey().toLowerCase(), h.getValue().asText()));
        // API Gateway's JWT authorizer verified the bearer token before the claims reached the event
        if (event.path("requestContext").path("authorizer").has("jwt"))
            headers.put("authorization", "Bearer verified.by.authorizer");
        Map<String, List<String>> query = new LinkedHashMap<>();
        event.path("queryStringParameters")
                .fields()
                .forEachRemaining(
                        q -> query.put(q.getKey(), List.of(q.getValue().asText())));
        String body = null;
        if (event.hasNonNull("body") && !event.get("body").asText().isEmpty()) {
            body = event.path("isBase64Encoded").asBoolean()
                    ? new String(Base64.getDecoder().decode(event.get("body").asText()), StandardCharsets.ISO_8859_1)
                    : event.get("body").asText();
        }
        Map<String, String> responseHeaders = response.getHeaders() == null ? Map.of() : response.getHeaders();
        return new ApiExchange(
                event.path("requestContext").path("http").path("method").asText(),
                path(event),
                query,
                headers,
                body,
                response.getStatusCode(),
                responseHeaders,
                response.getBody(),
                response.getIsBase64Encoded());
    }
}

package cn.banshi.api;

import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.json.JsonSyntaxException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** Read access to an API Gateway HTTP API (payload 2.0) event, with the body checks every route shares. */
public final class ApiRequest {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private byte[] body;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    /** Header value; API Gateway delivers names in lower case (and joins repeated headers with commas). */
    public String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) return null;
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        return value == null ? null : value.strip();
    }

    public String pathParam(String name) {
        Map<String, String> params = event.getPathParameters();
        return params == null ? null : params.get(name);
    }

    public String query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context == null ? null : context.getRequestId();
    }

    /** The raw body bytes (base64-decoded when API Gateway flagged it), at most 64 KiB. */
    public byte[] bodyBytes() {
        if (body != null) return body;
        String raw = event.getBody();
        if (raw == null) {
            body = new byte[0];
        } else if (event.getIsBase64Encoded()) {
            if (raw.length() > (MAX_BODY_BYTES / 3 + 1) * 4 + 4) throw Errors.bodyTooLarge(MAX_BODY_BYTES);
            try {
                body = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw Errors.invalidEncoding();
            }
        } else {
            if (raw.length() > MAX_BODY_BYTES) throw Errors.bodyTooLarge(MAX_BODY_BYTES);
            body = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (body.length > MAX_BODY_BYTES) throw Errors.bodyTooLarge(MAX_BODY_BYTES);
        return body;
    }

    /** The body as JSON: requires application/json, valid UTF-8, valid JSON. */
    public JsonNode jsonBody() {
        String contentType = header("content-type");
        if (contentType == null) throw Errors.unsupportedMediaType();
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) throw Errors.unsupportedMediaType();
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.startsWith("charset=") && !param.equals("charset=utf-8") && !param.equals("charset=\"utf-8\"")) {
                throw Errors.invalidEncoding();
            }
        }
        byte[] bytes = bodyBytes();
        if (bytes.length == 0) throw Errors.required("body");
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Errors.invalidEncoding();
        }
        if (text.indexOf('\uFFFD') >= 0 && !event.getIsBase64Encoded()) {
            // API Gateway replaces undecodable bytes of a text body with U+FFFD: the client did not send UTF-8
            throw Errors.invalidEncoding();
        }
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            String detail = e.detail();
            throw Errors.invalidJson(
                    detail == null ? "syntax" : detail.length() > 120 ? detail.substring(0, 120) : detail);
        }
    }
}

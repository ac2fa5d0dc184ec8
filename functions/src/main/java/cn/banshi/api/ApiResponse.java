package cn.banshi.api;

import cn.banshi.errors.ApiException;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers; {@link ApiHandler} turns it into the API Gateway response. */
public record ApiResponse(int status, String body, Map<String, String> headers, boolean base64) {

    public ApiResponse(int status, String body, Map<String, String> headers) {
        this(status, body, headers, false);
    }

    /** A binary body (a .docx download): API Gateway decodes the base64 text before sending it. */
    public static ApiResponse binary(int status, byte[] body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        return new ApiResponse(status, Base64.getEncoder().encodeToString(body), headers, true);
    }

    public static ApiResponse noContent() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("cache-control", "no-store");
        return new ApiResponse(204, null, headers, false);
    }

    public static ApiResponse json(int status, JsonNode body) {
        return json(status, Json.write(body));
    }

    public static ApiResponse json(int status, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("cache-control", "no-store");
        return new ApiResponse(status, body, headers);
    }

    public static ApiResponse error(ApiException e) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", e.code());
        error.put("message", e.messageZh());
        error.put("messageEn", e.messageEn());
        if (e.field() == null) error.putNull("field");
        else error.put("field", e.field());
        e.describe(error);
        ApiResponse response = json(e.status(), body);
        if (e.retryAfterSeconds() != null)
            response.headers().put("retry-after", e.retryAfterSeconds().toString());
        return response;
    }

    public ApiResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}

package cn.banshi.local.web;

import cn.banshi.json.Json;
import cn.banshi.testkit.contract.ApiContract;
import cn.banshi.testkit.contract.ApiExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The test's own HTTP calls to the stack (setting up cases, acting as a second staff member). */
final class Api {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    record Answer(int status, JsonNode body) {}

    Answer send(String method, String path, String token, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (path.startsWith("/api/v1/auth/") || path.startsWith("/api/v1/admin/staff")) {
                // the sign-in and staff routes' answers are checked against infra/openapi.yaml
                Map<String, String> requestHeaders = new TreeMap<>();
                requestHeaders.put("content-type", "application/json");
                if (token != null) requestHeaders.put("authorization", "Bearer " + token);
                Map<String, String> responseHeaders = new TreeMap<>();
                response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(Locale.ROOT), v.get(0)));
                ApiContract.check(new ApiExchange(
                        method,
                        path.contains("?") ? path.substring(0, path.indexOf('?')) : path,
                        Map.of(),
                        requestHeaders,
                        body == null ? null : Json.write(body),
                        response.statusCode(),
                        responseHeaders,
                        response.body().isEmpty() ? null : response.body(),
                        false));
            }
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : Json.parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A citizen's complaint (or help request, …) as the public form sends it; returns the receipt. */
    JsonNode submit(String type, String category, String village, String title, String description) {
        ObjectNode body = Json.object()
                .put("type", type)
                .put("category", category)
                .put("title", title)
                .put("description", description);
        if (village != null) body.put("village", village);
        body.putObject("submitter").put("name", "王小明").put("phone", "13912345678");
        Answer answer = send("POST", "/api/v1/towns/gaocheng/complaints", null, body);
        if (answer.status() != 201) throw new IllegalStateException("submit: " + answer);
        return answer.body();
    }

    /** Any public submission body (disputes with parties, petitions, information requests). */
    JsonNode submit(String route, ObjectNode body) {
        Answer answer = send("POST", "/api/v1/towns/gaocheng/" + route, null, body);
        if (answer.status() != 201) throw new IllegalStateException("submit: " + answer);
        return answer.body();
    }

    /** A case staff entered with its real date of receipt (to make one overdue). */
    JsonNode enter(String token, String village, String title, String receivedOn) {
        ObjectNode body = Json.object()
                .put("type", "complaint")
                .put("category", "roads-traffic")
                .put("village", village)
                .put("title", title)
                .put("description", "来电反映：" + title + "，请尽快处理。")
                .put("receivedOn", receivedOn)
                .put("channel", "phone");
        body.putObject("submitter").put("name", "赵六").put("phone", "13611112222");
        Answer answer = send("POST", "/api/v1/admin/towns/gaocheng/complaints", token, body);
        if (answer.status() != 201) throw new IllegalStateException("enter: " + answer);
        return answer.body();
    }

    JsonNode act(String token, String trackingNo, ObjectNode action) {
        Answer answer = send("POST", "/api/v1/admin/cases/" + trackingNo + "/actions", token, action);
        if (answer.status() != 200) throw new IllegalStateException("act: " + answer);
        return answer.body();
    }

    JsonNode detail(String token, String trackingNo) {
        Answer answer = send("GET", "/api/v1/admin/cases/" + trackingNo, token, null);
        if (answer.status() != 200) throw new IllegalStateException("detail: " + answer);
        return answer.body();
    }
}

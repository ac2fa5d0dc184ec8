package cn.banshi.logging;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * CloudWatch metrics the way Powertools metrics emits them: Embedded Metric Format lines on stdout, which
 * CloudWatch Logs turns into metrics (no API call, nothing on the request's critical path). Namespace
 * {@code banshi}, dimensions {@code service} and {@code route}.
 */
public final class Metrics {
    public static final String NAMESPACE = "banshi";

    private Metrics() {}

    /** One request: its count, latency, and whether it was a client or server error. */
    public static void request(String route, int status, double latencyMs, Clock clock) {
        ObjectNode line = Json.object();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("service").add("route");
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", "Requests").put("Unit", "Count");
        metrics.addObject().put("Name", "Latency").put("Unit", "Milliseconds");
        metrics.addObject().put("Name", "ClientErrors").put("Unit", "Count");
        metrics.addObject().put("Name", "ServerErrors").put("Unit", "Count");
        line.put("service", "banshi-api");
        line.put("route", route == null ? "unmatched" : route);
        line.put("Requests", 1);
        line.put("Latency", Math.round(latencyMs * 100) / 100.0);
        line.put("ClientErrors", status >= 400 && status < 500 ? 1 : 0);
        line.put("ServerErrors", status >= 500 ? 1 : 0);
        String requestId = RequestIds.current();
        if (requestId != null) line.put("function_request_id", requestId);
        Log.emit(line);
    }

    /** A submission the bot check dropped (honeypot filled, or filled in faster than a person can): no personal data. */
    public static void botDropped(String route, String reason, Clock clock) {
        ObjectNode line = Json.object();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("service").add("reason");
        directive
                .putArray("Metrics")
                .addObject()
                .put("Name", "BotSubmissionsDropped")
                .put("Unit", "Count");
        line.put("service", "banshi-api");
        line.put("route", route);
        line.put("reason", reason);
        line.put("BotSubmissionsDropped", 1);
        String requestId = RequestIds.current();
        if (requestId != null) line.put("function_request_id", requestId);
        Log.emit(line);
    }
}

package cn.banshi.logging;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;

/**
 * JSON-lines logging to stdout (CloudWatch Logs in Lambda). Callers pass only named, non-personal fields:
 * there is deliberately no way to log a request body or a free-form object. Chosen over Powertools logging
 * (log4j2) to keep log4j's initialisation out of the cold start; the records carry the same keys Powertools
 * uses (level, message, timestamp, function_request_id).
 */
public final class Log {
    private static volatile PrintStream out = System.out;
    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    public static Log get(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /** Tests redirect the sink to capture every line. */
    public static void redirect(PrintStream sink) {
        out = sink;
    }

    public void info(String message, Object... keyValues) {
        write("INFO", message, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write("WARN", message, keyValues);
    }

    public void error(String message, Object... keyValues) {
        write("ERROR", message, keyValues);
    }

    /** A prepared JSON line (metrics in Embedded Metric Format). */
    static void emit(ObjectNode line) {
        out.println(Json.write(line));
    }

    private void write(String level, String message, Object... keyValues) {
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("message", message);
        String requestId = RequestIds.current();
        if (requestId != null) line.put("function_request_id", requestId);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            String key = String.valueOf(keyValues[i]);
            if (value instanceof Integer || value instanceof Long) line.put(key, ((Number) value).longValue());
            else if (value instanceof Number number) line.put(key, number.doubleValue());
            else if (value != null) line.put(key, String.valueOf(value));
        }
        out.println(Json.write(line));
    }
}

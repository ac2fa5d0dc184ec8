package cn.banshi.notifications;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The AccessKey pair of the RAM user that may call SendSms. Kept in AWS Secrets Manager as
 * {@code {"accessKeyId":"…","accessKeySecret":"…"}}; {@link #toString()} never shows the secret.
 */
public record AliyunCredentials(String accessKeyId, String accessKeySecret) {
    public AliyunCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || accessKeySecret == null || accessKeySecret.isBlank())
            throw new IllegalArgumentException("the secret needs accessKeyId and accessKeySecret");
    }

    /** The secret's JSON value. */
    static AliyunCredentials parse(String secretJson) {
        try {
            JsonNode node = Json.parse(secretJson);
            return new AliyunCredentials(
                    node.path("accessKeyId").asText(null),
                    node.path("accessKeySecret").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("the secret is not JSON", e);
        }
    }

    @Override
    public String toString() {
        return "AliyunCredentials[" + accessKeyId + ", secret hidden]";
    }
}

package cn.banshi.notifications;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration of Alibaba Cloud SMS: the endpoint ({@code BANSHI_ALIYUN_SMS_ENDPOINT}, default
 * {@code https://dysmsapi.aliyuncs.com}) and the town's registered template code per message kind of templates.json
 * ({@code BANSHI_ALIYUN_SMS_TEMPLATES}: {@code received=SMS_123,accepted=SMS_124,…}). The AccessKey pair is a secret
 * ({@code BANSHI_ALIYUN_SMS_SECRET}, read by {@link Senders}), never part of the settings.
 */
public record AliyunSmsSettings(URI endpoint, Map<String, String> templateCodes) {
    static final String ALIYUN_ENDPOINT_ENV = "BANSHI_ALIYUN_SMS_ENDPOINT";
    static final String ALIYUN_TEMPLATES_ENV = "BANSHI_ALIYUN_SMS_TEMPLATES";
    static final URI DEFAULT_ENDPOINT = URI.create("https://dysmsapi.aliyuncs.com/");

    public AliyunSmsSettings {
        templateCodes = Map.copyOf(templateCodes);
    }

    public static AliyunSmsSettings fromEnvironment() {
        String endpoint = System.getenv(ALIYUN_ENDPOINT_ENV);
        return new AliyunSmsSettings(
                endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : URI.create(endpoint.strip()),
                templateCodes(System.getenv(ALIYUN_TEMPLATES_ENV)));
    }

    /** {@code kind=code} pairs separated by commas; a pair without a code or a kind is refused. */
    static Map<String, String> templateCodes(String setting) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) return codes;
        for (String pair : setting.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            String kind = eq < 0 ? "" : pair.substring(0, eq).strip();
            String code = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (kind.isEmpty() || code.isEmpty())
                throw new IllegalArgumentException(ALIYUN_TEMPLATES_ENV + ": expected kind=code, got " + pair.strip());
            codes.put(kind, code);
        }
        return codes;
    }
}

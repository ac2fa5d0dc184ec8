package cn.banshi.notifications;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * SMS through Alibaba Cloud SMS (dysmsapi 2017-05-25, {@code SendSms}), the licensed domestic provider a town in
 * mainland China (or on an AWS China region, which has no SNS SMS) must use: the registered signature
 * ({@link SmsMessage#signName()}), the town's registered template code for the message kind, the template's
 * variables as {@code TemplateParam} JSON and banshi's message id as {@code OutId}. A small client over the JDK's
 * HttpClient with the RPC signature v1.0 ({@link AliyunSignature}); the official SDK would bring a dozen jars for one
 * call. {@code OK} is sent (the {@code BizId} kept); a number, parameter, template or signature Alibaba refuses is
 * permanent; flow control, 5xx, timeouts and anything unknown are transient (retried with backoff, bounded).
 */
public final class AliyunSmsSender implements SmsSender {
    static final String API_VERSION = "2017-05-25";
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** Codes for which the same request will never succeed: the number, the parameters, the template, the sign. */
    static final Set<String> PERMANENT = Set.of(
            "isv.MOBILE_NUMBER_ILLEGAL",
            "isv.INVALID_PARAMETERS",
            "isv.INVALID_JSON_PARAM",
            "isv.PARAM_LENGTH_LIMIT",
            "isv.TEMPLATE_MISSING_PARAMETERS",
            "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL",
            "isv.SMS_SIGN_ILLEGAL",
            "isv.SIGN_NAME_ILLEGAL",
            "isv.TEMPLATE_PARAMS_ILLEGAL",
            "isv.SMS_CONTENT_ILLEGAL",
            "isv.BLACK_KEY_CONTROL_LIMIT",
            "isv.MOBILE_COUNT_OVER_LIMIT");

    private final HttpClient http;
    private final AliyunSmsSettings settings;
    private final Supplier<AliyunCredentials> credentials;
    private final Clock clock;

    /**
     * {@code credentials} is asked at each send; {@link Senders} gives a supplier that reads the secret once per
     * container.
     */
    public AliyunSmsSender(
            HttpClient http, AliyunSmsSettings settings, Supplier<AliyunCredentials> credentials, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public SendResult send(SmsMessage m) {
        String templateCode = settings.templateCodes().get(m.kind());
        if (templateCode == null) return SendResult.permanentFailure("短信模板未登记（" + m.kind() + "）");
        AliyunCredentials key;
        try {
            key = credentials.get();
        } catch (RuntimeException e) {
            return SendResult.transientFailure("阿里云短信密钥不可用（" + e.getClass().getSimpleName() + "）");
        }
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("AccessKeyId", key.accessKeyId());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("RegionId", "cn-hangzhou");
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        parameters.put("Version", API_VERSION);
        parameters.put("PhoneNumbers", m.phone().replace("-", ""));
        parameters.put("SignName", m.signName());
        parameters.put("TemplateCode", templateCode);
        parameters.put("TemplateParam", templateParam(m.params()));
        parameters.put("OutId", m.id());
        parameters.put("Signature", AliyunSignature.sign("POST", parameters, key.accessKeySecret()));
        String body = parameters.entrySet().stream()
                .map(e -> AliyunSignature.percentEncode(e.getKey()) + "=" + AliyunSignature.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return SendResult.transientFailure("阿里云短信 " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.transientFailure("阿里云短信 interrupted");
        }
        return result(response.statusCode(), response.body());
    }

    private URI endpoint() {
        return settings.endpoint();
    }

    /** The template's variables as the JSON object SendSms takes. */
    static String templateParam(Map<String, String> params) {
        var node = Json.object();
        new TreeMap<>(params).forEach(node::put);
        return Json.write(node);
    }

    /** What Alibaba's answer means for the message. */
    static SendResult result(int status, String body) {
        String code = null;
        JsonNode json = null;
        try {
            json = Json.parse(body);
            code = json.path("Code").asText(null);
        } catch (IOException | RuntimeException e) {
            // not JSON: a gateway's error page; decided by the status below
        }
        if ("OK".equals(code))
            return SendResult.sent("aliyun:" + json.path("BizId").asText(""));
        if (code == null) {
            return SendResult.transientFailure("阿里云短信 HTTP " + status);
        }
        if (PERMANENT.contains(code)) return SendResult.permanentFailure(reasonZh(code) + "（" + code + "）");
        return SendResult.transientFailure(code);
    }

    private static String reasonZh(String code) {
        return switch (code) {
            case "isv.MOBILE_NUMBER_ILLEGAL" -> "号码无效";
            case "isv.SMS_TEMPLATE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL" ->
                "短信模板不可用";
            case "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGN_ILLEGAL", "isv.SIGN_NAME_ILLEGAL" -> "短信签名不可用";
            default -> "短信服务拒绝";
        };
    }
}

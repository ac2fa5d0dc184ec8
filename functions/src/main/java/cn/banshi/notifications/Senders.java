package cn.banshi.notifications;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The senders configuration chooses. {@code BANSHI_SMS}: {@code aliyun} (Alibaba Cloud SMS, {@link AliyunSmsSettings};
 * the AccessKey pair from the Secrets Manager secret {@code BANSHI_ALIYUN_SMS_SECRET}, read once per container),
 * {@code sns} (Amazon SNS; sender id {@code BANSHI_SMS_SENDER_ID}), {@code local:<file>} (the readable outbox file) or {@code none} (default: no SMS channel; a
 * message waiting for SMS fails with the reason). {@code BANSHI_EMAIL}: {@code ses} (Amazon SES v2, from
 * {@code BANSHI_EMAIL_FROM}), {@code smtp:<host>:<port>}, {@code local:<file>} or {@code none}.
 */
public final class Senders {
    public static final String SMS_ENV = "BANSHI_SMS";
    public static final String EMAIL_ENV = "BANSHI_EMAIL";
    public static final String ALIYUN_SECRET_ENV = "BANSHI_ALIYUN_SMS_SECRET";

    private Senders() {}

    public static SmsSender sms() {
        String v = setting(System.getenv(SMS_ENV));
        if (v.equals("sns")) {
            SnsClient sns = SnsClient.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
            return new SnsSmsSender(sns, System.getenv("BANSHI_SMS_SENDER_ID"));
        }
        if (v.equals("aliyun")) {
            String secret = System.getenv(ALIYUN_SECRET_ENV);
            return new AliyunSmsSender(
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build(),
                    AliyunSmsSettings.fromEnvironment(),
                    once(() -> secretCredentials(secret)),
                    Clock.systemUTC());
        }
        if (v.startsWith("local:")) return new LocalOutbox(Path.of(v.substring(6)), Clock.systemUTC());
        return m -> SendResult.permanentFailure("未配置短信通道");
    }

    public static EmailSender email() {
        String v = setting(System.getenv(EMAIL_ENV));
        if (v.equals("ses")) {
            SesV2Client ses = SesV2Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
            return new SesEmailSender(ses, Clock.systemUTC());
        }
        if (v.startsWith("smtp:")) {
            String[] hostPort = v.substring(5).split(":");
            return new SmtpEmailSender(hostPort[0], Integer.parseInt(hostPort[1]), Clock.systemUTC());
        }
        if (v.startsWith("local:")) return new LocalOutbox(Path.of(v.substring(6)), Clock.systemUTC());
        return m -> SendResult.permanentFailure("未配置邮件通道");
    }

    /** The AccessKey pair of the secret (its JSON value); the value is never logged. */
    static AliyunCredentials secretCredentials(String secretId) {
        if (secretId == null || secretId.isBlank()) throw new IllegalStateException(ALIYUN_SECRET_ENV + " is not set");
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            return AliyunCredentials.parse(
                    secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
        }
    }

    /** A supplier that asks {@code read} until it first succeeds, then keeps the value (one read per container). */
    static <T> Supplier<T> once(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = read.get();
                return value;
            }
        };
    }

    private static String setting(String v) {
        return v == null || v.isBlank() ? "none" : v.strip();
    }
}

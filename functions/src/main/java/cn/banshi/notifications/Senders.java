package cn.banshi.notifications;

import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The senders configuration chooses. {@code BANSHI_SMS}: {@code sns} (Amazon SNS; sender id {@code
 * BANSHI_SMS_SENDER_ID}), {@code local:<file>} (the readable outbox file) or {@code none} (default: no SMS channel; a
 * message waiting for SMS fails with the reason). {@code BANSHI_EMAIL}: {@code ses} (Amazon SES v2, from
 * {@code BANSHI_EMAIL_FROM}), {@code smtp:<host>:<port>}, {@code local:<file>} or {@code none}.
 */
public final class Senders {
    public static final String SMS_ENV = "BANSHI_SMS";
    public static final String EMAIL_ENV = "BANSHI_EMAIL";

    private Senders() {}

    public static SmsSender sms() {
        String v = setting(System.getenv(SMS_ENV));
        if (v.equals("sns")) {
            SnsClient sns = SnsClient.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
            return new SnsSmsSender(sns, System.getenv("BANSHI_SMS_SENDER_ID"));
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

    private static String setting(String v) {
        return v == null || v.isBlank() ? "none" : v.strip();
    }
}

package cn.banshi.notifications;

/**
 * The port every SMS goes through (case messages, the staff digest, and any other short code a feature sends):
 * Alibaba Cloud SMS, Amazon SNS or the local outbox, chosen by configuration ({@code BANSHI_SMS}). Implementations
 * never log the number or the text, and report failures as a {@link SendResult} rather than by throwing.
 */
public interface SmsSender {
    SendResult send(SmsMessage message);
}

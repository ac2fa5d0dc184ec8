package cn.banshi.notifications;

import java.util.Map;

/**
 * One SMS to send. Providers in China send a registered template ({@code kind}, whose code the sender maps) with its
 * variables ({@code params}) under the registered signature ({@code signName}, e.g. 高塍镇人民政府); {@code text} is the
 * same message rendered, for senders that take free text (Amazon SNS, the local outbox). {@code id} is banshi's
 * message id, passed to providers that keep a caller's id (Alibaba's OutId).
 */
public record SmsMessage(
        String id, String phone, String signName, String kind, Map<String, String> params, String text) {
    public SmsMessage {
        params = Map.copyOf(params);
    }
}

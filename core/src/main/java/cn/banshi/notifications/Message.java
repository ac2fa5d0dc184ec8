package cn.banshi.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * One message as the log keeps it ({@link MessageStore}). {@code to} and {@code params} are kept only while it waits
 * (they may carry the access code); the log keeps the masked recipient and the text as shown to staff
 * ({@code subject}, {@code text}: the access code masked). {@code trackingNo} is null for the staff digest.
 */
public record Message(
        String id,
        String town,
        String trackingNo,
        String kind,
        Channel channel,
        String to,
        String toMasked,
        Map<String, String> params,
        String subject,
        String text,
        MessageState state,
        int attempts,
        Instant createdAt,
        Instant sendAfter,
        Instant sentAt,
        String providerId,
        String error) {

    public Message {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A new message, waiting to be sent from {@code sendAfter}. */
    public static Message pending(
            String id,
            String town,
            String trackingNo,
            String kind,
            Channel channel,
            String to,
            Map<String, String> params,
            String subject,
            String text,
            Instant createdAt) {
        return new Message(
                id,
                town,
                trackingNo,
                kind,
                channel,
                to,
                Recipients.mask(channel, to),
                params,
                subject,
                text,
                MessageState.PENDING,
                0,
                createdAt,
                createdAt,
                null,
                null,
                null);
    }
}

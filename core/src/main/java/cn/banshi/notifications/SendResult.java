package cn.banshi.notifications;

/** What a provider answered: sent (with its id for the message), or failed, permanently or for now. */
public sealed interface SendResult {
    record Sent(String providerId) implements SendResult {}

    /**
     * Not sent. {@code permanent}: the provider will never accept it (invalid or blacklisted number, rejected
     * address); otherwise it may on a later try (flow control, a timeout).
     */
    record Failed(String reason, boolean permanent) implements SendResult {}

    static SendResult sent(String providerId) {
        return new Sent(providerId);
    }

    static SendResult transientFailure(String reason) {
        return new Failed(reason, false);
    }

    static SendResult permanentFailure(String reason) {
        return new Failed(reason, true);
    }
}

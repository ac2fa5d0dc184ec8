package cn.banshi.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The crudest bots, dropped quietly: the citizen form has a honeypot field ({@value #HONEYPOT}, hidden from people
 * and screen readers) and sends how long it was open before submitting ({@value #FILL_MS}). A filled honeypot, or a
 * form submitted faster than a person can fill it, is answered like a success and stored nowhere. Both fields are
 * optional for API clients (a script that posts JSON directly meets the per-client limits instead).
 */
public final class BotCheck {
    public static final String HONEYPOT = "website";
    public static final String FILL_MS = "fillMs";
    public static final String MIN_FILL_ENV = "BANSHI_MIN_FILL_MS";
    /** Nobody reads the form, picks a type and writes a description in under three seconds. */
    public static final long DEFAULT_MIN_FILL_MS = 3000;

    private final long minFillMs;

    public BotCheck(long minFillMs) {
        this.minFillMs = minFillMs;
    }

    public static BotCheck fromEnvironment() {
        String raw = System.getenv(MIN_FILL_ENV);
        return new BotCheck(raw == null || raw.isBlank() ? DEFAULT_MIN_FILL_MS : Long.parseLong(raw.strip()));
    }

    public long minFillMs() {
        return minFillMs;
    }

    /**
     * Takes the two fields out of {@code body} (the forms never see them) and says why the submission is to be
     * dropped: "honeypot" or "too-fast"; empty for a submission to keep. A malformed value counts as a bot's.
     */
    public Optional<String> strip(JsonNode body) {
        if (!(body instanceof ObjectNode object)) return Optional.empty();
        JsonNode trap = object.remove(HONEYPOT);
        JsonNode fill = object.remove(FILL_MS);
        if (trap != null
                && !(trap.isNull() || (trap.isTextual() && trap.asText().isEmpty()))) {
            return Optional.of("honeypot");
        }
        if (fill != null && !fill.isNull()) {
            if (!fill.isNumber() || fill.asLong() < minFillMs) return Optional.of("too-fast");
        }
        return Optional.empty();
    }
}

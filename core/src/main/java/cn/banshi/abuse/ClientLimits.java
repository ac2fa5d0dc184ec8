package cn.banshi.abuse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-client limits of the citizen routes, in one place: the local gateway applies them in process, and the
 * AWS WAF web ACL ({@code infra/waf.yaml}) has rate-based rules with the same numbers (its parameters' defaults;
 * {@code WafTemplateTest} fails when they drift apart). The window is AWS WAF's shortest evaluation window, 60 s;
 * the limits are per client IP address.
 *
 * <p>Tuning: locally {@code BANSHI_CLIENT_LIMITS=citizen-writes=20,tracking=120} (requests per minute); in AWS the
 * waf.yaml parameters {@code CitizenWriteLimit} and {@code TrackingLimit} (docs/abuse.md).
 */
public final class ClientLimits {
    public static final String LIMITS_ENV = "BANSHI_CLIENT_LIMITS";
    public static final int WINDOW_SECONDS = 60;

    /**
     * Submissions, verification codes, ratings, personal-data requests and upload slots: a person files a handful a
     * day, with up to six files and a retry or two; twenty a minute is a script (codes have their own, stricter limits
     * per number and client in DynamoDB: {@link VerificationCodes}).
     */
    static final int CITIZEN_WRITES_PER_MINUTE = 20;

    public static final ClientLimit CITIZEN_WRITES = new ClientLimit(
            "citizen-writes",
            "POST",
            List.of(
                    "POST /api/v1/towns/{town}/complaints",
                    "POST /api/v1/towns/{town}/info-requests",
                    "POST /api/v1/towns/{town}/verification-codes",
                    "POST /api/v1/track/{trackingNo}/rating",
                    "POST /api/v1/towns/{town}/uploads",
                    "POST /api/v1/towns/{town}/cases/{trackingNo}/followers",
                    "POST /api/v1/track/{trackingNo}/personal-data-requests"),
            "^/api/v1/(towns/[^/]+/(complaints|info-requests|verification-codes|uploads|cases/[^/]+/followers)|track/[^/]+/(rating|personal-data-requests))$",
            CITIZEN_WRITES_PER_MINUTE,
            WINDOW_SECONDS);

    /**
     * Tracking reads (and the citizen's copy of their personal data): a family refreshing is a few a minute; code
     * guessing is also locked per number. Public file links and the form's upload status polls (a few per file) count
     * here too.
     */
    public static final ClientLimit TRACKING = new ClientLimit(
            "tracking",
            "GET",
            List.of(
                    "GET /api/v1/track/{trackingNo}",
                    "GET /api/v1/track/{trackingNo}/personal-data",
                    "GET /api/v1/track/{trackingNo}/attachments/{uploadId}",
                    "GET /api/v1/towns/{town}/uploads/{uploadId}"),
            "^/api/v1/(track/[^/]+(/attachments/[^/]+|/personal-data)?|towns/[^/]+/uploads/[^/]+)$",
            60,
            WINDOW_SECONDS);

    /** Similar-case suggestions while a citizen types (issue 19): asked after a pause in typing, like tracking reads. */
    public static final ClientLimit SUGGESTIONS = new ClientLimit(
            "suggestions",
            "POST",
            List.of("POST /api/v1/towns/{town}/similar-cases"),
            "^/api/v1/towns/[^/]+/similar-cases$",
            60,
            WINDOW_SECONDS);

    public static final List<ClientLimit> DEFAULTS = List.of(CITIZEN_WRITES, TRACKING, SUGGESTIONS);

    private final List<ClientLimit> limits;

    private ClientLimits(List<ClientLimit> limits) {
        this.limits = List.copyOf(limits);
    }

    public static ClientLimits defaults() {
        return new ClientLimits(DEFAULTS);
    }

    public static ClientLimits of(List<ClientLimit> limits) {
        return new ClientLimits(limits);
    }

    /** The defaults with the overrides of {@link #LIMITS_ENV} ({@code name=limit,…}); unknown names fail at start-up. */
    public static ClientLimits fromEnvironment() {
        return parse(System.getenv(LIMITS_ENV));
    }

    static ClientLimits parse(String spec) {
        if (spec == null || spec.isBlank()) return defaults();
        Map<String, ClientLimit> byName = new LinkedHashMap<>();
        for (ClientLimit l : DEFAULTS) byName.put(l.name(), l);
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", 2);
            ClientLimit base = byName.get(kv[0].strip());
            if (base == null || kv.length != 2) {
                throw new IllegalArgumentException(
                        LIMITS_ENV + ": expected name=limit with name one of " + byName.keySet());
            }
            byName.put(base.name(), base.withLimit(Integer.parseInt(kv[1].strip())));
        }
        return new ClientLimits(new ArrayList<>(byName.values()));
    }

    public List<ClientLimit> all() {
        return limits;
    }

    /** The limit that covers this route key, if any. */
    public Optional<ClientLimit> forRoute(String routeKey) {
        return limits.stream().filter(l -> l.routeKeys().contains(routeKey)).findFirst();
    }
}

package cn.banshi.local.web;

import cn.banshi.abuse.BotCheck;
import cn.banshi.abuse.ClientLimit;
import cn.banshi.abuse.ClientLimits;
import cn.banshi.accounts.SignInPolicy;
import cn.banshi.accounts.SignInService;
import cn.banshi.accounts.StaffProfile;
import cn.banshi.accounts.Totp;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.auth.Role;
import cn.banshi.json.Json;
import cn.banshi.local.LocalGateway;
import cn.banshi.local.LocalJwt;
import cn.banshi.local.LocalSignInHandler;
import cn.banshi.local.LocalStaff;
import cn.banshi.local.StaticFiles;
import cn.banshi.notifications.LocalOutbox;
import cn.banshi.store.Tables;
import cn.banshi.store.local.Dynalite;
import cn.banshi.testkit.LocalDynamo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The real stack the pages run on, in-process: dynalite (fresh tables), the Lambda handlers behind the
 * local gateway, and the static pages from the repository's {@code web/} directory.
 */
final class WebStack implements AutoCloseable {
    final DynamoDbClient dynamo;
    final AppContext app;
    final LocalGateway gateway;
    final String base;
    /** System time plus an offset tests move forward (the idle timeout); every part of the stack reads it. */
    final SkewClock clock = new SkewClock();

    final SignInService signIn;
    private final LocalJwt jwt;
    /** The readable outbox phone verification codes are sent to (as with {@code ./banshi up}). */
    final Path outbox;

    private WebStack(Function<AppContext, List<ApiHandler>> extraFirst) throws Exception {
        this(extraFirst, handler -> false, null);
    }

    private WebStack(Function<AppContext, List<ApiHandler>> extraFirst, Predicate<ApiHandler> drop, Clock clock)
            throws Exception {
        this(extraFirst, drop, clock, UNLIMITED);
    }

    /**
     * The pages' tests submit many cases from one address; the per-client limits are tested by ClientLimitsFloodTest
     * (and {@link #withClientLimits} for a page that shows the refusal).
     */
    static final List<ClientLimit> UNLIMITED =
            ClientLimits.DEFAULTS.stream().map(l -> l.withLimit(1_000_000)).toList();

    private WebStack(
            Function<AppContext, List<ApiHandler>> extraFirst,
            Predicate<ApiHandler> drop,
            Clock given,
            List<ClientLimit> limits)
            throws Exception {
        // without a given clock, the stack's own: the system clock that tests move forward (idle timeouts)
        Clock clock = given == null ? this.clock : given;
        dynamo = LocalDynamo.freshTables();
        // a browser driven by Selenium fills the form faster than a person: no minimum fill time (the honeypot stays)
        app = new AppContext(dynamo, clock).useBotCheck(new BotCheck(0));
        outbox = Files.createTempDirectory("banshi-outbox").resolve("messages.txt");
        app.useSms(new LocalOutbox(outbox, clock));
        List<ApiHandler> handlers = new ArrayList<>(extraFirst.apply(app)); // earlier handlers win a route
        Handlers.create(app).stream().filter(drop.negate()).forEach(handlers::add);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        signIn = LocalStaff.signIn(app, SignInPolicy.DEFAULT);
        // tokens live on the stack's own clock, so a test moving the handlers' clock to a past date keeps its token
        jwt = new LocalJwt(key, this.clock).checkingSessions(LocalStaff.sessions(signIn));
        handlers.add(new LocalSignInHandler(signIn, jwt, this.clock));
        gateway = new LocalGateway(
                        handlers,
                        clock,
                        new StaticFiles(Dynalite.repoRoot().resolve("web")),
                        jwt,
                        0,
                        ClientLimits.of(limits))
                .start();
        base = "http://127.0.0.1:" + gateway.port();
    }

    /** With the per-client limits of a real deployment. */
    static WebStack withClientLimits(List<ClientLimit> limits) throws Exception {
        return new WebStack(app -> List.of(), handler -> false, null, limits);
    }

    static WebStack start() throws Exception {
        return new WebStack(app -> List.of());
    }

    /** Without the handlers serving any of these route prefixes (a deployment without that service). */
    static WebStack withoutRoutes(String... prefixes) throws Exception {
        return new WebStack(
                app -> List.of(),
                handler -> handler.routeKeys().stream()
                        .anyMatch(key -> Arrays.stream(prefixes).anyMatch(p -> key.split(" ", 2)[1].startsWith(p))),
                null);
    }

    /** With test handlers in front of the real ones (they take the routes they declare). */
    static WebStack start(Function<AppContext, List<ApiHandler>> extraFirst) throws Exception {
        return new WebStack(extraFirst);
    }

    /** With the handlers' clock given (the date rules under test), test handlers in front of the real ones. */
    static WebStack start(Clock clock, Function<AppContext, List<ApiHandler>> extraFirst) throws Exception {
        return new WebStack(extraFirst, handler -> false, clock);
    }

    /** A staff token as {@code ./banshi token} prints it; village only for village staff. */
    String token(String role, String village, String sub) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("town", "gaocheng");
        claims.put("role", role);
        if (village != null) claims.put("village", village);
        return jwt.issue(claims, Duration.ofHours(8));
    }

    /**
     * A local staff account of gaocheng; returns its temporary password. Its display name is a name, not the username:
     * the username is stored in plaintext by design, the name is personal data (sealed, and looked for in plaintext by
     * the raw-table scan).
     */
    String createStaff(String username, Role role, String village) {
        return app.staffManagement()
                .create("gaocheng", username, new StaffProfile(role, village, "测试职员", null, null), null)
                .temporaryPassword()
                .orElseThrow();
    }

    /**
     * Signs in through the sign-in API as the console does (the temporary password replaced by {@code password}, and
     * for a town admin TOTP enrolled with the returned secret) and returns the token; {@code totpSecret[0]} receives
     * an enrolled secret. For tests that are about something else than signing in.
     */
    String signInToken(String username, String temporary, String password, String[] totpSecret) {
        Api api = new Api(base);
        Api.Answer answer = api.send(
                "POST",
                "/api/v1/auth/sign-in",
                null,
                Json.object().put("username", username).put("password", temporary));
        Totp totp = new Totp(clock);
        while (true) {
            if (answer.status() != 200) throw new IllegalStateException("sign-in: " + answer);
            JsonNode body = answer.body();
            String challenge = body.path("challenge").asText();
            switch (body.get("step").asText()) {
                case "signed-in" -> {
                    return body.get("token").asText();
                }
                case "change-password" ->
                    answer = api.send(
                            "POST",
                            "/api/v1/auth/password",
                            null,
                            Json.object().put("challenge", challenge).put("newPassword", password));
                case "enrol-totp" -> {
                    String secret = body.get("secret").asText();
                    if (totpSecret != null) totpSecret[0] = secret;
                    answer = api.send(
                            "POST",
                            "/api/v1/auth/code",
                            null,
                            Json.object()
                                    .put("challenge", challenge)
                                    .put("code", totp.code(secret, totp.currentStep())));
                }
                case "code" -> {
                    if (totpSecret == null || totpSecret[0] == null)
                        throw new IllegalStateException("TOTP secret needed");
                    // a step not used yet: the next one (within the ±1 window)
                    answer = api.send(
                            "POST",
                            "/api/v1/auth/code",
                            null,
                            Json.object()
                                    .put("challenge", challenge)
                                    .put("code", totp.code(totpSecret[0], totp.currentStep() + 1)));
                }
                default -> throw new IllegalStateException("step: " + body);
            }
        }
    }

    /** Cases whose title is exactly this (a Scan: test-side bookkeeping, never a request path). */
    int countCasesTitled(String title) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.scan(ScanRequest.builder()
                    .tableName(Tables.physical(Tables.CASES))
                    .filterExpression("title = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(title)))
                    .exclusiveStartKey(start)
                    .build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public void close() {
        gateway.close();
    }

    /** The system clock moved by an offset (the idle timeout without waiting). */
    static final class SkewClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}

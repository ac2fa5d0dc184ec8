package cn.banshi.local.web;

import cn.banshi.abuse.BotCheck;
import cn.banshi.abuse.ClientLimit;
import cn.banshi.abuse.ClientLimits;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.local.LocalGateway;
import cn.banshi.local.LocalJwt;
import cn.banshi.local.StaticFiles;
import cn.banshi.store.Tables;
import cn.banshi.store.local.Dynalite;
import cn.banshi.testkit.LocalDynamo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
    private final LocalJwt jwt;

    private WebStack(Function<AppContext, List<ApiHandler>> extraFirst) throws Exception {
        this(extraFirst, handler -> false);
    }

    private WebStack(Function<AppContext, List<ApiHandler>> extraFirst, Predicate<ApiHandler> drop) throws Exception {
        this(extraFirst, drop, UNLIMITED);
    }

    /**
     * The pages' tests submit many cases from one address; the per-client limits are tested by ClientLimitsFloodTest
     * (and {@link #withClientLimits} for a page that shows the refusal).
     */
    static final List<ClientLimit> UNLIMITED =
            ClientLimits.DEFAULTS.stream().map(l -> l.withLimit(1_000_000)).toList();

    private WebStack(
            Function<AppContext, List<ApiHandler>> extraFirst, Predicate<ApiHandler> drop, List<ClientLimit> limits)
            throws Exception {
        dynamo = LocalDynamo.freshTables();
        // a browser driven by Selenium fills the form faster than a person: no minimum fill time (the honeypot stays)
        app = new AppContext(dynamo, Clock.systemUTC()).useBotCheck(new BotCheck(0));
        List<ApiHandler> handlers = new ArrayList<>(extraFirst.apply(app)); // earlier handlers win a route
        Handlers.create(app).stream().filter(drop.negate()).forEach(handlers::add);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        jwt = new LocalJwt(key, Clock.systemUTC());
        gateway = new LocalGateway(
                        handlers,
                        Clock.systemUTC(),
                        new StaticFiles(Dynalite.repoRoot().resolve("web")),
                        jwt,
                        0,
                        ClientLimits.of(limits))
                .start();
        base = "http://127.0.0.1:" + gateway.port();
    }

    /** With the per-client limits of a real deployment. */
    static WebStack withClientLimits(List<ClientLimit> limits) throws Exception {
        return new WebStack(app -> List.of(), handler -> false, limits);
    }

    static WebStack start() throws Exception {
        return new WebStack(app -> List.of());
    }

    /** Without the handlers serving any of these route prefixes (a deployment without that service). */
    static WebStack withoutRoutes(String... prefixes) throws Exception {
        return new WebStack(
                app -> List.of(),
                handler -> handler.routeKeys().stream()
                        .anyMatch(key -> Arrays.stream(prefixes).anyMatch(p -> key.split(" ", 2)[1].startsWith(p))));
    }

    /** With test handlers in front of the real ones (they take the routes they declare). */
    static WebStack start(Function<AppContext, List<ApiHandler>> extraFirst) throws Exception {
        return new WebStack(extraFirst);
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
}

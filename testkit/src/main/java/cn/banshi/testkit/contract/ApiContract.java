package cn.banshi.testkit.contract;

import cn.banshi.store.local.Dynalite;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Checks API exchanges against infra/openapi.yaml (swagger-request-validator). The response must be one the
 * contract declares for the operation: its status, content type, headers and body, with no property the schema
 * does not declare (additionalProperties is treated as false in every schema, allOf merged first). The request
 * must conform too whenever the handler accepted it (2xx); a request the contract refuses must be refused (4xx).
 * A request for a route the contract does not have must be answered 404 ROUTE_NOT_FOUND or 405.
 */
public final class ApiContract {
    private static final Path SPEC = Dynalite.repoRoot().resolve("infra/openapi.yaml");
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final AtomicInteger REFUSED_REQUESTS = new AtomicInteger();
    private static final AtomicInteger UNKNOWN_ROUTES = new AtomicInteger();
    private static final Set<String> NO_ROUTE_KEYS =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private ApiContract() {}

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = load();

        private static OpenApiInteractionValidator load() {
            try {
                return OpenApiInteractionValidator.createForInlineApiSpecification(OpenApi30View.of(SPEC))
                        .withResolveCombinators(true)
                        .withLevelResolver(LevelResolver.create()
                                .withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.ERROR)
                                // handlers ignore query parameters they do not read, as HTTP APIs do (the fuzz tests
                                // send some)
                                .withLevel(
                                        "validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                                // media-type parameters the validator cannot parse (fuzzed Content-Type); handlers read
                                // the type only
                                .withLevel("validation.request.contentType.invalid", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
            } catch (OpenApiInteractionValidator.ApiLoadException e) {
                throw new IllegalStateException(SPEC + " does not load: " + e.getParseMessages(), e);
            }
        }
    }

    /** Throws an AssertionError naming every difference between the exchange and the contract. */
    public static void check(ApiExchange exchange) {
        Request request = request(exchange);
        ValidationReport requestReport = Holder.VALIDATOR.validateRequest(request);
        CHECKED.incrementAndGet();
        if (requestReport.getMessages().stream().anyMatch(m -> NO_ROUTE_KEYS.contains(m.getKey()))) {
            UNKNOWN_ROUTES.incrementAndGet();
            if (exchange.status() != 404 && exchange.status() != 405) {
                fail(exchange, "a route the contract does not have was answered " + exchange.status(), requestReport);
            }
            return;
        }
        boolean accepted = exchange.status() >= 200 && exchange.status() < 300;
        if (requestReport.hasErrors()) {
            REFUSED_REQUESTS.incrementAndGet();
            if (accepted) fail(exchange, "the handler accepted a request the contract refuses", requestReport);
        }
        ValidationReport responseReport =
                Holder.VALIDATOR.validateResponse(exchange.path(), request.getMethod(), response(exchange));
        if (responseReport.hasErrors()) fail(exchange, "the response is not one the contract declares", responseReport);
    }

    /** How many exchanges were checked in this JVM (printed when the test run ends). */
    public static String summary() {
        return "API contract (infra/openapi.yaml): " + CHECKED.get() + " responses of API tests validated, "
                + REFUSED_REQUESTS.get() + " of them to requests the contract refuses (all answered 4xx), "
                + UNKNOWN_ROUTES.get() + " to routes it does not have (all 404/405)";
    }

    static int checked() {
        return CHECKED.get();
    }

    private static Request request(ApiExchange exchange) {
        var builder = new SimpleRequest.Builder(exchange.method().toUpperCase(Locale.ROOT), exchange.path());
        exchange.requestHeaders().forEach(builder::withHeader);
        exchange.query().forEach(builder::withQueryParam);
        if (exchange.requestBody() != null) builder.withBody(exchange.requestBody());
        return builder.build();
    }

    private static SimpleResponse response(ApiExchange exchange) {
        var builder = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        if (exchange.responseBody() != null) {
            if (exchange.binaryResponse()) builder.withBody(Base64.getDecoder().decode(exchange.responseBody()));
            else builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    private static void fail(ApiExchange exchange, String what, ValidationReport report) {
        String messages = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "  [" + m.getKey() + "] " + m.getMessage())
                .collect(Collectors.joining("\n"));
        throw new AssertionError("Contract infra/openapi.yaml: " + what + ": " + exchange.method() + " "
                + exchange.path() + " -> " + exchange.status() + "\n" + messages + "\n  response body: "
                + abbreviate(exchange.responseBody()));
    }

    private static String abbreviate(String body) {
        if (body == null) return "(none)";
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}

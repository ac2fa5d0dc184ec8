package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * infra/template.yaml against the code: every fact the template repeats (handler classes, routes, tables, indexes,
 * keys, env vars, schedules) is read from the code, the OpenAPI file or docs/infra.md, never restated here, so that a
 * handler, route, table or job added without its template block fails this test with a message naming it.
 */
class TemplateTest {
    static final Template TEMPLATE = Template.load();
    static final Map<String, JsonNode> FUNCTIONS = TEMPLATE.functions();
    static final String ADMIN_PREFIX = "/api/v1/admin/";

    // ---- handlers -------------------------------------------------------------------------------------------

    @Test
    void everyFunctionRunsAHandlerClassOfItsModuleWithTheInterfaceItsEventsNeed() throws Exception {
        Set<String> apiHandlers = new TreeSet<>();
        for (Class<? extends ApiHandler> type : Handlers.all()) apiHandlers.add(type.getName());
        Set<String> triggers = cognitoTriggers();
        for (var entry : FUNCTIONS.entrySet()) {
            String id = entry.getKey();
            JsonNode fn = entry.getValue();
            assertTrue(
                    fn.path("Handler").asText().endsWith("::handleRequest"), id + ": Handler is Class::handleRequest");
            Class<?> type = Class.forName(Template.handlerClass(fn));
            assertFalse(Modifier.isAbstract(type.getModifiers()), id);
            assertTrue(
                    Modifier.isPublic(type.getConstructor().getModifiers()),
                    id + ": Lambda needs a public no-argument constructor");
            boolean http = !Template.events(fn, "HttpApi").isEmpty();
            boolean scheduled = !Template.events(fn, "ScheduleV2").isEmpty();
            boolean trigger = triggers.contains(id);
            // invoked only by another function of the stack (whose role may invoke its alias), like the deadline
            // recompute
            // S3 ObjectCreated events of a bucket of the stack (the uploads' processing, docs/attachments.md)
            boolean objectEvents = !Template.events(fn, "S3").isEmpty();
            boolean invokedOnly = !http && !scheduled && !trigger && !objectEvents && invokedByAnotherFunction(id);
            assertEquals(
                    1,
                    (http ? 1 : 0)
                            + (scheduled ? 1 : 0)
                            + (trigger ? 1 : 0)
                            + (invokedOnly ? 1 : 0)
                            + (objectEvents ? 1 : 0),
                    id
                            + " must be exactly one of: HTTP API function, scheduled function, Cognito trigger, invoked by a function, S3 event function");
            if (http) {
                assertTrue(
                        apiHandlers.contains(type.getName()), id + ": " + type.getName() + " is not in Handlers.all()");
            }
            if (scheduled || invokedOnly || objectEvents) {
                assertTrue(
                        RequestHandler.class.isAssignableFrom(type) && !ApiHandler.class.isAssignableFrom(type),
                        id + ": a scheduled function's handler is a RequestHandler (not an API handler)");
            }
            if (trigger)
                assertTrue(
                        RequestStreamHandler.class.isAssignableFrom(type) && !ApiHandler.class.isAssignableFrom(type),
                        id + ": trigger is a RequestStreamHandler (not an API handler)");
            assertEquals(
                    lambdaJar(type),
                    fn.path("CodeUri").asText(),
                    id + ": CodeUri is the shaded jar of the module holding "
                            + type.getSimpleName()
                            + (FunctionPackagesTest.NEEDS_REPORT_CLIENTS.contains(type.getName())
                                    ? " with the S3 and Lambda clients (-lambda-reports.jar)"
                                    : ""));
        }
    }

    /** Whether some function's role may invoke {@code id}'s alias (an asynchronous hand-over, as to the recompute). */
    static boolean invokedByAnotherFunction(String id) {
        boolean[] found = {false};
        FUNCTIONS.forEach((other, fn) -> {
            JsonNode role = TEMPLATE.resources().get(Template.target(fn.path("Role")));
            if (role == null || other.equals(id)) return;
            Template.walk(role, node -> found[0] |= node.path("Ref").asText().equals(id + ".Alias"));
        });
        return found[0];
    }

    @Test
    void everyLambdaHandlerInTheCodeIsDeployedOnce() throws Exception {
        List<String> deployed = new ArrayList<>();
        FUNCTIONS.values().forEach(fn -> deployed.add(Template.handlerClass(fn)));
        assertEquals(new TreeSet<>(deployed).size(), deployed.size(), "a handler class deployed twice: " + deployed);
        Set<String> inCode = lambdaHandlersInCode();
        for (Class<? extends ApiHandler> type : Handlers.all())
            assertTrue(inCode.contains(type.getName()), "classpath scan missed " + type);
        assertEquals(
                inCode,
                new TreeSet<>(deployed),
                "every concrete RequestHandler/RequestStreamHandler of the banshi modules is a function of the template and vice versa");
    }

    // ---- routes ---------------------------------------------------------------------------------------------

    @Test
    void everyOpenApiRouteIsWiredToExactlyOneFunctionWhoseHandlerServesIt() throws Exception {
        Map<String, String> wired = new TreeMap<>();
        for (var entry : FUNCTIONS.entrySet()) {
            List<String> routes = Template.routes(entry.getValue());
            for (String route : routes) {
                String other = wired.put(route, entry.getKey());
                assertNull(other, route + " is wired to " + other + " and " + entry.getKey());
            }
            for (JsonNode event : Template.events(entry.getValue(), "HttpApi").values()) {
                assertEquals(
                        "HttpApi",
                        Template.target(event.get("ApiId")),
                        entry.getKey() + ": every route on the one HttpApi");
                String payload = event.path("PayloadFormatVersion").asText("2.0");
                assertEquals("2.0", payload, entry.getKey() + ": payload format 2.0");
            }
            if (routes.isEmpty()) continue;
            ApiHandler handler = instantiate(Class.forName(Template.handlerClass(entry.getValue())));
            assertEquals(
                    new TreeSet<>(handler.routeKeys()),
                    new TreeSet<>(routes),
                    entry.getKey() + ": its routes are exactly the routeKeys() of "
                            + handler.getClass().getSimpleName());
        }
        assertEquals(openApiOperations().keySet(), wired.keySet(), "the template's routes are the OpenAPI file's");
    }

    @Test
    void staffRoutesUseTheJwtAuthorizerAndPublicRoutesNone() throws Exception {
        JsonNode auth = TEMPLATE.resources().get("HttpApi").path("Properties").path("Auth");
        String defaultAuthorizer = auth.path("DefaultAuthorizer").asText();
        JsonNode jwt = auth.path("Authorizers").path(defaultAuthorizer);
        assertEquals("$request.header.Authorization", jwt.path("IdentitySource").asText());
        assertTrue(jwt.path("JwtConfiguration").has("issuer")
                && jwt.path("JwtConfiguration").has("audience"));
        Map<String, JsonNode> operations = openApiOperations();
        for (var entry : FUNCTIONS.entrySet()) {
            for (JsonNode event : Template.events(entry.getValue(), "HttpApi").values()) {
                String route =
                        event.path("Method").asText() + " " + event.path("Path").asText();
                boolean staff = event.path("Path").asText().startsWith(ADMIN_PREFIX);
                // explicit everywhere: the staff JWT scheme on staff routes, security: [] on public ones
                assertTrue(operations.get(route).has("security"), route + ": OpenAPI security stated");
                boolean openApiSecured = !operations.get(route).path("security").isEmpty();
                assertEquals(staff, openApiSecured, route + ": OpenAPI security iff a staff route");
                String authorizer = event.path("Auth").path("Authorizer").asText(defaultAuthorizer);
                assertEquals(staff ? defaultAuthorizer : "NONE", authorizer, route);
            }
        }
    }

    // ---- tables ---------------------------------------------------------------------------------------------

    @Test
    void tablesIndexesKeysAndTtlAreTheCodes() {
        String prefix = tablePrefixOfFunctions();
        Map<String, JsonNode> tables = new TreeMap<>();
        TEMPLATE.resourcesOfType("AWS::DynamoDB::Table").forEach((id, table) -> {
            String name =
                    table.path("Properties").path("TableName").path("Fn::Sub").asText();
            assertTrue(
                    name.startsWith(prefix),
                    id + ": TableName is !Sub \"" + prefix + "<name>\", the functions' BANSHI_TABLE_PREFIX");
            tables.put(name.substring(prefix.length()), table);
        });
        Set<String> expected = new TreeSet<>();
        Tables.all().forEach(t -> expected.add(t.name()));
        assertEquals(expected, tables.keySet(), "tables of the template vs cn.banshi.store.Tables.all()");
        for (TableSpec spec : Tables.all()) {
            JsonNode table = tables.get(spec.name());
            JsonNode p = table.path("Properties");
            assertEquals("RetainExceptOnCreate", table.path("DeletionPolicy").asText(), spec.name());
            assertEquals("Retain", table.path("UpdateReplacePolicy").asText(), spec.name());
            assertEquals("PAY_PER_REQUEST", p.path("BillingMode").asText(), spec.name());
            assertEquals(
                    "DeletionProtection",
                    p.path("DeletionProtectionEnabled").path("Ref").asText(),
                    spec.name()
                            + ": deletion protection as the parameter says (off on the first deployment, see DeploymentRulesTest)");
            assertTrue(
                    p.path("PointInTimeRecoverySpecification")
                            .path("PointInTimeRecoveryEnabled")
                            .asBoolean(),
                    spec.name() + ": PITR");
            assertEquals(keys(spec.partitionKey(), spec.sortKey()), keys(p.path("KeySchema")), spec.name());
            Map<String, String> attributes = new TreeMap<>();
            p.path("AttributeDefinitions")
                    .forEach(a -> attributes.put(
                            a.path("AttributeName").asText(),
                            a.path("AttributeType").asText()));
            Map<String, String> expectedAttributes = new TreeMap<>();
            expectedAttributes.put(spec.partitionKey(), "S");
            if (spec.sortKey() != null) expectedAttributes.put(spec.sortKey(), "S");
            Map<String, List<String>> expectedIndexes = new TreeMap<>();
            for (TableSpec.IndexSpec index : spec.indexes()) {
                expectedAttributes.put(index.partitionKey(), "S");
                if (index.sortKey() != null) expectedAttributes.put(index.sortKey(), "S");
                expectedIndexes.put(index.name(), keys(index.partitionKey(), index.sortKey()));
            }
            assertEquals(
                    expectedAttributes,
                    attributes,
                    spec.name() + ": attribute definitions are exactly the key attributes, all strings");
            Map<String, List<String>> indexes = new TreeMap<>();
            p.path("GlobalSecondaryIndexes").forEach(g -> {
                indexes.put(g.path("IndexName").asText(), keys(g.path("KeySchema")));
                assertEquals(
                        "ALL",
                        g.path("Projection").path("ProjectionType").asText(),
                        spec.name() + "/" + g.path("IndexName"));
            });
            assertEquals(expectedIndexes, indexes, spec.name() + ": global secondary indexes");
            assertFalse(p.has("LocalSecondaryIndexes"), spec.name());
            JsonNode ttl = p.path("TimeToLiveSpecification");
            if (spec.ttlAttribute() == null) {
                assertTrue(ttl.isMissingNode(), spec.name() + " has no TTL in the code");
            } else {
                assertEquals(spec.ttlAttribute(), ttl.path("AttributeName").asText(), spec.name() + ": TTL attribute");
                assertTrue(ttl.path("Enabled").asBoolean(), spec.name() + ": TTL enabled");
            }
        }
    }

    private static String tablePrefixOfFunctions() {
        Set<String> prefixes = new TreeSet<>();
        FUNCTIONS.forEach((id, fn) -> {
            JsonNode prefix = fn.path("Environment").path("Variables").path(Tables.PREFIX_ENV);
            assertTrue(prefix.has("Fn::Sub"), id + " sets " + Tables.PREFIX_ENV + " with !Sub");
            prefixes.add(prefix.get("Fn::Sub").asText());
        });
        assertEquals(1, prefixes.size(), "one table prefix for all functions: " + prefixes);
        return prefixes.iterator().next();
    }

    private static List<String> keys(String hash, String range) {
        return range == null ? List.of("HASH " + hash) : List.of("HASH " + hash, "RANGE " + range);
    }

    private static List<String> keys(JsonNode keySchema) {
        List<String> keys = new ArrayList<>();
        keySchema.forEach(k -> keys.add(
                k.path("KeyType").asText() + " " + k.path("AttributeName").asText()));
        keys.sort(null);
        return keys;
    }

    // ---- environment ----------------------------------------------------------------------------------------

    @Test
    void functionsSetOnlyEnvironmentVariablesTheCodeReadsAndNeverTheLocalEndpoint() throws IOException {
        Set<String> read = EnvVars.readByCode(Template.ROOT);
        assertTrue(read.contains(Tables.PREFIX_ENV) && read.contains(DynamoClients.ENDPOINT_ENV), "scan found " + read);
        FUNCTIONS.forEach((id, fn) -> fn.path("Environment")
                .path("Variables")
                .fieldNames()
                .forEachRemaining(name -> {
                    assertTrue(
                            read.contains(name),
                            id + " sets " + name + ", which no code reads (System.getenv): " + read);
                    assertFalse(
                            name.equals(DynamoClients.ENDPOINT_ENV),
                            id + ": the local endpoint must not be set in AWS");
                }));
    }

    // ---- IAM --------------------------------------------------------------------------------------------------

    /** Actions AWS offers no resource-level permission for; allowed on "*" only with the condition named. */
    static final Map<String, String> NO_RESOURCE_LEVEL = Map.of(
            "cloudwatch:PutMetricData",
            "cloudwatch:namespace",
            // SMS to a phone number: SNS has no resource for it; the condition keeps it to the stack's region
            "sns:Publish",
            "aws:RequestedRegion");
    /**
     * Object actions (s3:GetObject, s3:PutObject, s3:PutObjectTagging, ...) on the objects under one key prefix of one
     * bucket of this stack, e.g. !Sub "${ReportsBucket.Arn}/reports/*": S3 names objects only through such a pattern.
     */
    static final Pattern BUCKET_OBJECTS = Pattern.compile("\\$\\{(\\w+)\\.Arn}/[a-z0-9-]+/\\*");

    @Test
    void everyFunctionHasItsOwnRoleAndNoStatementHasAWildcard() {
        Set<String> roles = new TreeSet<>();
        FUNCTIONS.forEach((id, fn) -> {
            String role = Template.target(fn.get("Role"));
            assertNotNull(
                    role,
                    id + ": an explicit Role (else SAM attaches AWSLambdaBasicExecutionRole, whose resource is *)");
            assertTrue(roles.add(role), role + " is shared by two functions");
            assertFalse(fn.has("Policies"), id + ": permissions go in its role");
        });
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        TEMPLATE.resourcesOfType("AWS::IAM::Role").forEach((id, role) -> {
            assertFalse(
                    role.path("Properties").has("ManagedPolicyArns"),
                    id + ": no managed policies (their resources are *)");
            role.path("Properties")
                    .path("Policies")
                    .forEach(p -> documents.put(id + "/" + p.path("PolicyName").asText(), p.path("PolicyDocument")));
        });
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            TEMPLATE.resourcesOfType(type)
                    .forEach((id, p) -> documents.put(id, p.path("Properties").path("PolicyDocument")));
        }
        assertFalse(documents.isEmpty());
        documents.forEach((where, document) -> Template.list(document.path("Statement"))
                .forEach(statement -> {
                    assertEquals("Allow", statement.path("Effect").asText(), where);
                    assertFalse(
                            statement.has("NotAction") || statement.has("NotResource"),
                            where + ": no NotAction/NotResource");
                    List<String> actions = new ArrayList<>();
                    Template.list(statement.path("Action")).forEach(a -> actions.add(a.asText()));
                    for (String action : actions)
                        assertFalse(action.contains("*"), where + ": wildcard action " + action);
                    for (JsonNode resource : Template.list(statement.path("Resource"))) {
                        String text = resource.isTextual()
                                ? resource.asText()
                                : resource.path("Fn::Sub").asText("");
                        if (text.equals("*") && actions.size() == 1 && NO_RESOURCE_LEVEL.containsKey(actions.get(0))) {
                            assertTrue(
                                    statement
                                            .path("Condition")
                                            .toString()
                                            .contains(NO_RESOURCE_LEVEL.get(actions.get(0))),
                                    where);
                            continue;
                        }
                        Matcher objects = BUCKET_OBJECTS.matcher(text);
                        if (objects.matches()
                                && actions.stream()
                                        .allMatch(a -> a.startsWith("s3:")
                                                && (a.endsWith("Object") || a.endsWith("ObjectTagging")))) {
                            assertEquals(
                                    "AWS::S3::Bucket",
                                    TEMPLATE.resources()
                                            .path(objects.group(1))
                                            .path("Type")
                                            .asText(),
                                    where);
                            continue;
                        }
                        assertFalse(text.contains("*"), where + ": wildcard resource " + resource);
                        assertFalse(
                                resource.isTextual(),
                                where + ": resources are named through the template (!GetAtt/!Ref/!Sub), not typed in: "
                                        + resource);
                    }
                    if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:")))
                        checkTableResources(where, statement);
                }));
    }

    /** DynamoDB statements name tables of this template, or indexes that Tables.all() defines on them. */
    private static void checkTableResources(String where, JsonNode statement) {
        Set<String> tables = TEMPLATE.resourcesOfType("AWS::DynamoDB::Table").keySet();
        Pattern index = Pattern.compile("\\$\\{(\\w+)\\.Arn}/index/([a-z0-9-]+)");
        for (JsonNode resource : Template.list(statement.path("Resource"))) {
            if (resource.has("Fn::GetAtt")) {
                assertTrue(tables.contains(Template.target(resource)), where + ": " + resource + " is not a table");
                assertEquals("Arn", resource.get("Fn::GetAtt").get(1).asText(), where);
                continue;
            }
            Matcher m = index.matcher(resource.path("Fn::Sub").asText());
            assertTrue(m.matches(), where + ": DynamoDB resource must be a table ARN or one index: " + resource);
            String table = logicalTableName(m.group(1));
            assertNotNull(table, where + ": " + m.group(1) + " is not a table");
            Tables.spec(table).index(m.group(2)); // throws if the code has no such index on that table
        }
    }

    private static String logicalTableName(String logicalId) {
        JsonNode table = TEMPLATE.resources().get(logicalId);
        if (table == null || !table.path("Type").asText().equals("AWS::DynamoDB::Table")) return null;
        String sub = table.path("Properties").path("TableName").path("Fn::Sub").asText();
        return sub.substring(tablePrefixOfFunctions().length());
    }

    // ---- schedules, dead letters, logs, alarms ----------------------------------------------------------------

    @Test
    void schedulesAndTimeZonesAreTheReadmes() throws IOException {
        Map<String, String> inTemplate = new TreeMap<>();
        // one function may run on several schedules, told apart by their input (the report function's job)
        FUNCTIONS.forEach((id, fn) -> Template.events(fn, "ScheduleV2")
                .forEach((name, p) -> inTemplate.put(
                        id + (p.has("Input") ? " " + p.path("Input").asText() : ""),
                        p.path("ScheduleExpression").asText() + " "
                                + p.path("ScheduleExpressionTimezone").asText())));
        assertFalse(inTemplate.isEmpty());
        assertEquals(
                documentedSchedules(),
                inTemplate,
                "the Schedules table of docs/infra.md and the template's ScheduleV2 events");
        inTemplate.values().forEach(s -> assertTrue(s.endsWith(" Asia/Shanghai"), s));
    }

    static Map<String, String> documentedSchedules() throws IOException {
        List<String> lines = Files.readAllLines(Template.ROOT.resolve("docs/infra.md"));
        int start = lines.indexOf("## Schedules");
        assertTrue(start >= 0, "docs/infra.md has a '## Schedules' section");
        Map<String, String> schedules = new TreeMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|") || line.startsWith("|---") || line.contains("function |")) continue;
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            String input = cells.length > 4 ? cells[4].strip().replace("`", "") : "";
            schedules.put(
                    cells[1].strip().replace("`", "") + (input.isEmpty() || input.equals("—") ? "" : " " + input),
                    cells[2].strip().replace("`", "") + " " + cells[3].strip().replace("`", ""));
        }
        return schedules;
    }

    @Test
    void scheduledFunctionsInvokeTheAliasAndFailIntoTheAlarmedDeadLetterQueue() {
        JsonNode dlqAlarm = TEMPLATE.resources().get("DlqDepthAlarm").path("Properties");
        String alarmedQueue = Template.target(dlqAlarm.path("Dimensions").get(0).path("Value"));
        JsonNode schedulerStatements = TEMPLATE.resources()
                .get("SchedulerRole")
                .path("Properties")
                .path("Policies")
                .get(0)
                .path("PolicyDocument")
                .path("Statement");
        FUNCTIONS.forEach((id, fn) -> Template.events(fn, "ScheduleV2").forEach((name, p) -> {
            assertEquals(
                    alarmedQueue, Template.target(fn.path("DeadLetterQueue").path("TargetArn")), id + ": function DLQ");
            assertEquals(
                    alarmedQueue, Template.target(p.path("DeadLetterConfig").path("Arn")), id + ": scheduler DLQ");
            assertEquals("SchedulerRole", Template.target(p.path("RoleArn")), id);
            boolean invokesAlias = false;
            for (JsonNode s : schedulerStatements) {
                invokesAlias |= s.path("Resource").path("Ref").asText().equals(id + ".Alias");
            }
            assertTrue(invokesAlias, "SchedulerRole may invoke " + id + ".Alias (SnapStart runs published versions)");
        }));
    }

    @Test
    void everyFunctionLogsToItsOwnRetainedGroupAndIsInAThrottleAlarm() {
        List<String> throttled = new ArrayList<>();
        TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")
                .values()
                .forEach(alarm -> Template.walk(alarm, node -> {
                    if (node.path("MetricName").asText().equals("Throttles")) {
                        node.path("Dimensions").forEach(d -> throttled.add(Template.target(d.path("Value"))));
                    }
                }));
        assertEquals(
                new TreeSet<>(FUNCTIONS.keySet()),
                new TreeSet<>(throttled),
                "the throttle alarms cover every function");
        assertEquals(
                new TreeSet<>(throttled).size(), throttled.size(), "each function in one throttle alarm: " + throttled);
        FUNCTIONS.forEach((id, fn) -> {
            String group = Template.target(fn.path("LoggingConfig").path("LogGroup"));
            JsonNode logGroup = TEMPLATE.resources().get(group);
            assertNotNull(logGroup, id + ": LoggingConfig.LogGroup");
            assertTrue(logGroup.path("Properties").has("RetentionInDays"), group);
            String role = Template.target(fn.get("Role"));
            assertTrue(
                    TEMPLATE.resources().get(role).toString().contains("{\"Fn::GetAtt\":[\"" + group + "\",\"Arn\"]}"),
                    role + " may write " + group);
        });
    }

    @Test
    void javaFunctionsRunJava17WithSnapStartOnAPublishedAlias() {
        JsonNode parameters = TEMPLATE.doc.path("Parameters");
        FUNCTIONS.forEach((id, fn) -> {
            assertEquals("java17", fn.path("Runtime").asText(), id);
            assertEquals("live", fn.path("AutoPublishAlias").asText(), id);
            assertEquals(
                    "SnapStart",
                    fn.path("SnapStart").path("ApplyOn").path("Ref").asText(),
                    id);
            assertEquals(
                    "Architecture", fn.path("Architectures").get(0).path("Ref").asText(), id);
            int timeout = fn.path("Timeout").asInt();
            if (!Template.events(fn, "HttpApi").isEmpty()) {
                assertTrue(timeout > 0 && timeout < 30, id + ": below the HTTP API's 30 s integration timeout");
            }
        });
        assertEquals(
                "PublishedVersions",
                parameters.path("SnapStart").path("Default").asText());
        assertEquals("arm64", parameters.path("Architecture").path("Default").asText());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Set<String> cognitoTriggers() {
        Set<String> triggers = new TreeSet<>();
        TEMPLATE.resourcesOfType("AWS::Cognito::UserPool")
                .values()
                .forEach(pool -> Template.walk(pool.path("Properties").path("LambdaConfig"), node -> {
                    if (node.has("Ref")) triggers.add(Template.target(node));
                }));
        return triggers;
    }

    static Map<String, JsonNode> openApiOperations() throws IOException {
        JsonNode doc = CfnYaml.read(Template.ROOT.resolve("infra/openapi.yaml"));
        Map<String, JsonNode> operations = new TreeMap<>();
        doc.get("paths")
                .fields()
                // the local sign-in's routes (x-banshi-local-only) are served by the local gateway only
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (path.getValue().path("x-banshi-local-only").asBoolean(false)) return;
                    if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
                    }
                }));
        return operations;
    }

    private static ApiHandler instantiate(Class<?> type) throws Exception {
        for (var ctor : type.getConstructors()) {
            if (ctor.getParameterCount() == 1 && ctor.getParameterTypes()[0] == AppContext.class) {
                // handlers take their parts at construction: over no client, which reading routes never calls
                return (ApiHandler) ctor.newInstance(new AppContext(null, Clock.systemUTC()));
            }
        }
        return (ApiHandler) type.getConstructor().newInstance();
    }

    /** "../MODULE/target/banshi-MODULE-VERSION-lambda.jar" for the module the class was compiled in. */
    private static String lambdaJar(Class<?> type) throws URISyntaxException {
        Path location =
                Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        String artifact = Files.isDirectory(location)
                ? "banshi-" + location.getParent().getParent().getFileName()
                : location.getFileName().toString().replaceFirst("-\\d.*$", "");
        String version = System.getProperty("banshi.version");
        assertNotNull(version, "surefire passes banshi.version");
        String classifier = FunctionPackagesTest.NEEDS_ATTACHMENT_LIBRARIES.contains(type.getName())
                ? "-lambda-attachments"
                : FunctionPackagesTest.NEEDS_REPORT_CLIENTS.contains(type.getName()) ? "-lambda-reports" : "-lambda";
        return "../" + artifact.substring("banshi-".length()) + "/target/" + artifact + "-" + version + classifier
                + ".jar";
    }

    /** Concrete Lambda handler classes compiled in the banshi modules on the test class path. */
    static Set<String> lambdaHandlersInCode() throws IOException {
        Set<String> handlers = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            List<String> classes = new ArrayList<>();
            if (Files.isDirectory(path) && path.endsWith(Path.of("target", "classes"))) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f ->
                                    classes.add(path.relativize(f).toString().replace(File.separatorChar, '/')));
                }
            } else if (path.getFileName().toString().matches("banshi-[a-z]+-.*\\.jar")
                    && !path.toString().contains("-tests")) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    zip.stream().forEach(e -> classes.add(e.getName()));
                }
            }
            for (String file : classes) {
                if (!file.startsWith("cn/banshi/") || !file.endsWith(".class")) continue;
                String name =
                        file.substring(0, file.length() - ".class".length()).replace('/', '.');
                try {
                    Class<?> type = Class.forName(name, false, TemplateTest.class.getClassLoader());
                    boolean handler = RequestHandler.class.isAssignableFrom(type)
                            || RequestStreamHandler.class.isAssignableFrom(type);
                    if (handler && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) handlers.add(name);
                } catch (LinkageError | ClassNotFoundException unloadable) {
                    // a class whose optional dependencies are absent cannot be a handler we deploy
                }
            }
        }
        if (handlers.isEmpty()) fail("no handler classes found on " + System.getProperty("java.class.path"));
        return handlers;
    }
}

package cn.banshi.infra;

import cn.banshi.json.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Validates a template against the AWS service specification that the npm package @aws-cdk/aws-service-spec
 * ships (db.json.gz: every CloudFormation resource type from the CloudFormation registry schemas, with property
 * types, allowed values, required properties and attributes; Apache-2.0; installed by `npm ci --prefix infra/cfnspec`).
 *
 * CloudFormation resources are checked strictly against it. The package's SAM part is out of date (it names
 * HttpApi's AccessLogSettings "AccessLogSetting" and lacks SnapStart and ScheduleV2), so SAM resources are checked
 * against the property lists of the SAM developer guide below, and their pass-through properties against the
 * CloudFormation types SAM turns them into.
 */
final class ResourceSpec {
    static final Path DB = Template.ROOT.resolve("infra/cfnspec/node_modules/@aws-cdk/aws-service-spec/db.json.gz");

    /** docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html */
    static final Set<String> SAM_FUNCTION = Set.of(
            "Architectures",
            "AssumeRolePolicyDocument",
            "AutoPublishAlias",
            "AutoPublishAliasAllProperties",
            "AutoPublishCodeSha256",
            "CodeSigningConfigArn",
            "CodeUri",
            "DeadLetterQueue",
            "DeploymentPreference",
            "Description",
            "Environment",
            "EphemeralStorage",
            "EventInvokeConfig",
            "Events",
            "FileSystemConfigs",
            "FunctionName",
            "FunctionUrlConfig",
            "Handler",
            "ImageConfig",
            "ImageUri",
            "InlineCode",
            "KmsKeyArn",
            "Layers",
            "LoggingConfig",
            "MemorySize",
            "PackageType",
            "PermissionsBoundary",
            "Policies",
            "PropagateTags",
            "ProvisionedConcurrencyConfig",
            "RecursiveLoop",
            "ReservedConcurrentExecutions",
            "Role",
            "RolePath",
            "Runtime",
            "RuntimeManagementConfig",
            "SnapStart",
            "SourceKMSKeyArn",
            "Tags",
            "Timeout",
            "Tracing",
            "VersionDescription",
            "VpcConfig");
    /** Function properties SAM passes to AWS::Lambda::Function under the same name. */
    static final Set<String> SAM_FUNCTION_PASS_THROUGH = Set.of(
            "Architectures",
            "Description",
            "Environment",
            "EphemeralStorage",
            "FunctionName",
            "Handler",
            "KmsKeyArn",
            "Layers",
            "LoggingConfig",
            "MemorySize",
            "PackageType",
            "RecursiveLoop",
            "ReservedConcurrentExecutions",
            "Role",
            "Runtime",
            "RuntimeManagementConfig",
            "SnapStart",
            "Timeout",
            "VpcConfig");
    /** sam-resource-httpapi.html */
    static final Set<String> SAM_HTTP_API = Set.of(
            "AccessLogSettings",
            "Auth",
            "CorsConfiguration",
            "DefaultRouteSettings",
            "DefinitionBody",
            "DefinitionUri",
            "Description",
            "DisableExecuteApiEndpoint",
            "Domain",
            "FailOnWarnings",
            "Name",
            "PropagateTags",
            "RouteSettings",
            "StageName",
            "StageVariables",
            "Tags");
    /** sam-property-function-httpapi.html, sam-property-function-httpapifunctionauth.html */
    static final Set<String> SAM_HTTP_API_EVENT =
            Set.of("ApiId", "Auth", "Method", "Path", "PayloadFormatVersion", "RouteSettings", "TimeoutInMillis");

    static final Set<String> SAM_HTTP_API_EVENT_AUTH = Set.of("AuthorizationScopes", "Authorizer");
    /** sam-property-function-s3.html: Bucket (a bucket of this template), Events, Filter (a NotificationFilter) */
    static final Set<String> SAM_S3_EVENT = Set.of("Bucket", "Events", "Filter");
    /** sam-property-function-schedulev2.html */
    static final Set<String> SAM_SCHEDULE_V2 = Set.of(
            "DeadLetterConfig",
            "Description",
            "EndDate",
            "FlexibleTimeWindow",
            "GroupName",
            "Input",
            "KmsKeyArn",
            "Name",
            "OmitName",
            "PermissionsBoundary",
            "RetryPolicy",
            "RoleArn",
            "ScheduleExpression",
            "ScheduleExpressionTimezone",
            "StartDate",
            "State");

    static final Set<String> SAM_SCHEDULE_V2_DLQ = Set.of("Arn", "QueueLogicalId", "Type");
    /** sam-property-httpapi-httpapiauth.html, sam-property-httpapi-oauth2authorizer.html */
    static final Set<String> SAM_HTTP_API_AUTH = Set.of("Authorizers", "DefaultAuthorizer", "EnableIamAuthorizer");

    static final Set<String> SAM_JWT_AUTHORIZER = Set.of("AuthorizationScopes", "IdentitySource", "JwtConfiguration");
    static final Set<String> SAM_JWT_CONFIGURATION = Set.of("issuer", "audience");
    static final Set<String> SAM_DEAD_LETTER_QUEUE = Set.of("Type", "TargetArn");

    static final Set<String> RESOURCE_KEYS = Set.of(
            "Type",
            "Properties",
            "Condition",
            "DependsOn",
            "DeletionPolicy",
            "UpdateReplacePolicy",
            "Metadata",
            "UpdatePolicy",
            "CreationPolicy");
    static final Set<String> PSEUDO = Set.of(
            "AWS::AccountId",
            "AWS::NotificationARNs",
            "AWS::NoValue",
            "AWS::Partition",
            "AWS::Region",
            "AWS::StackId",
            "AWS::StackName",
            "AWS::URLSuffix");

    private final Map<String, JsonNode> resourceTypes = new HashMap<>();
    private final Map<String, JsonNode> typeDefinitions = new HashMap<>();

    private ResourceSpec(JsonNode db) {
        db.path("schema")
                .path("resource")
                .path("entities")
                .forEach(r -> resourceTypes.put(r.path("cloudFormationType").asText(), r));
        db.path("schema")
                .path("typeDefinition")
                .path("entities")
                .forEach(t -> typeDefinitions.put(t.path("$id").asText(), t));
    }

    static ResourceSpec load() throws IOException {
        if (!Files.isRegularFile(DB)) {
            throw new IllegalStateException(
                    "The AWS resource specification is not installed: run `npm ci --prefix infra/cfnspec`"
                            + " (./banshi test does it). Looked for " + DB);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DB), 1 << 16);
                JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            parser.nextToken();
            return new ResourceSpec(read(parser));
        }
    }

    /** Reads the tree without the "documentation" texts, which are most of the file's 15 MB. */
    private static JsonNode read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = Json.object();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("documentation")) parser.skipChildren();
                    else object.set(name, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = Json.mapper().createArrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) array.add(read(parser));
                return array;
            }
            case VALUE_STRING -> {
                return TextNode.valueOf(parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return BooleanNode.valueOf(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NullNode.getInstance();
            }
            case VALUE_NUMBER_INT -> {
                return LongNode.valueOf(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return DoubleNode.valueOf(parser.getDoubleValue());
            }
            default -> throw new IOException("unexpected " + parser.currentToken() + " in " + DB);
        }
    }

    int resourceTypeCount() {
        return resourceTypes.size();
    }

    /** Every problem found in the template, as "where: what". Empty when it is valid. */
    List<String> validate(Template template) {
        List<String> errors = new ArrayList<>();
        JsonNode resources = template.resources();
        resources.fields().forEachRemaining(e -> {
            String id = e.getKey();
            JsonNode resource = e.getValue();
            resource.fieldNames().forEachRemaining(k -> {
                if (!RESOURCE_KEYS.contains(k)) errors.add(id + ": unknown resource attribute " + k);
            });
            String type = resource.path("Type").asText();
            JsonNode props = resource.path("Properties");
            switch (type) {
                case "AWS::Serverless::Function" ->
                    samFunction(id, template.functions().get(id), errors);
                case "AWS::Serverless::HttpApi" -> samHttpApi(id, props, errors);
                default -> {
                    JsonNode spec = resourceTypes.get(type);
                    if (spec == null) errors.add(id + ": no resource type " + type);
                    else properties(id, props, spec.path("properties"), true, errors);
                }
            }
        });
        template.doc.path("Globals").path("Function").fieldNames().forEachRemaining(k -> {
            if (!SAM_FUNCTION.contains(k)) errors.add("Globals.Function: unknown property " + k);
        });
        references(template, errors);
        return errors;
    }

    // ---- SAM ----------------------------------------------------------------------------------------------------

    private void samFunction(String id, JsonNode props, List<String> errors) {
        JsonNode lambda = resourceTypes.get("AWS::Lambda::Function").path("properties");
        for (String required : List.of("Handler", "Runtime", "CodeUri")) {
            if (!props.has(required)) errors.add(id + ": missing " + required);
        }
        props.fields().forEachRemaining(p -> {
            String name = p.getKey();
            if (!SAM_FUNCTION.contains(name)) errors.add(id + ": unknown SAM function property " + name);
            else if (SAM_FUNCTION_PASS_THROUGH.contains(name))
                value(id + "." + name, p.getValue(), lambda.path(name).path("type"), errors);
        });
        JsonNode dlq = props.path("DeadLetterQueue");
        keys(id + ".DeadLetterQueue", dlq, SAM_DEAD_LETTER_QUEUE, errors);
        JsonNode schedule = resourceTypes.get("AWS::Scheduler::Schedule").path("properties");
        JsonNode target = definition(schedule.path("Target").path("type"));
        props.path("Events").fields().forEachRemaining(ev -> {
            String where = id + ".Events." + ev.getKey();
            JsonNode p = ev.getValue().path("Properties");
            switch (ev.getValue().path("Type").asText()) {
                case "HttpApi" -> {
                    keys(where, p, SAM_HTTP_API_EVENT, errors);
                    keys(where + ".Auth", p.path("Auth"), SAM_HTTP_API_EVENT_AUTH, errors);
                    for (String required : List.of("ApiId", "Method", "Path"))
                        if (!p.has(required)) errors.add(where + ": missing " + required);
                }
                case "ScheduleV2" -> {
                    keys(where, p, SAM_SCHEDULE_V2, errors);
                    if (!p.has("ScheduleExpression")) errors.add(where + ": missing ScheduleExpression");
                    value(
                            where + ".FlexibleTimeWindow",
                            p.path("FlexibleTimeWindow"),
                            schedule.path("FlexibleTimeWindow").path("type"),
                            errors);
                    value(
                            where + ".RetryPolicy",
                            p.path("RetryPolicy"),
                            target.path("properties").path("RetryPolicy").path("type"),
                            errors);
                    value(
                            where + ".State",
                            p.path("State"),
                            schedule.path("State").path("type"),
                            errors);
                    keys(where + ".DeadLetterConfig", p.path("DeadLetterConfig"), SAM_SCHEDULE_V2_DLQ, errors);
                }
                case "S3" -> {
                    keys(where, p, SAM_S3_EVENT, errors);
                    for (String required : List.of("Bucket", "Events"))
                        if (!p.has(required)) errors.add(where + ": missing " + required);
                    if (!p.path("Bucket").has("Ref"))
                        errors.add(where + ".Bucket: SAM needs a Ref to a bucket of this template");
                    keys(where + ".Filter", p.path("Filter"), Set.of("S3Key"), errors);
                    keys(where + ".Filter.S3Key", p.path("Filter").path("S3Key"), Set.of("Rules"), errors);
                    for (JsonNode rule : p.path("Filter").path("S3Key").path("Rules")) {
                        keys(where + ".Filter.S3Key.Rules", rule, Set.of("Name", "Value"), errors);
                        if (!Set.of("prefix", "suffix")
                                .contains(rule.path("Name").asText()))
                            errors.add(where + ".Filter.S3Key.Rules: Name must be prefix or suffix");
                    }
                }
                default ->
                    errors.add(where + ": event type "
                            + ev.getValue().path("Type").asText() + " is not checked here; add it");
            }
        });
    }

    private void samHttpApi(String id, JsonNode props, List<String> errors) {
        keys(id, props, SAM_HTTP_API, errors);
        JsonNode stage = resourceTypes.get("AWS::ApiGatewayV2::Stage").path("properties");
        JsonNode api = resourceTypes.get("AWS::ApiGatewayV2::Api").path("properties");
        value(
                id + ".AccessLogSettings",
                props.path("AccessLogSettings"),
                stage.path("AccessLogSettings").path("type"),
                errors);
        value(
                id + ".DefaultRouteSettings",
                props.path("DefaultRouteSettings"),
                stage.path("DefaultRouteSettings").path("type"),
                errors);
        props.path("RouteSettings")
                .fields()
                .forEachRemaining(r -> value(
                        id + ".RouteSettings." + r.getKey(),
                        r.getValue(),
                        stage.path("DefaultRouteSettings").path("type"),
                        errors));
        value(
                id + ".CorsConfiguration",
                props.path("CorsConfiguration"),
                api.path("CorsConfiguration").path("type"),
                errors);
        JsonNode auth = props.path("Auth");
        keys(id + ".Auth", auth, SAM_HTTP_API_AUTH, errors);
        auth.path("Authorizers").fields().forEachRemaining(a -> {
            keys(id + ".Auth.Authorizers." + a.getKey(), a.getValue(), SAM_JWT_AUTHORIZER, errors);
            keys(
                    id + ".Auth.Authorizers." + a.getKey() + ".JwtConfiguration",
                    a.getValue().path("JwtConfiguration"),
                    SAM_JWT_CONFIGURATION,
                    errors);
        });
        if (auth.has("DefaultAuthorizer")
                && !auth.path("Authorizers").has(auth.path("DefaultAuthorizer").asText())) {
            errors.add(id + ".Auth: DefaultAuthorizer names no authorizer");
        }
    }

    private static void keys(String where, JsonNode node, Set<String> allowed, List<String> errors) {
        if (node.isMissingNode() || Template.isIntrinsic(node)) return;
        if (!node.isObject()) {
            errors.add(where + ": expected an object");
            return;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) errors.add(where + ": unknown property " + k);
        });
    }

    // ---- CloudFormation types -------------------------------------------------------------------------------------

    private JsonNode definition(JsonNode refType) {
        return typeDefinitions.get(refType.path("reference").path("$ref").asText());
    }

    private void properties(
            String where, JsonNode props, JsonNode definitions, boolean checkRequired, List<String> errors) {
        if (props.isMissingNode()) props = Json.object();
        if (Template.isIntrinsic(props)) return;
        if (!props.isObject()) {
            errors.add(where + ": expected an object, found " + props);
            return;
        }
        props.fields().forEachRemaining(p -> {
            JsonNode definition = definitions.get(p.getKey());
            if (definition == null) errors.add(where + ": unknown property " + p.getKey());
            else value(where + "." + p.getKey(), p.getValue(), definition.path("type"), errors);
        });
        if (checkRequired) {
            JsonNode given = props;
            definitions.fields().forEachRemaining(d -> {
                if (d.getValue().path("required").asBoolean() && !given.has(d.getKey()))
                    errors.add(where + ": missing required " + d.getKey());
            });
        }
    }

    private void value(String where, JsonNode v, JsonNode type, List<String> errors) {
        if (v == null || v.isMissingNode()) return;
        if (type.isMissingNode()) {
            errors.add(where + ": no type known");
            return;
        }
        if (Template.isIntrinsic(v)) {
            if (v.has("Fn::If") && v.get("Fn::If").size() == 3) {
                for (int i = 1; i <= 2; i++) {
                    JsonNode branch = v.get("Fn::If").get(i);
                    if (!"AWS::NoValue".equals(branch.path("Ref").asText())) value(where, branch, type, errors);
                }
            }
            return;
        }
        switch (type.path("type").asText()) {
            case "string" -> {
                if (!v.isValueNode() || v.isNull()) errors.add(where + ": expected a string, found " + v);
                else if (type.has("allowedValues")
                        && v.isTextual()
                        && !contains(type.get("allowedValues"), v.asText())) {
                    errors.add(where + ": " + v.asText() + " is not one of " + type.get("allowedValues"));
                }
            }
            case "integer", "number" -> {
                if (!(v.isNumber() || v.isTextual() && v.asText().matches("-?\\d+(\\.\\d+)?")))
                    errors.add(where + ": expected a number, found " + v);
            }
            case "boolean" -> {
                if (!(v.isBoolean() || v.isTextual() && v.asText().matches("true|false")))
                    errors.add(where + ": expected a boolean, found " + v);
            }
            case "date-time" -> {
                if (!v.isTextual()) errors.add(where + ": expected a timestamp, found " + v);
            }
            case "json" -> {}
            case "tag" -> {
                if (!v.isObject() || !v.has("Key") || !v.has("Value"))
                    errors.add(where + ": expected {Key, Value}, found " + v);
            }
            case "array" -> {
                if (!v.isArray()) errors.add(where + ": expected a list, found " + v);
                else
                    for (int i = 0; i < v.size(); i++) {
                        if (!"AWS::NoValue".equals(v.get(i).path("Ref").asText()))
                            value(where + "[" + i + "]", v.get(i), type.path("element"), errors);
                    }
            }
            case "map" -> {
                if (!v.isObject()) errors.add(where + ": expected a map, found " + v);
                else
                    v.fields()
                            .forEachRemaining(
                                    f -> value(where + "." + f.getKey(), f.getValue(), type.path("element"), errors));
            }
            case "ref" -> {
                JsonNode definition = definition(type);
                if (definition == null) errors.add(where + ": unknown type " + type);
                else properties(where, v, definition.path("properties"), true, errors);
            }
            case "union" -> {
                List<String> best = null;
                for (JsonNode alternative : type.path("types")) {
                    List<String> attempt = new ArrayList<>();
                    value(where, v, alternative, attempt);
                    if (attempt.isEmpty()) return;
                    if (best == null || attempt.size() < best.size()) best = attempt;
                }
                errors.addAll(best == null ? List.of(where + ": empty union") : best);
            }
            default -> errors.add(where + ": unknown kind of type " + type);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) if (v.asText().equals(value)) return true;
        return false;
    }

    // ---- references ---------------------------------------------------------------------------------------------

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private void references(Template template, List<String> errors) {
        JsonNode resources = template.resources();
        Set<String> parameters = Template.names(template.doc.path("Parameters").fieldNames());
        Set<String> conditions = Template.names(template.doc.path("Conditions").fieldNames());
        Set<String> aliases = new HashSet<>();
        template.functions().forEach((id, fn) -> {
            if (fn.has("AutoPublishAlias")) {
                aliases.add(id + ".Alias");
                aliases.add(id + ".Version");
            }
        });
        resources.fields().forEachRemaining(e -> {
            String condition = e.getValue().path("Condition").asText(null);
            if (condition != null && !conditions.contains(condition))
                errors.add(e.getKey() + ": no condition " + condition);
            Template.list(e.getValue().path("DependsOn")).forEach(d -> {
                if (!resources.has(d.asText())) errors.add(e.getKey() + ": DependsOn unknown " + d.asText());
            });
        });
        template.doc.path("Outputs").fields().forEachRemaining(o -> {
            String condition = o.getValue().path("Condition").asText(null);
            if (condition != null && !conditions.contains(condition))
                errors.add("Outputs." + o.getKey() + ": no condition " + condition);
        });
        Template.walk(template.doc, node -> {
            if (!node.isObject()) return;
            if (node.has("Ref") && node.size() == 1) {
                String name = node.get("Ref").asText();
                if (!(parameters.contains(name)
                        || resources.has(name)
                        || PSEUDO.contains(name)
                        || aliases.contains(name))) {
                    errors.add("Ref to unknown " + name);
                }
            }
            if (node.has("Fn::GetAtt") && node.size() == 1)
                getAtt(
                        resources,
                        node.get("Fn::GetAtt").get(0).asText(),
                        node.get("Fn::GetAtt").get(1).asText(),
                        errors);
            if (node.has("Fn::If")
                    && node.size() == 1
                    && !conditions.contains(node.get("Fn::If").get(0).asText())) {
                errors.add("Fn::If on unknown condition "
                        + node.get("Fn::If").get(0).asText());
            }
            if (node.has("Condition")
                    && node.size() == 1
                    && node.get("Condition").isTextual()
                    && !conditions.contains(node.get("Condition").asText())) {
                errors.add("unknown condition " + node.get("Condition").asText());
            }
            if (node.has("Fn::Sub") && node.size() == 1) {
                JsonNode sub = node.get("Fn::Sub");
                String text = sub.isArray() ? sub.get(0).asText() : sub.asText();
                Set<String> local = sub.isArray() ? Template.names(sub.get(1).fieldNames()) : Set.of();
                Matcher m = SUB_VARIABLE.matcher(text);
                while (m.find()) {
                    String variable = m.group(1);
                    if (local.contains(variable)) continue;
                    int dot = variable.indexOf('.');
                    if (dot > 0) getAtt(resources, variable.substring(0, dot), variable.substring(dot + 1), errors);
                    else if (!(parameters.contains(variable) || resources.has(variable) || PSEUDO.contains(variable))) {
                        errors.add("Fn::Sub ${" + variable + "} names nothing");
                    }
                }
            }
        });
    }

    private void getAtt(JsonNode resources, String resource, String attribute, List<String> errors) {
        JsonNode target = resources.get(resource);
        if (target == null) {
            errors.add("GetAtt of unknown resource " + resource);
            return;
        }
        JsonNode spec = resourceTypes.get(target.path("Type").asText());
        if (spec != null && !spec.path("attributes").has(attribute)) {
            errors.add("GetAtt " + resource + "." + attribute + ": "
                    + target.path("Type").asText() + " has no such attribute");
        }
    }
}

package cn.banshi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service limits and deployment rules the template depends on, which no offline tool checks for us: each
 * method returns the template's violations of one rule ("where: what"), empty when it holds.
 */
final class DeploymentRules {
    /** PutMetricAlarm: at most 10 MetricStat queries and 10 expressions (20 queries) in one alarm's Metrics. */
    static final int MAX_METRIC_STATS = 10;

    static final int MAX_EXPRESSIONS = 10;

    private DeploymentRules() {}

    static List<String> metricsPerAlarm(Template template) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            int stats = 0;
            int expressions = 0;
            for (JsonNode query : branches(alarm.path("Properties").path("Metrics"))) {
                if (query.has("MetricStat")) stats++;
                if (query.has("Expression")) expressions++;
            }
            if (stats > MAX_METRIC_STATS)
                violations.add(id + ": " + stats + " metrics, CloudWatch allows " + MAX_METRIC_STATS + " per alarm");
            if (expressions > MAX_EXPRESSIONS)
                violations.add(id + ": " + expressions + " expressions, CloudWatch allows " + MAX_EXPRESSIONS);
        });
        return violations;
    }

    /** Named resources: the name contains the stage, and for account-wide names the region (see PhysicalNames). */
    static List<String> namesIncludeStageAndRegion(Template template) {
        List<String> violations = new ArrayList<>();
        template.resources().fields().forEachRemaining(e -> {
            String type = e.getValue().path("Type").asText();
            String name = PhysicalNames.of(type, e.getValue());
            if (name == null) return;
            PhysicalNames.NameProperty property = PhysicalNames.BY_TYPE.get(type);
            List<String> missing = PhysicalNames.missing(property.scope(), name);
            if (!missing.isEmpty()) {
                violations.add(
                        e.getKey() + ": " + property.path() + " \"" + name + "\" lacks " + missing + " (unique per "
                                + property.scope().name().toLowerCase() + ", so two stages or regions would collide)");
            }
        });
        template.functions()
                .forEach((id, fn) -> Template.events(fn, "ScheduleV2").forEach((event, p) -> {
                    boolean omitted = "true".equals(p.path("OmitName").asText());
                    String name = p.has("Name") ? PhysicalNames.text(p.get("Name")) : null;
                    if (!omitted && (name == null || !name.contains("${Stage}"))) {
                        violations.add(id + ".Events." + event + ": a ScheduleV2 event without OmitName: true is named "
                                + (name == null ? "after its logical id (" + id + event + ")" : "\"" + name + "\"")
                                + ", the same in every stack of the account and region");
                    }
                }));
        return violations;
    }

    /**
     * Retained resources use RetainExceptOnCreate: a plain Retain keeps what a failed first deployment created, and
     * the retry then stops at "already exists" for every fixed name. UpdateReplacePolicy has no such value.
     */
    static List<String> retainExceptOnCreate(Template template) {
        List<String> violations = new ArrayList<>();
        template.resources().fields().forEachRemaining(e -> {
            String deletion = e.getValue().path("DeletionPolicy").asText("Delete");
            String replace = e.getValue().path("UpdateReplacePolicy").asText("Delete");
            String name = PhysicalNames.of(e.getValue().path("Type").asText(), e.getValue());
            if (deletion.equals("Retain")) {
                violations.add(e.getKey() + ": DeletionPolicy Retain"
                        + (name == null ? "" : " with the fixed name \"" + name + "\"")
                        + "; use RetainExceptOnCreate so that a rolled-back first deployment leaves nothing behind");
            }
            if (!Set.of("Delete", "Retain", "Snapshot").contains(replace)) {
                violations.add(e.getKey() + ": UpdateReplacePolicy " + replace + " is not Delete, Retain or Snapshot");
            }
        });
        return violations;
    }

    /**
     * Every alias-published function publishes a new version when a parameter its configuration reads changes. SAM
     * names the version after a hash of the code and the literal Environment/MemorySize/SnapStart, unresolved, so a
     * parameter change alone publishes nothing; AutoPublishCodeSha256 replaces that hash with its own first 10
     * characters and SAM accepts it only as a string or a Ref to a parameter. Hence: a Ref to a String parameter,
     * without a default (a stale value publishes nothing), admitting only letters and digits in its first 10 places
     * (they become the version's logical id), which infra/release.sh computes from the code and every parameter.
     */
    static List<String> publishHashCoversParameters(Template template) {
        List<String> violations = new ArrayList<>();
        JsonNode parameters = template.doc.path("Parameters");
        template.functions().forEach((id, fn) -> {
            if (!fn.has("AutoPublishAlias")) return;
            Set<String> read = new TreeSet<>();
            for (String property : List.of("Environment", "SnapStart", "Architectures", "MemorySize", "Timeout")) {
                read.addAll(parametersIn(fn.path(property), parameters));
            }
            if (read.isEmpty()) return;
            JsonNode hash = fn.path("AutoPublishCodeSha256");
            String parameter = hash.path("Ref").asText(null);
            if (hash.isMissingNode()) {
                violations.add(id + ": reads the parameters " + read
                        + " but has no AutoPublishCodeSha256, so a deployment that"
                        + " changes only them publishes no version and the alias keeps the old settings");
            } else if (parameter == null || hash.size() != 1 || !parameters.has(parameter)) {
                violations.add(
                        id + ": AutoPublishCodeSha256 " + hash + " is not a Ref to a parameter (SAM resolves parameter"
                                + " Refs only and rejects anything else, e.g. !Sub, as 'must be a string')");
            } else {
                JsonNode definition = parameters.get(parameter);
                if (!"String".equals(definition.path("Type").asText())) violations.add(parameter + ": Type String");
                if (definition.has("Default"))
                    violations.add(parameter + ": no Default (a value left unchanged publishes nothing)");
                Pattern allowed =
                        Pattern.compile(definition.path("AllowedPattern").asText(".*"));
                for (String bad : List.of("gaocheng,x1", "abc", "")) {
                    if (allowed.matcher(bad).matches()) {
                        violations.add(parameter + ": AllowedPattern admits \"" + bad
                                + "\" (the first 10 characters must be letters or digits)");
                    }
                }
            }
        });
        return violations;
    }

    private static Set<String> parametersIn(JsonNode node, JsonNode parameters) {
        Set<String> found = new TreeSet<>();
        Pattern variable = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
        Template.walk(node, n -> {
            if (n.isObject() && n.has("Ref") && parameters.has(n.get("Ref").asText()))
                found.add(n.get("Ref").asText());
            if (n.isObject() && n.has("Fn::Sub")) {
                JsonNode sub = n.get("Fn::Sub");
                Matcher m = variable.matcher(sub.isArray() ? sub.get(0).asText() : sub.asText());
                while (m.find()) if (parameters.has(m.group(1))) found.add(m.group(1));
            }
        });
        return found;
    }

    /**
     * Stack deletion and a create rollback can delete what they should: a bucket CloudFormation deletes (policy
     * Delete) is not versioned, since emptying a versioned bucket takes deleting every version, which the runbook's
     * `aws s3 rm --recursive` does not; a resource a rollback deletes has no deletion protection with the default
     * parameter values (the rollback would fail and leave it for the retry to collide with).
     */
    static List<String> deletionsCanSucceed(Template template) {
        List<String> violations = new ArrayList<>();
        StackParameters defaults = StackParameters.defaults(template);
        template.resources().fields().forEachRemaining(e -> {
            JsonNode resource = e.getValue();
            if (resource.has("Condition")
                    && !defaults.condition(resource.get("Condition").asText())) return;
            String type = resource.path("Type").asText();
            String deletion = resource.path("DeletionPolicy").asText("Delete");
            JsonNode p = resource.path("Properties");
            if (type.equals("AWS::S3::Bucket")
                    && deletion.equals("Delete")
                    && "Enabled"
                            .equals(defaults.evaluate(
                                            p.path("VersioningConfiguration").path("Status"))
                                    .asText())) {
                violations.add(e.getKey()
                        + ": a versioned bucket with DeletionPolicy Delete: stack deletion fails on its old versions");
            }
            if (deletion.equals("Retain")) return;
            boolean protectedTable = type.equals("AWS::DynamoDB::Table")
                    && p.has("DeletionProtectionEnabled")
                    && "true"
                            .equals(defaults.evaluate(p.get("DeletionProtectionEnabled"))
                                    .asText());
            boolean protectedPool = type.equals("AWS::Cognito::UserPool")
                    && p.has("DeletionProtection")
                    && "ACTIVE"
                            .equals(defaults.evaluate(p.get("DeletionProtection"))
                                    .asText());
            if (protectedTable || protectedPool) {
                violations.add(e.getKey() + ": deletion protection on at creation with DeletionPolicy " + deletion
                        + ": a rolled-back first deployment cannot delete it");
            }
        });
        return violations;
    }

    /** Each bucket's policy denies every S3 action on the bucket and its objects without TLS. */
    static List<String> bucketsRefuseInsecureTransport(Template template) {
        List<String> violations = new ArrayList<>();
        Map<String, JsonNode> policies = template.resourcesOfType("AWS::S3::BucketPolicy");
        for (String bucket : template.resourcesOfType("AWS::S3::Bucket").keySet()) {
            boolean denied = false;
            for (JsonNode policy : policies.values()) {
                if (!bucket.equals(Template.target(policy.path("Properties").path("Bucket")))) continue;
                for (JsonNode s : branches(
                        policy.path("Properties").path("PolicyDocument").path("Statement"))) {
                    String resources = s.path("Resource").toString();
                    denied |= "Deny".equals(s.path("Effect").asText())
                            && "\"*\"".equals(s.path("Principal").toString())
                            && "s3:*".equals(s.path("Action").asText())
                            && resources.contains("{\"Fn::GetAtt\":[\"" + bucket + "\",\"Arn\"]}")
                            && resources.contains("${" + bucket + ".Arn}/*")
                            && "false"
                                    .equals(s.path("Condition")
                                            .path("Bool")
                                            .path("aws:SecureTransport")
                                            .asText());
                }
            }
            if (!denied) {
                violations.add(bucket + ": no bucket policy statement denying s3:* on the bucket and its objects when"
                        + " aws:SecureTransport is false");
            }
        }
        return violations;
    }

    /** s3:ListBucket only with an s3:prefix condition (the bucket's other keys are not listed). */
    static List<String> listingsNameAPrefix(Template template) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::IAM::Role")
                .forEach((id, role) -> role.path("Properties")
                        .path("Policies")
                        .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(s -> {
                            boolean lists = s.path("Action").toString().contains("\"s3:ListBucket\"");
                            if (lists && !s.path("Condition").toString().contains("\"s3:prefix\"")) {
                                violations.add(id + ": s3:ListBucket without an s3:prefix condition");
                            }
                        })));
        return violations;
    }

    /** Scan grants limited to the attributes asked for: dynamodb:Attributes and dynamodb:Select conditions. */
    static List<String> scansLimitedToTheirProjection(Template template) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::IAM::Role")
                .forEach((id, role) -> role.path("Properties")
                        .path("Policies")
                        .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(s -> {
                            if (!s.path("Action").toString().contains("\"dynamodb:Scan\"")) return;
                            JsonNode condition = s.path("Condition");
                            if (!condition.path("ForAllValues:StringEquals").has("dynamodb:Attributes")
                                    || !"SPECIFIC_ATTRIBUTES"
                                            .equals(condition
                                                    .path("StringEquals")
                                                    .path("dynamodb:Select")
                                                    .asText())) {
                                violations.add(
                                        id + ": dynamodb:Scan without ForAllValues:StringEquals dynamodb:Attributes and"
                                                + " StringEquals dynamodb:Select SPECIFIC_ATTRIBUTES: it may read every attribute");
                            }
                        })));
        return violations;
    }

    /** Without the user pool, CloudFormation refuses an empty JWT audience (which HTTP API would take as [""]). */
    static List<String> emptyAudienceRefused(Template template) {
        List<String> refused = StackParameters.of(
                        template,
                        Map.of(
                                "CreateUserPool",
                                "false",
                                "JwtIssuer",
                                "https://idp.example.gov.cn/realms/banshi",
                                "JwtAudience",
                                ""))
                .refusals();
        List<String> accepted = StackParameters.of(
                        template,
                        Map.of(
                                "CreateUserPool",
                                "false",
                                "JwtIssuer",
                                "https://idp.example.gov.cn/realms/banshi",
                                "JwtAudience",
                                "banshi-staff",
                                "WebAclArn",
                                WafTemplateTest.SOME_WEB_ACL))
                .refusals();
        List<String> violations = new ArrayList<>();
        if (refused.isEmpty())
            violations.add(
                    "Rules: CreateUserPool=false with an empty JwtAudience is accepted; every token's audience would go unchecked");
        if (!accepted.isEmpty()) violations.add("Rules: a valid issuer and audience are refused: " + accepted);
        return violations;
    }

    /** Values of a list, with an Fn::If's branches in place of the Fn::If (AWS::NoValue dropped). */
    static List<JsonNode> branches(JsonNode list) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode item : Template.list(list)) {
            if (item.has("Fn::If")) {
                for (int i = 1; i <= 2; i++) {
                    JsonNode branch = item.get("Fn::If").get(i);
                    if (!"AWS::NoValue".equals(branch.path("Ref").asText())) values.add(branch);
                }
            } else {
                values.add(item);
            }
        }
        return values;
    }
}

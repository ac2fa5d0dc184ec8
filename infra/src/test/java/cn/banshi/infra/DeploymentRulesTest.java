package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.batch.cases.CaseFact;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The service limits and deployment rules of {@link DeploymentRules} hold for infra/template.yaml, and each is
 * proved able to fail: the test breaks a copy of the template the way the rule forbids and expects it caught.
 */
class DeploymentRulesTest {
    static final Template TEMPLATE = Template.load();
    static final Path WEB = Template.ROOT.resolve("web");
    static final Path RUNBOOK = Template.ROOT.resolve("docs/deploy.md");

    @Test
    void everyAlarmStaysWithinCloudWatchsTenMetrics() {
        holds(DeploymentRules::metricsPerAlarm);
        caught(DeploymentRules::metricsPerAlarm, "Api5xxRateAlarm: 11 metrics", t -> {
            ArrayNode metrics = (ArrayNode) properties(t, "Api5xxRateAlarm").get("Metrics");
            int stats = 0;
            for (JsonNode m : metrics) stats += m.has("MetricStat") ? 1 : 0;
            for (JsonNode stat = metrics.get(0); stats < 11; stats++) metrics.add(stat.deepCopy());
        });
    }

    @Test
    void namedResourcesAndSchedulesCarryTheStageAndAccountWideNamesTheRegion() {
        holds(DeploymentRules::namesIncludeStageAndRegion);
        caught(
                DeploymentRules::namesIncludeStageAndRegion,
                "CasesTable: TableName \"banshi-cases\" lacks [${Stage}]",
                t -> properties(t, "CasesTable").set("TableName", sub("banshi-cases")));
        caught(
                DeploymentRules::namesIncludeStageAndRegion,
                "SiteOriginAccessControl: OriginAccessControlConfig.Name"
                        + " \"banshi-${Stage}-site\" lacks [${AWS::Region}]",
                t -> ((ObjectNode) properties(t, "SiteOriginAccessControl").get("OriginAccessControlConfig"))
                        .set("Name", sub("banshi-${Stage}-site")));
        caught(
                DeploymentRules::namesIncludeStageAndRegion,
                "OverdueSweepFunction.Events.Daily: a ScheduleV2 event without"
                        + " OmitName: true is named after its logical id (OverdueSweepFunctionDaily)",
                t -> ((ObjectNode) properties(t, "OverdueSweepFunction")
                                .path("Events")
                                .path("Daily")
                                .path("Properties"))
                        .remove("OmitName"));
    }

    @Test
    void retainedResourcesAreRetainedExceptWhenTheirOwnCreationRollsBack() {
        holds(DeploymentRules::retainExceptOnCreate);
        caught(
                DeploymentRules::retainExceptOnCreate,
                "CasesTable: DeletionPolicy Retain with the fixed name \"banshi-${Stage}-cases\"",
                t -> ((ObjectNode) t.resources().get("CasesTable")).put("DeletionPolicy", "Retain"));
        caught(
                DeploymentRules::retainExceptOnCreate,
                "CasesTable: UpdateReplacePolicy RetainExceptOnCreate is not",
                t -> ((ObjectNode) t.resources().get("CasesTable")).put("UpdateReplacePolicy", "RetainExceptOnCreate"));
    }

    @Test
    void everyAliasPublishedFunctionPublishesWhenAParameterItReadsChanges() {
        holds(DeploymentRules::publishHashCoversParameters);
        caught(
                DeploymentRules::publishHashCoversParameters,
                "ReportJobFunction: reads the parameters [Architecture, SnapStart, Stage, Towns]"
                        + " but has no AutoPublishCodeSha256",
                t -> {
                    ((ObjectNode) t.doc.path("Globals").path("Function")).remove("AutoPublishCodeSha256");
                    t.resourcesOfType("AWS::Serverless::Function")
                            .values()
                            .forEach(f -> ((ObjectNode) f.get("Properties")).remove("AutoPublishCodeSha256"));
                });
        caught(DeploymentRules::publishHashCoversParameters, "is not a Ref to a parameter", t -> {
            t.resourcesOfType("AWS::Serverless::Function")
                    .values()
                    .forEach(f -> ((ObjectNode) f.get("Properties")).remove("AutoPublishCodeSha256"));
            ((ObjectNode) t.doc.path("Globals").path("Function"))
                    .set("AutoPublishCodeSha256", sub("${Stage}-${SnapStart}"));
        });
    }

    @Test
    void everyFolderOfTheSiteIsServedItsIndexThroughTheCloudFrontFunction() throws Exception {
        assertTrue(
                IndexRewriteRule.expectedRewrites(WEB).containsKey("/admin/"),
                "web/admin/index.html is a folder the check covers");
        assertEquals(List.of(), IndexRewriteRule.violations(TEMPLATE, WEB));
        Template broken = TEMPLATE.copy();
        broken.resourcesOfType("AWS::CloudFront::Function")
                .values()
                .forEach(f -> ((ObjectNode) f.get("Properties"))
                        .put("FunctionCode", "async function handler(event) { return event.request; }"));
        String found = String.join("\n", IndexRewriteRule.violations(broken, WEB));
        assertTrue(
                found.contains("/admin/ -> /admin/, expected /admin/index.html")
                        || found.contains("has no viewer-request CloudFront Function"),
                found);
    }

    @Test
    void stackDeletionAndACreateRollbackCanDeleteWhatTheyDelete() {
        holds(DeploymentRules::deletionsCanSucceed);
        caught(DeploymentRules::deletionsCanSucceed, "SiteBucket: a versioned bucket with DeletionPolicy Delete", t -> {
            ((ObjectNode) t.resources().get("SiteBucket")).remove("DeletionPolicy");
            properties(t, "SiteBucket")
                    .set("VersioningConfiguration", Json.object().put("Status", "Enabled"));
        });
        caught(DeploymentRules::deletionsCanSucceed, "CasesTable: deletion protection on at creation", t -> {
            ((ObjectNode) t.resources().get("CasesTable")).put("DeletionPolicy", "RetainExceptOnCreate");
            properties(t, "CasesTable").put("DeletionProtectionEnabled", true);
        });
    }

    @Test
    void everyBucketRefusesEveryRequestWithoutTls() {
        holds(DeploymentRules::bucketsRefuseInsecureTransport);
        caught(
                DeploymentRules::bucketsRefuseInsecureTransport,
                "ReportsBucket: no bucket policy statement denying s3:*",
                t -> {
                    List<String> policies = new ArrayList<>(
                            t.resourcesOfType("AWS::S3::BucketPolicy").keySet());
                    policies.forEach(((ObjectNode) t.resources())::remove);
                });
        caught(
                DeploymentRules::bucketsRefuseInsecureTransport,
                "SiteBucket: no bucket policy statement denying s3:*",
                t -> t.resourcesOfType("AWS::S3::BucketPolicy")
                        .values()
                        .forEach(p -> DeploymentRules.branches(p.path("Properties")
                                        .path("PolicyDocument")
                                        .path("Statement"))
                                .forEach(s -> {
                                    if ("Deny".equals(s.path("Effect").asText()))
                                        ((ObjectNode) s).put("Action", "s3:GetObject");
                                })));
    }

    @Test
    void listingTheReportsBucketIsLimitedToItsReportsPrefix() {
        holds(DeploymentRules::listingsNameAPrefix);
        caught(
                DeploymentRules::listingsNameAPrefix,
                "ReportsRole: s3:ListBucket without an s3:prefix condition",
                t -> t.statements("ReportsRole").forEach(s -> ((ObjectNode) s).remove("Condition")));
    }

    @Test
    void theReportScanMayReadOnlyTheAttributesTheReportJobProjects() {
        holds(DeploymentRules::scansLimitedToTheirProjection);
        Set<String> granted = new TreeSet<>();
        TEMPLATE.statements("ReportJobRole").forEach(s -> {
            if (s.path("Action").toString().contains("dynamodb:Scan")) {
                s.path("Condition")
                        .path("ForAllValues:StringEquals")
                        .path("dynamodb:Attributes")
                        .forEach(a -> granted.add(a.asText()));
            }
        });
        assertEquals(
                projectedTopLevelAttributes(),
                granted,
                "the Scan grant's dynamodb:Attributes are CaseFact.PROJECTION's top-level attributes");
        caught(
                DeploymentRules::scansLimitedToTheirProjection,
                "ReportJobRole: dynamodb:Scan without",
                t -> t.statements("ReportJobRole").forEach(s -> ((ObjectNode) s).remove("Condition")));
    }

    /** "#details.#applicantKind" reads the top-level attribute details: IAM sees top-level names only. */
    static Set<String> projectedTopLevelAttributes() {
        Set<String> attributes = new TreeSet<>();
        for (String path : CaseFact.PROJECTION.split(",")) {
            String alias = path.strip().split("\\.")[0];
            assertTrue(CaseFact.NAMES.containsKey(alias), alias + " of " + CaseFact.PROJECTION);
            attributes.add(CaseFact.NAMES.get(alias));
        }
        return attributes;
    }

    @Test
    void withoutTheUserPoolAnEmptyJwtAudienceIsRefused() {
        holds(DeploymentRules::emptyAudienceRefused);
        caught(
                DeploymentRules::emptyAudienceRefused,
                "an empty JwtAudience is accepted",
                t -> ((ObjectNode) t.doc).remove("Rules"));
    }

    @Test
    void theRunbookReadsOnlyOutputsTheStackHasAndInvalidatesTheSite() throws Exception {
        String runbook = Files.readString(RUNBOOK);
        assertEquals(List.of(), RunbookOutputs.violations(TEMPLATE, runbook));
        List<String> broken = RunbookOutputs.violations(
                TEMPLATE,
                runbook.replace("create-invalidation", "create-nothing")
                        + "\n--query \"Stacks[0].Outputs[?OutputKey=='SiteBucket'].OutputValue\"\n");
        assertTrue(
                broken.contains("docs/deploy.md queries the output SiteBucket, which the template does not have"),
                broken.toString());
        assertTrue(
                broken.contains(
                        "docs/deploy.md never runs aws cloudfront create-invalidation after uploading the site"),
                broken.toString());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void holds(Function<Template, List<String>> rule) {
        assertEquals(List.of(), rule.apply(TEMPLATE));
    }

    /** Breaks a copy of the template and expects the rule to name the mistake. */
    private static void caught(Function<Template, List<String>> rule, String expected, Consumer<Template> breakIt) {
        Template broken = TEMPLATE.copy();
        breakIt.accept(broken);
        List<String> violations = rule.apply(broken);
        assertTrue(
                violations.stream().anyMatch(v -> v.contains(expected)),
                "expected «" + expected + "» among " + violations);
    }

    private static ObjectNode properties(Template t, String id) {
        return (ObjectNode) t.resources().get(id).get("Properties");
    }

    private static ObjectNode sub(String pattern) {
        ObjectNode sub = Json.object();
        sub.set("Fn::Sub", TextNode.valueOf(pattern));
        return sub;
    }
}

package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.abuse.ClientLimit;
import cn.banshi.abuse.ClientLimits;
import cn.banshi.api.OriginCheck;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * infra/waf.yaml (the web ACL on CloudFront) and the main template's side of issue 21, offline: the web ACL is valid
 * CloudFormation, its per-client limits are {@link ClientLimits} (the local gateway's numbers), its refusals carry
 * the API's error body, CloudFront uses it and sends the origin header the functions check, and the route throttles
 * are a backstop well above one client's limit.
 */
class WafTemplateTest {
    static final String SOME_WEB_ACL =
            "arn:aws:wafv2:us-east-1:123456789012:global/webacl/banshi-prod/0123abcd-0123-4567-89ab-0123456789ab";

    static Template waf;
    static JsonNode acl;

    @BeforeAll
    static void load() throws IOException {
        waf = Template.parse(Files.readString(Template.ROOT.resolve("infra/waf.yaml")));
        acl = waf.resources().get("WebAcl").get("Properties");
    }

    static JsonNode rule(String name) {
        for (JsonNode rule : acl.get("Rules")) if (rule.get("Name").asText().equals(name)) return rule;
        throw new AssertionError("no WAF rule " + name);
    }

    @Test
    void theWebAclIsValidCloudFormationForCloudFront() throws Exception {
        ResourceSpec spec = ResourceSpec.load();
        assertEquals(List.of(), spec.validate(waf));
        String yaml = Files.readString(Template.ROOT.resolve("infra/waf.yaml"));
        assertFalse(
                spec.validate(Template.parse(yaml.replace("EvaluationWindowSec:", "EvaluationWindowSecs:")))
                        .isEmpty(),
                "the check reaches into the rules' statements");
        assertEquals("CLOUDFRONT", acl.get("Scope").asText());
        assertEquals(
                "AWS::WAFv2::WebACL", waf.resources().get("WebAcl").get("Type").asText());
        List<Integer> priorities = new ArrayList<>();
        acl.get("Rules").forEach(r -> priorities.add(r.get("Priority").asInt()));
        assertEquals(priorities.size(), priorities.stream().distinct().count(), "rule priorities are unique");
    }

    @Test
    void rateRulesHaveTheLocalGatewaysNumbers() {
        for (ClientLimit limit : ClientLimits.DEFAULTS) {
            JsonNode rate = rule(limit.name()).get("Statement").get("RateBasedStatement");
            String parameter = rate.get("Limit").get("Ref").asText();
            assertEquals(
                    limit.limit(),
                    waf.doc.get("Parameters").get(parameter).get("Default").asInt(),
                    limit.name() + ": " + parameter + "'s default is ClientLimits' number");
            assertEquals(limit.windowSeconds(), rate.get("EvaluationWindowSec").asInt());
            assertEquals("IP", rate.get("AggregateKeyType").asText());
            JsonNode and = rate.get("ScopeDownStatement").get("AndStatement").get("Statements");
            assertEquals(
                    limit.method(),
                    and.get(0).get("ByteMatchStatement").get("SearchString").asText());
            assertEquals(
                    limit.pathRegex(),
                    and.get(1).get("RegexMatchStatement").get("RegexString").asText());
            // the regex selects exactly the limited routes' paths
            Pattern path = Pattern.compile(limit.pathRegex());
            for (String routeKey : limit.routeKeys()) {
                String example = routeKey.split(" ", 2)[1]
                        .replace("{town}", "gaocheng")
                        .replace("{trackingNo}", "7K3M-9QXD-T4W2-H8PZ");
                assertTrue(path.matcher(example).matches(), example);
            }
        }
    }

    @Test
    void refusalsLookLikeTheApisOwnErrors() throws Exception {
        ApiException local = Errors.rateLimited(60);
        for (ClientLimit limit : ClientLimits.DEFAULTS) {
            JsonNode response = rule(limit.name()).get("Action").get("Block").get("CustomResponse");
            assertEquals(local.status(), response.get("ResponseCode").asInt());
            assertEquals(
                    "Retry-After",
                    response.get("ResponseHeaders").get(0).get("Name").asText());
            JsonNode body = Json.parse(acl.get("CustomResponseBodies")
                    .get(response.get("CustomResponseBodyKey").asText())
                    .get("Content")
                    .asText());
            assertEquals(local.code(), body.at("/error/code").asText());
            assertFalse(body.at("/error/message").asText().isBlank());
            assertFalse(body.at("/error/messageEn").asText().isBlank());
        }
    }

    @Test
    void managedRuleSetsAndASizeLimitThatStillFitsTheLongestSubmission() {
        List<String> groups = new ArrayList<>();
        acl.get("Rules").forEach(r -> {
            JsonNode managed = r.path("Statement").path("ManagedRuleGroupStatement");
            if (!managed.isMissingNode()) groups.add(managed.get("Name").asText());
        });
        assertTrue(
                groups.containsAll(List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet")),
                groups.toString());
        JsonNode body = null;
        for (JsonNode s :
                rule("size-limits").get("Statement").get("OrStatement").get("Statements")) {
            JsonNode size = s.get("SizeConstraintStatement");
            if (size.get("FieldToMatch").has("Body")) body = size;
        }
        assertTrue(body != null, "a size constraint on the body");
        // the longest valid submission: 5,000 Chinese characters of description (3 bytes each) and the rest
        assertTrue(body.get("Size").asInt() >= 5000 * 3 + 4096, "room for a full description");
        int inspected = Integer.parseInt(acl.get("AssociationConfig")
                .get("RequestBody")
                .get("CLOUDFRONT")
                .get("DefaultSizeInspectionLimit")
                .asText()
                .substring(3));
        assertTrue(inspected * 1024 >= body.get("Size").asInt(), "the body size is within what WAF inspects");
        // the common set's own 8 KB body rule would refuse long descriptions: it only counts
        JsonNode common = rule("aws-common").get("Statement").get("ManagedRuleGroupStatement");
        assertEquals(
                "SizeRestrictions_BODY",
                common.get("RuleActionOverrides").get(0).get("Name").asText());
        assertTrue(common.get("RuleActionOverrides").get(0).get("ActionToUse").has("Count"));
    }

    @Test
    void cloudFrontUsesTheWebAclAndSendsTheOriginHeaderTheFunctionsCheck() {
        Template main = Template.load();
        JsonNode config = main.resources().get("Distribution").get("Properties").get("DistributionConfig");
        assertEquals("WebAclArn", config.get("WebACLId").get("Ref").asText());
        JsonNode api = null;
        for (JsonNode origin : config.get("Origins"))
            if (origin.get("Id").asText().equals("api")) api = origin;
        JsonNode header = api.get("OriginCustomHeaders").get(0);
        assertEquals(OriginCheck.HEADER, header.get("HeaderName").asText().toLowerCase(Locale.ROOT));
        String secret = header.get("HeaderValue").get("Fn::Sub").asText();
        assertTrue(secret.contains("{{resolve:secretsmanager:${OriginVerifySecret}"), secret);
        main.functions().forEach((id, fn) -> {
            JsonNode value = fn.path("Environment").path("Variables").path(OriginCheck.ORIGIN_VERIFY_ENV);
            assertEquals(secret, value.get("Fn::If").get(1).get("Fn::Sub").asText(), id + " checks the same secret");
            assertEquals("UseCdn", value.get("Fn::If").get(0).asText());
        });

        // CloudFront without the web ACL is refused; without CloudFront none is needed
        assertFalse(StackParameters.of(main, Map.of()).refusals().isEmpty());
        assertEquals(
                List.of(),
                StackParameters.of(main, Map.of("WebAclArn", SOME_WEB_ACL)).refusals());
        assertEquals(
                List.of(),
                StackParameters.of(main, Map.of("CreateCdn", "false")).refusals());
    }

    @Test
    void routeThrottlesAreABackstopWellAboveOneClientsLimit() {
        JsonNode routes =
                Template.load().resources().get("HttpApi").get("Properties").get("RouteSettings");
        for (ClientLimit limit : ClientLimits.DEFAULTS) {
            for (String routeKey : limit.routeKeys()) {
                JsonNode route = routes.get(routeKey);
                assertTrue(route != null, routeKey + " has a route throttle");
                double perMinute = route.get("ThrottlingRateLimit").asDouble() * 60;
                assertTrue(
                        perMinute >= 10.0 * limit.limit() * 60 / limit.windowSeconds(),
                        routeKey + ": " + perMinute + "/min is not well above one client's " + limit.limit());
            }
        }
    }
}

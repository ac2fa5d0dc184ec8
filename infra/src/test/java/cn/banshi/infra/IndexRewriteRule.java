package cn.banshi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CloudFront answers a folder of the site (/admin/) only through a viewer-request function that rewrites it to the
 * folder's index.html: DefaultRootObject applies to / alone, and S3 behind origin access control has no index
 * documents, so without it /admin/ is a 403. Runs the template's function on every folder and file under web/.
 */
final class IndexRewriteRule {
    private IndexRewriteRule() {}

    static List<String> violations(Template template, Path web) throws IOException, InterruptedException {
        List<String> violations = new ArrayList<>();
        JsonNode behavior = null;
        for (JsonNode distribution :
                template.resourcesOfType("AWS::CloudFront::Distribution").values()) {
            behavior =
                    distribution.path("Properties").path("DistributionConfig").path("DefaultCacheBehavior");
        }
        if (behavior == null) return List.of("no CloudFront distribution");
        String function = viewerRequestFunction(behavior);
        JsonNode resource = function == null ? null : template.resources().get(function);
        if (resource == null
                || !"AWS::CloudFront::Function".equals(resource.path("Type").asText())) {
            return List.of(
                    "the site's default cache behavior has no viewer-request CloudFront Function: CloudFront applies"
                            + " DefaultRootObject only at /, so every other folder (/admin/) answers 403 from S3");
        }
        JsonNode properties = resource.path("Properties");
        if (!"cloudfront-js-2.0"
                .equals(properties.path("FunctionConfig").path("Runtime").asText())) {
            violations.add(function + ": runtime cloudfront-js-2.0 (the async handler the check runs)");
        }
        if (!properties.path("AutoPublish").asBoolean())
            violations.add(function + ": AutoPublish true (else the distribution runs no code)");
        Map<String, String> expected = expectedRewrites(web);
        violations.addAll(routedElsewhere(template, expected.keySet(), function));
        Map<String, String> actual = CloudFrontFunctionRunner.run(
                properties.path("FunctionCode").asText(), new ArrayList<>(expected.keySet()));
        expected.forEach((uri, target) -> {
            if (!target.equals(actual.get(uri)))
                violations.add(function + ": " + uri + " -> " + actual.get(uri) + ", expected " + target);
        });
        return violations;
    }

    /**
     * Every site path must reach the site origin through a behavior that runs the index function: CloudFront takes the
     * first cache behavior whose PathPattern matches (else the default), so a folder under /api/ (the API reference
     * page, /api/docs/) needs its own behavior before /api/*.
     */
    static List<String> routedElsewhere(Template template, Iterable<String> uris, String function) {
        List<String> violations = new ArrayList<>();
        for (JsonNode distribution :
                template.resourcesOfType("AWS::CloudFront::Distribution").values()) {
            JsonNode config = distribution.path("Properties").path("DistributionConfig");
            for (String uri : uris) {
                JsonNode behavior = config.path("DefaultCacheBehavior");
                for (JsonNode candidate : config.path("CacheBehaviors")) {
                    if (matches(candidate.path("PathPattern").asText(), uri)) {
                        behavior = candidate;
                        break;
                    }
                }
                String origin = behavior.path("TargetOriginId").asText();
                if (!"site".equals(origin) || !function.equals(viewerRequestFunction(behavior))) {
                    violations.add(uri + " is served by the behavior "
                            + behavior.path("PathPattern").asText("(default)") + " (origin " + origin
                            + "), not the site with " + function);
                }
            }
        }
        return violations;
    }

    /** CloudFront's path patterns: * any characters, ? one; the leading / optional. */
    static boolean matches(String pattern, String uri) {
        String p = pattern.startsWith("/") ? pattern : "/" + pattern;
        StringBuilder regex = new StringBuilder();
        for (char c : p.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return uri.matches(regex.toString());
    }

    private static String viewerRequestFunction(JsonNode behavior) {
        for (JsonNode association : behavior.path("FunctionAssociations")) {
            if ("viewer-request".equals(association.path("EventType").asText()))
                return Template.target(association.path("FunctionARN"));
        }
        return null;
    }

    /** Every folder with an index.html, with and without its slash, to that index; every file to itself. */
    static Map<String, String> expectedRewrites(Path web) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(web)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String uri = "/" + web.relativize(file).toString().replace(File.separatorChar, '/');
                expected.put(uri, uri);
                if (file.getFileName().toString().equals("index.html")) {
                    String folder = uri.substring(0, uri.length() - "index.html".length());
                    expected.put(folder, uri);
                    if (folder.length() > 1) expected.put(folder.substring(0, folder.length() - 1), uri);
                }
            }
        }
        return expected;
    }
}

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
        for (JsonNode distribution : template.resourcesOfType("AWS::CloudFront::Distribution").values()) {
            behavior = distribution.path("Properties").path("DistributionConfig").path("DefaultCacheBehavior");
        }
        if (behavior == null) return List.of("no CloudFront distribution");
        String function = viewerRequestFunction(behavior);
        JsonNode resource = function == null ? null : template.resources().get(function);
        if (resource == null || !"AWS::CloudFront::Function".equals(resource.path("Type").asText())) {
            return List.of("the site's default cache behavior has no viewer-request CloudFront Function: CloudFront applies"
                    + " DefaultRootObject only at /, so every other folder (/admin/) answers 403 from S3");
        }
        JsonNode properties = resource.path("Properties");
        if (!"cloudfront-js-2.0".equals(properties.path("FunctionConfig").path("Runtime").asText())) {
            violations.add(function + ": runtime cloudfront-js-2.0 (the async handler the check runs)");
        }
        if (!properties.path("AutoPublish").asBoolean()) violations.add(function + ": AutoPublish true (else the distribution runs no code)");
        Map<String, String> expected = expectedRewrites(web);
        Map<String, String> actual = CloudFrontFunctionRunner.run(properties.path("FunctionCode").asText(), new ArrayList<>(expected.keySet()));
        expected.forEach((uri, target) -> {
            if (!target.equals(actual.get(uri))) violations.add(function + ": " + uri + " -> " + actual.get(uri) + ", expected " + target);
        });
        return violations;
    }

    private static String viewerRequestFunction(JsonNode behavior) {
        for (JsonNode association : behavior.path("FunctionAssociations")) {
            if ("viewer-request".equals(association.path("EventType").asText())) return Template.target(association.path("FunctionARN"));
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

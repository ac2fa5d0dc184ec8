package cn.banshi.infra;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a CloudFront Function's code (a viewer-request handler) with Node.js on request URIs, as CloudFront would
 * call it: {@code handler(event)} with event.request.uri, awaited (runtime cloudfront-js-2.0 allows async handlers).
 */
final class CloudFrontFunctionRunner {
    private static final String DRIVER = """
            const fs = require('fs');
            const code = fs.readFileSync(process.argv[1], 'utf8');
            const uris = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
            const handler = new Function(code + '\\n;return handler;')();
            (async () => {
              const out = {};
              for (const uri of uris) {
                const r = await handler({version: '1.0', context: {eventType: 'viewer-request'}, viewer: {ip: '198.51.100.7'},
                    request: {method: 'GET', uri: uri, querystring: {}, headers: {}, cookies: {}}});
                out[uri] = r.statusCode ? r.statusCode + ' ' + ((r.headers || {}).location || {}).value : r.uri;
              }
              process.stdout.write(JSON.stringify(out));
            })().catch(e => { console.error(e); process.exit(1); });
            """;

    private CloudFrontFunctionRunner() {}

    /** For each URI, the URI the function forwards to the origin, or "STATUS location" for a response it returns. */
    static Map<String, String> run(String code, List<String> uris) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cf-function");
        try {
            Path codeFile = Files.writeString(dir.resolve("function.js"), code, StandardCharsets.UTF_8);
            Path urisFile = Files.writeString(
                    dir.resolve("uris.json"), Json.write(Json.mapper().valueToTree(uris)), StandardCharsets.UTF_8);
            Process node = new ProcessBuilder("node", "-e", DRIVER, codeFile.toString(), urisFile.toString())
                    .redirectErrorStream(false)
                    .start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("the CloudFront Function failed under node: " + err);
            }
            Map<String, String> results = new LinkedHashMap<>();
            JsonNode parsed = Json.mapper().readTree(out);
            parsed.fields()
                    .forEachRemaining(e -> results.put(e.getKey(), e.getValue().asText()));
            return results;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }
}

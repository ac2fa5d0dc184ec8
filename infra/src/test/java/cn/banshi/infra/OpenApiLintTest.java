package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/openapi.yaml passes Redocly CLI's lint (recommended ruleset, infra/openapi-lint/redocly.yaml) with zero errors and
 * zero warnings; the CLI is pinned by infra/openapi-lint/package-lock.json (npm ci, as ./banshi test does).
 */
class OpenApiLintTest {
    static final Path LINT = Template.ROOT.resolve("infra/openapi-lint");
    static final Path CLI = LINT.resolve("node_modules/@redocly/cli/bin/cli.js");
    static final Path SPEC = Template.ROOT.resolve("infra/openapi.yaml");

    record Result(int exit, JsonNode report, String output) {
        int errors() {
            return report.path("totals").path("errors").asInt(-1);
        }

        int warnings() {
            return report.path("totals").path("warnings").asInt(-1);
        }
    }

    static Result lint(Path spec) throws IOException, InterruptedException {
        assertTrue(
                Files.isRegularFile(CLI),
                "Redocly CLI is not installed: run `npm ci` in infra/openapi-lint (./banshi test does)");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "node",
                        CLI.toString(),
                        "lint",
                        spec.toString(),
                        "--config",
                        LINT.resolve("redocly.yaml").toString(),
                        "--format=json"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(LINT.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "redocly lint did not finish");
        // the JSON report is the output's one JSON object (the CLI may print notices before it)
        int start = output.indexOf('{');
        JsonNode report = start < 0 ? Json.object() : Json.parse(output.substring(start));
        return new Result(process.exitValue(), report, output);
    }

    @Test
    void contractHasNoLintErrorsOrWarnings() throws Exception {
        Result result = lint(SPEC);
        assertEquals(0, result.exit(), result.output());
        assertEquals(0, result.errors(), result.output());
        assertEquals(0, result.warnings(), result.output());
    }

    /** The issue-23 defect: a description with an unquoted comma in a YAML flow mapping splits into a bogus property. */
    @Test
    void aFlowMappingDescriptionWithAnUnquotedCommaFailsTheLint(@TempDir Path dir) throws Exception {
        String spec = Files.readString(SPEC);
        String quoted =
                "creditCode: {type: string, description: \"Unified social credit code (统一社会信用代码), GB 32100 check character\"}";
        assertTrue(spec.contains(quoted), "the creditCode property this test breaks is still in the contract");
        Path broken = dir.resolve("openapi.yaml");
        Files.writeString(
                broken,
                spec.replace(
                        quoted,
                        "creditCode: {type: string, description: Unified social credit code (统一社会信用代码), GB 32100 check character}"));
        Result result = lint(broken);
        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.errors() > 0, result.output());
        assertTrue(result.output().contains("GB 32100 check character"), result.output());
    }
}

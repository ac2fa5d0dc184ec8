package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/release.sh, which computes the Release parameter (every function's AutoPublishCodeSha256): its id changes
 * whenever a Lambda package, the template or a parameter value changes, so every such deployment publishes new
 * versions; it stays the same otherwise, so an unchanged redeploy publishes none. Run on a copy of the template with
 * stand-in packages at its CodeUri paths.
 */
class ReleaseIdTest {
    static final Path SCRIPT = Template.ROOT.resolve("infra/release.sh");
    static final List<String> PARAMETERS = List.of(
            "Stage=prod",
            "Towns=gaocheng",
            "AlarmEmail=ops@example.gov.cn",
            "SnapStart=PublishedVersions",
            "Architecture=arm64");

    @TempDir
    Path root;

    Path template;
    final List<Path> packages = new ArrayList<>();

    @BeforeEach
    void copyTheTemplateWithStandInPackages() throws IOException {
        template = Files.createDirectories(root.resolve("infra")).resolve("template.yaml");
        Files.copy(Template.FILE, template);
        Set<String> uris = new TreeSet<>();
        Template.walk(Template.load().doc, n -> {
            if (n.isObject() && n.path("CodeUri").isTextual())
                uris.add(n.get("CodeUri").asText());
        });
        assertTrue(uris.size() >= 3, "the functions' jars, the reports jar and the batch jar: " + uris);
        for (String uri : uris) {
            Path jar = template.getParent().resolve(uri).normalize();
            Files.createDirectories(jar.getParent());
            packages.add(Files.writeString(jar, "stand-in for " + uri));
        }
    }

    @Test
    void theIdIsAValidReleaseParameterAndStableForTheSameInputsInAnyOrder() throws Exception {
        String id = release(PARAMETERS);
        String pattern = Template.load()
                .doc
                .path("Parameters")
                .path("Release")
                .path("AllowedPattern")
                .asText();
        assertTrue(Pattern.matches(pattern, id), id + " matches the Release parameter's AllowedPattern " + pattern);
        List<String> reversed = new ArrayList<>(PARAMETERS);
        Collections.reverse(reversed);
        assertEquals(id, release(reversed));
    }

    @Test
    void aParameterOnlyChangeGivesANewId() throws Exception {
        String id = release(PARAMETERS);
        assertNotEquals(id, release(with("Towns=gaocheng,xinjian")), "a town added");
        assertNotEquals(id, release(with("SnapStart=None")), "SnapStart switched off");
        assertNotEquals(id, release(with("Architecture=x86_64")), "another architecture");
    }

    @Test
    void aChangedPackageOrTemplateGivesANewId() throws Exception {
        String id = release(PARAMETERS);
        for (Path jar : packages) {
            byte[] before = Files.readAllBytes(jar);
            Files.writeString(jar, "rebuilt", StandardCharsets.UTF_8);
            assertNotEquals(id, release(PARAMETERS), jar + " rebuilt");
            Files.write(jar, before);
        }
        assertEquals(id, release(PARAMETERS));
        Files.writeString(template, Files.readString(template).replace("MemorySize: 1024", "MemorySize: 2048"));
        assertNotEquals(id, release(PARAMETERS), "a literal property changed in the template");
    }

    @Test
    void aMissingPackageIsAnErrorNotAnId() throws Exception {
        Files.delete(packages.get(0));
        Result result = run(PARAMETERS);
        assertNotEquals(0, result.exit);
        assertTrue(result.err.contains(packages.get(0).getFileName().toString()), result.err);
        assertEquals("", result.out);
    }

    private List<String> with(String parameter) {
        List<String> changed = new ArrayList<>();
        String key = parameter.substring(0, parameter.indexOf('=') + 1);
        for (String p : PARAMETERS) changed.add(p.startsWith(key) ? parameter : p);
        return changed;
    }

    private String release(List<String> parameters) throws Exception {
        Result result = run(parameters);
        assertEquals(0, result.exit, result.err);
        return result.out.strip();
    }

    private record Result(int exit, String out, String err) {}

    private Result run(List<String> parameters) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), template.toString()));
        command.addAll(parameters);
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "release.sh finished");
        return new Result(process.exitValue(), out, err);
    }
}

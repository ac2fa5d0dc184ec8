package cn.banshi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.banshi.errors.Errors;
import cn.banshi.store.local.Dynalite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Error schema's code enum in infra/openapi.yaml and the codes the {@link Errors} factory can produce are the same
 * set. ApiException's constructors are package-private, so Errors is the only place a code is written.
 */
class ErrorCodesContractTest {
    private static final Pattern CONSTRUCTION = Pattern.compile("new ApiException\\(");
    private static final Pattern CODE = Pattern.compile("new ApiException\\(\\s*\\d{3},\\s*\"([A-Z][A-Z_]+)\"");

    static Set<String> factoryCodes() throws Exception {
        Path source = Dynalite.repoRoot()
                .resolve("core/src/main/java/" + Errors.class.getName().replace('.', '/') + ".java");
        String text = Files.readString(source);
        Set<String> codes = new TreeSet<>();
        int constructions = 0;
        for (Matcher m = CONSTRUCTION.matcher(text); m.find(); ) constructions++;
        Matcher code = CODE.matcher(text);
        int literal = 0;
        while (code.find()) {
            codes.add(code.group(1));
            literal++;
        }
        assertEquals(constructions, literal, "every ApiException in Errors is made with a literal status and code");
        return codes;
    }

    static Set<String> contractCodes() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory())
                .readTree(Dynalite.repoRoot().resolve("infra/openapi.yaml").toFile());
        Set<String> codes = new TreeSet<>();
        doc.at("/components/schemas/Error/properties/error/properties/code/enum")
                .forEach(c -> codes.add(c.asText()));
        return codes;
    }

    @Test
    void contractEnumEqualsTheFactorysCodes() throws Exception {
        Set<String> factory = factoryCodes();
        assertFalse(factory.isEmpty());
        assertEquals(factory, contractCodes());
    }
}

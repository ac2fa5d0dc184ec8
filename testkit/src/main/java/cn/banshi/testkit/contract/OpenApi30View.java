package cn.banshi.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract (OpenAPI 3.1) as the OpenAPI 3.0 document swagger-request-validator understands: its schema
 * validator reads 3.0 schemas only, so {@code type: [T, "null"]} becomes {@code type: T, nullable: true} and
 * {@code const: v} becomes {@code enum: [v]}. Those are the only 3.1 forms the contract uses; any other type list
 * is refused here rather than validated loosely.
 */
final class OpenApi30View {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApi30View() {}

    static String of(Path spec) {
        try {
            ObjectNode doc = (ObjectNode) YAML.readTree(spec.toFile());
            doc.put("openapi", "3.0.3");
            ((ObjectNode) doc.path("info")).remove("summary");
            rewrite(doc);
            return new ObjectMapper().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("type") instanceof ArrayNode types) {
                List<String> nonNull = new ArrayList<>();
                types.forEach(t -> {
                    if (!t.asText().equals("null")) nonNull.add(t.asText());
                });
                if (nonNull.size() != 1)
                    throw new IllegalStateException("type list not expressible in OpenAPI 3.0: " + types);
                object.put("type", nonNull.get(0));
                if (types.size() > 1) object.put("nullable", true);
            }
            if (object.has("const")
                    && object.has("type")
                    && !object.get("const").isContainerNode()) {
                object.putArray("enum").add(object.remove("const"));
            }
            object.forEach(OpenApi30View::rewrite);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApi30View::rewrite);
        }
    }
}

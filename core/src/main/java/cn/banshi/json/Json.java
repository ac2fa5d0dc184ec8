package cn.banshi.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;

/**
 * The one JSON configuration: strict (duplicate keys rejected, bounded nesting, nothing after the value), shared by
 * all code. Trees are read and written on the streaming parser ({@link JsonTree}); the ObjectMapper, for data binding,
 * is built at its first use, so a function that only reads and writes trees never builds one.
 */
public final class Json {
    public static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = strictFactory();

    private Json() {}

    private static JsonFactory strictFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(100)
                        .maxStringLength(1 << 20)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The lazy holder idiom: built at the first call of {@link #mapper()}. */
    private static final class Mapper {
        static final ObjectMapper MAPPER =
                new ObjectMapper(strictFactory()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** For data binding ({@code valueToTree}, pretty printing); trees: {@link #parse} and {@link #write}. */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /** The strict factory, for code that streams (parser and generator) itself. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The tree of {@code text}, as {@code mapper().readTree(text)} reads it. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return JsonTree.readRoot(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw JsonMappingException.fromUnexpectedIOE(e); // as the mapper: a String source has no I/O to fail
        }
    }

    /** The tree of the stream's content, as {@code mapper().readTree(in)} reads it (and closes it). */
    public static JsonNode parse(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            return JsonTree.readRoot(p);
        }
    }

    /** The text of {@code node}, as {@code mapper().writeValueAsString(node)} writes it. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            JsonTree.write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}

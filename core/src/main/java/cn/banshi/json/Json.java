package cn.banshi.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadConstraints;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * The one JSON configuration: strict (duplicate keys rejected, bounded nesting, nothing after the value), shared by
 * all code. Trees (Jackson's nodes) are read and written ({@link JsonTree}) on the jackson-core that the AWS SDK
 * relocates for its own JSON protocol: every function loads that parser for its first DynamoDB call anyway, so
 * reading a request or a catalog loads no second one (the unrelocated jackson-core cost a function's cold start about
 * 26 ms, docs/benchmarks.md run 23; the decision in docs/decisions.md). The ObjectMapper, for data binding, stays on
 * Jackson's own jackson-core and is built at its first use, so a function that only reads and writes trees never
 * builds one.
 */
public final class Json {
    public static final int MAX_DEPTH = 32;
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_STRING_LENGTH = 1 << 20;

    private static final JsonFactory FACTORY = strictFactory();

    private Json() {}

    private static JsonFactory strictFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The lazy holder idiom: built at the first call of {@link #mapper()}, with the same limits. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                        .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH)
                                .maxNumberLength(MAX_NUMBER_LENGTH)
                                .maxStringLength(MAX_STRING_LENGTH)
                                .build())
                        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** For data binding ({@code valueToTree}, pretty printing); trees: {@link #parse} and {@link #write}. */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /** The strict factory, for code that streams (parser and generator) itself: the SDK's relocated jackson-core. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The tree of {@code text}, as {@code mapper().readTree(text)} reads it; what it refuses, this refuses. */
    public static JsonNode parse(String text) throws JsonSyntaxException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return JsonTree.readRoot(p);
        } catch (JsonProcessingException e) {
            throw refused(e);
        } catch (JsonSyntaxException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e); // a String source has no I/O to fail
        }
    }

    /** The tree of the stream's content, as {@code mapper().readTree(in)} reads it (and closes it). */
    public static JsonNode parse(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            return JsonTree.readRoot(p);
        } catch (JsonProcessingException e) {
            throw refused(e);
        }
    }

    private static JsonSyntaxException refused(JsonProcessingException e) {
        return new JsonSyntaxException(e.getOriginalMessage(), e.getMessage(), e);
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

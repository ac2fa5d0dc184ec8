package cn.banshi.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Json#parse} and {@link Json#write} read and write trees on the streaming parser; they must give what the
 * strict ObjectMapper ({@link Json#mapper()}) gives, although they stream on the SDK's relocated jackson-core: the same
 * nodes (node classes included), and for a refused input the same message (clients see it in {@code INVALID_JSON}).
 */
class JsonTest {
    static Stream<String> texts() {
        return Stream.of(
                "{\"title\":\"河道有垃圾\",\"village\":\"meijiadu\",\"anonymous\":false,\"n\":3}",
                "{}",
                "[]",
                "  {\"a\" : [1, 2, {\"b\": null}] }  ",
                "\"just a string\"",
                "null",
                "true",
                "42",
                "-0",
                "2147483647",
                "2147483648",
                "-2147483649",
                "9223372036854775807",
                "9223372036854775808",
                "123456789012345678901234567890",
                "1.5",
                "-0.0",
                "1e3",
                "1E-7",
                "1e400",
                "0.1234567890123456789012345678901234567890",
                "{\"a\":\"\\u00e9\\n\\t\\\"\\\\\\/\\ud83d\\ude00\"}",
                "{\"\":1}",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":"
                        + "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":"
                        + "{\"a\":{\"a\":{\"a\":1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}",
                "{\"a\":1,\"a\":2}",
                "{\"a\":{\"b\":1,\"b\":1}}",
                "{} {}",
                "{} 1",
                "[1] x",
                "\"a\" \"b\"",
                "null null",
                "{",
                "[1,",
                "{\"a\":}",
                "{\"a\" 1}",
                "{a:1}",
                "{'a':1}",
                "[1,]",
                "{\"a\":1,}",
                "NaN",
                "[NaN]",
                "Infinity",
                "01",
                "1.",
                ".5",
                "+1",
                "\"unterminated",
                "\"tab\tinside\"",
                "\"\\x\"",
                "tru",
                "nul",
                "1" + "0".repeat(120),
                "1." + "0".repeat(120),
                "",
                "   ",
                "\n\t ");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void readsTextAsTheMapperDoes(String text) {
        assertSameOutcome(() -> Json.mapper().readTree(text), () -> Json.parse(text));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void readsStreamsAsTheMapperDoes(String text) {
        assertSameOutcome(() -> Json.mapper().readTree(bytes(text)), () -> Json.parse(bytes(text)));
    }

    interface Read {
        JsonNode read() throws IOException;
    }

    private static void assertSameOutcome(Read mapper, Read parse) {
        JsonNode expected;
        try {
            expected = mapper.read();
        } catch (IOException refused) {
            IOException e = assertThrows(IOException.class, parse::read);
            assertInstanceOf(JsonSyntaxException.class, e);
            assertEquals(((JsonProcessingException) refused).getOriginalMessage(), ((JsonSyntaxException) e).detail());
            return;
        }
        try {
            assertSameTree(expected, parse.read());
        } catch (IOException e) {
            fail("the mapper read the input but Json.parse refused it", e);
        }
    }

    @ParameterizedTest
    @MethodSource("texts")
    void writesWhatTheMapperWrites(String text) throws Exception {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException refused) {
            return;
        }
        assertEquals(Json.mapper().writeValueAsString(tree), Json.write(tree));
    }

    @ParameterizedTest
    @MethodSource("built")
    void writesBuiltTreesAsTheMapperDoes(JsonNode tree) throws Exception {
        assertEquals(Json.mapper().writeValueAsString(tree), Json.write(tree));
    }

    static Stream<JsonNode> built() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode all = Json.object();
        all.put("int", 7)
                .put("long", 1L << 40)
                .put("short", (short) 3)
                .put("float", 1.25f)
                .put("double", 0.1)
                .put("nan", Double.NaN)
                .put("big", new BigInteger("123456789012345678901234567890"))
                .put("decimal", new BigDecimal("1.50"))
                .put("bytes", "中文".getBytes(StandardCharsets.UTF_8))
                .put("bool", true)
                .put("text", "高塍镇 \"quoted\" \u2028 </script>")
                .putNull("nothing");
        all.set("missing", f.missingNode());
        all.putPOJO("pojo", Map.of("k", List.of(1, 2)));
        ArrayNode array = all.putArray("array");
        array.add(1).add("two").addNull().addObject().put("x", 1);
        return Stream.of(all, f.arrayNode(), Json.object(), f.textNode("x"), f.nullNode(), f.numberNode(1));
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Equal, and every node of the same class (IntNode vs LongNode, DoubleNode vs DecimalNode…). */
    private static void assertSameTree(JsonNode expected, JsonNode actual) {
        assertEquals(expected, actual);
        assertInstanceOf(expected.getClass(), actual);
        assertEquals(expected.getClass(), actual.getClass());
        if (expected.isObject()) {
            Iterator<String> names = expected.fieldNames();
            Iterator<String> actualNames = actual.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertEquals(name, actualNames.next(), "field order");
                assertSameTree(expected.get(name), actual.get(name));
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) assertSameTree(expected.get(i), actual.get(i));
        }
    }
}

package cn.banshi.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * JSON trees read and written on the SDK's relocated jackson-core ({@link Json}), giving the same nodes and the same
 * text as {@link Json#mapper()}'s {@code readTree} and {@code writeValueAsString} (the node types of
 * {@code JsonNodeDeserializer}, the trailing-token check of {@code FAIL_ON_TRAILING_TOKENS}, every node written as
 * its own {@code serialize} writes it), without building an ObjectMapper: constructing one and its deserialiser and
 * serialiser lookups took about a fifth of a function's cold start (docs/benchmarks.md, run 19). A POJO node is
 * written as the mapper's tree of its value.
 */
final class JsonTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {}

    /** The one value of {@code p}'s input (a missing node when there is none); anything after it fails. */
    static JsonNode readRoot(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) return NODES.missingNode();
        JsonNode root = read(p, first);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw refused(
                    p,
                    "Trailing token (of type " + trailing + ") found after value (bound as `"
                            + JsonNode.class.getName()
                            + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
        return root;
    }

    private static JsonNode read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    object.replace(name, read(p, p.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(read(p, t));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return switch (p.getNumberTypeFP()) {
                    case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
                    case FLOAT32 -> NODES.numberNode(p.getFloatValue());
                    default -> NODES.numberNode(p.getDoubleValue());
                };
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                // not produced by a JSON text parser (embedded objects, or a token out of place, which the
                // parser itself rejects first)
                throw refused(p, "Unexpected token (" + token + ")");
        }
    }

    /** A refusal of the tree reader itself (the parser's own are wrapped by {@link Json}), worded as the mapper's. */
    private static JsonSyntaxException refused(JsonParser p, String detail) {
        return new JsonSyntaxException(detail, detail + "\n at " + p.currentTokenLocation(), null);
    }

    static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node);
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(node, node.size());
                for (JsonNode element : node) write(g, element);
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            case BINARY -> g.writeBinary(node.binaryValue());
            case POJO -> write(g, Json.mapper().valueToTree(((POJONode) node).getPojo()));
            case MISSING -> g.writeNull(); // as MissingNode.serialize writes it
        }
    }
}

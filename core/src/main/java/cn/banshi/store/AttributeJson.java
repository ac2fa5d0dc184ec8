package cn.banshi.store;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts JSON documents to DynamoDB attribute values and back (maps, lists, strings, numbers, booleans). */
public final class AttributeJson {
    private AttributeJson() {}

    public static AttributeValue toAttribute(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return AttributeValue.fromNul(true);
        if (node.isTextual()) return AttributeValue.fromS(node.textValue());
        if (node.isBoolean()) return AttributeValue.fromBool(node.booleanValue());
        if (node.isNumber()) return AttributeValue.fromN(node.decimalValue().toPlainString());
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toAttribute(element)));
            return AttributeValue.fromL(list);
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), toAttribute(e.getValue())));
        return AttributeValue.fromM(map);
    }

    public static JsonNode toJson(AttributeValue value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) return f.nullNode();
        switch (value.type()) {
            case S:
                return f.textNode(value.s());
            case BOOL:
                return f.booleanNode(value.bool());
            case N: {
                BigDecimal d = new BigDecimal(value.n());
                if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
                    try {
                        return f.numberNode(d.longValueExact());
                    } catch (ArithmeticException ignored) {
                        return f.numberNode(d);
                    }
                }
                return f.numberNode(d);
            }
            case L: {
                ArrayNode array = f.arrayNode();
                value.l().forEach(v -> array.add(toJson(v)));
                return array;
            }
            case M:
                return toJson(value.m());
            case NUL:
                return f.nullNode();
            default:
                throw new IllegalArgumentException("Unsupported attribute type " + value.type());
        }
    }

    public static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        item.forEach((k, v) -> node.set(k, toJson(v)));
        return node;
    }
}

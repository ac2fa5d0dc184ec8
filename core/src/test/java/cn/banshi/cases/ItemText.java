package cn.banshi.cases;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An item as canonical text (map keys sorted, types spelled out), so that items can be compared and hashed. */
final class ItemText {
    private ItemText() {}

    static String of(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder();
        map(item, out);
        return out.toString();
    }

    private static void map(Map<String, AttributeValue> m, StringBuilder out) {
        out.append('{');
        new TreeMap<>(m).forEach((k, v) -> {
            out.append(k).append('=');
            value(v, out);
            out.append(';');
        });
        out.append('}');
    }

    private static void value(AttributeValue v, StringBuilder out) {
        switch (v.type()) {
            case S -> out.append("S:").append(v.s());
            case N -> out.append("N:").append(v.n());
            case BOOL -> out.append("BOOL:").append(v.bool());
            case NUL -> out.append("NUL");
            case M -> map(v.m(), out);
            case L -> list(v.l(), out);
            default -> throw new IllegalArgumentException(v.type().toString());
        }
    }

    private static void list(List<AttributeValue> l, StringBuilder out) {
        out.append('[');
        for (AttributeValue v : l) {
            value(v, out);
            out.append(',');
        }
        out.append(']');
    }
}

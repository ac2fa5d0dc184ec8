package cn.banshi.batch.repository;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers to build and read DynamoDB items; null means "attribute absent". */
final class Attributes {
    /** DynamoDB's item size limit (attribute names and values together). */
    static final int MAX_ITEM_BYTES = 400 * 1024;

    private Attributes() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Ids as fixed-width strings, so that string sort keys order like the numbers. */
    static String sortable(long id) {
        return String.format("%019d", id);
    }

    static AttributeValue time(LocalDateTime time) {
        return time == null ? null : AttributeValue.fromS(time.toString());
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? null : value.s();
    }

    static Long optionalLong(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }

    static long longValue(Map<String, AttributeValue> item, String name) {
        Long value = optionalLong(item, name);
        if (value == null) throw new IllegalStateException("Item has no attribute " + name);
        return value;
    }

    static int intValue(Map<String, AttributeValue> item, String name) {
        return Math.toIntExact(longValue(item, name));
    }

    static LocalDateTime time(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        return value == null ? null : LocalDateTime.parse(value);
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    /** An item without its null attributes. */
    static Map<String, AttributeValue> item(Map<String, AttributeValue> withNulls) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        withNulls.forEach((k, v) -> {
            if (v != null) item.put(k, v);
        });
        return item;
    }

    /** The size DynamoDB counts for an item: names plus values (numbers counted generously). */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + valueSize(e.getValue());
        }
        return size;
    }

    private static long valueSize(AttributeValue value) {
        if (value.s() != null) return utf8Length(value.s());
        if (value.n() != null) return 21;
        if (value.b() != null) return value.b().asByteArray().length;
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) return 1;
        if (value.hasSs())
            return value.ss().stream().mapToLong(Attributes::utf8Length).sum() + 3;
        if (value.hasL()) {
            List<AttributeValue> list = value.l();
            return 3 + list.stream().mapToLong(v -> 1 + valueSize(v)).sum();
        }
        if (value.hasM()) return 3 + itemSize(value.m()) + value.m().size();
        return 0;
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

package cn.banshi.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Typed reads of an item map's attributes; an absent (or NULL) attribute reads as null. */
final class ItemReader {
    private final Map<String, AttributeValue> map;

    ItemReader(Map<String, AttributeValue> map) {
        this.map = map;
    }

    static ItemReader of(AttributeValue value) {
        return new ItemReader(value.m());
    }

    boolean has(String key) {
        AttributeValue v = map.get(key);
        return v != null && !Boolean.TRUE.equals(v.nul());
    }

    AttributeValue get(String key) {
        return has(key) ? map.get(key) : null;
    }

    String string(String key) {
        return has(key) ? map.get(key).s() : null;
    }

    LocalDate date(String key) {
        return has(key) ? LocalDate.parse(map.get(key).s()) : null;
    }

    Integer integer(String key) {
        return has(key) ? Integer.valueOf(map.get(key).n()) : null;
    }

    BigDecimal decimal(String key) {
        return has(key) ? new BigDecimal(map.get(key).n()) : null;
    }

    Boolean bool(String key) {
        return has(key) ? map.get(key).bool() : null;
    }

    ItemReader object(String key) {
        return has(key) ? of(map.get(key)) : null;
    }

    List<AttributeValue> list(String key) {
        return has(key) ? map.get(key).l() : null;
    }
}

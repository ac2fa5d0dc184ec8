package cn.banshi.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds an item map from typed values; a null value leaves the attribute out. */
final class ItemWriter {
    private final Map<String, AttributeValue> map = new LinkedHashMap<>();

    ItemWriter put(String key, String value) {
        if (value != null) map.put(key, AttributeValue.fromS(value));
        return this;
    }

    ItemWriter put(String key, LocalDate value) {
        return value == null ? this : put(key, value.toString());
    }

    ItemWriter put(String key, Integer value) {
        if (value != null) map.put(key, AttributeValue.fromN(value.toString()));
        return this;
    }

    ItemWriter put(String key, BigDecimal value) {
        if (value != null) map.put(key, AttributeValue.fromN(value.toPlainString()));
        return this;
    }

    ItemWriter put(String key, Boolean value) {
        if (value != null) map.put(key, AttributeValue.fromBool(value));
        return this;
    }

    ItemWriter put(String key, AttributeValue value) {
        if (value != null) map.put(key, value);
        return this;
    }

    ItemWriter put(String key, List<AttributeValue> values) {
        if (values != null) map.put(key, AttributeValue.fromL(values));
        return this;
    }

    /** The attribute, stored as NULL when the value is null. */
    ItemWriter putOrNull(String key, LocalDate value) {
        map.put(key, value == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(value.toString()));
        return this;
    }

    Map<String, AttributeValue> map() {
        return map;
    }

    AttributeValue build() {
        return AttributeValue.fromM(map);
    }
}

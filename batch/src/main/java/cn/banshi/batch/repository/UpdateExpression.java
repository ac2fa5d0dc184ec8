package cn.banshi.batch.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds an UpdateItem expression with placeholder names and values: {@code set} with a null value becomes a
 * REMOVE, so an update writes exactly the state of the object.
 */
final class UpdateExpression {
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    UpdateExpression set(String attribute, AttributeValue value) {
        if (value == null) {
            removes.add(name(attribute));
        } else {
            sets.add(name(attribute) + " = " + value(value));
        }
        return this;
    }

    UpdateExpression remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    UpdateExpression add(String attribute, AttributeValue value) {
        adds.add(name(attribute) + " " + value(value));
        return this;
    }

    /** A condition in which {@code #attr} and {@code :value} placeholders are replaced, e.g. "#version = :v". */
    UpdateExpression condition(String template, Object... attributesAndValues) {
        String expression = template;
        for (int i = 0; i < attributesAndValues.length; i++) {
            Object part = attributesAndValues[i];
            String placeholder = part instanceof AttributeValue v ? value(v) : name((String) part);
            expression = expression.replaceFirst("\\?", Matcher.quoteReplacement(placeholder));
        }
        conditions.add(expression);
        return this;
    }

    UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) expression.append("SET ").append(String.join(", ", sets));
        if (!removes.isEmpty()) expression.append(" REMOVE ").append(String.join(", ", removes));
        if (!adds.isEmpty()) expression.append(" ADD ").append(String.join(", ", adds));
        UpdateItemRequest.Builder builder = UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression(expression.toString().trim())
                .expressionAttributeNames(names);
        if (!values.isEmpty()) builder.expressionAttributeValues(values);
        if (!conditions.isEmpty()) builder.conditionExpression(String.join(" AND ", conditions));
        return builder.build();
    }

    private String name(String attribute) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equals(attribute)) return e.getKey();
        }
        String placeholder = "#a" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }
}

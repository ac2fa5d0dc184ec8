package cn.banshi.infra;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's parameters with the values of one deployment (the defaults unless given), and what CloudFormation
 * decides from them before it creates anything: the Conditions and the Rules' assertions. Evaluates the intrinsic
 * functions those may use: Ref of a parameter, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Contains, Condition.
 */
final class StackParameters {
    private final Template template;
    private final Map<String, JsonNode> values = new HashMap<>();

    private StackParameters(Template template, Map<String, String> given) {
        this.template = template;
        template.doc.path("Parameters").fields().forEachRemaining(p -> {
            JsonNode definition = p.getValue();
            String value = given.containsKey(p.getKey())
                    ? given.get(p.getKey())
                    : definition.has("Default") ? definition.get("Default").asText() : null;
            if (value != null)
                values.put(p.getKey(), typed(definition.path("Type").asText(), value));
        });
    }

    static StackParameters defaults(Template template) {
        return new StackParameters(template, Map.of());
    }

    static StackParameters of(Template template, Map<String, String> given) {
        return new StackParameters(template, given);
    }

    /** A list parameter's value as CloudFormation splits it: "" is one empty string, [""]. */
    private static JsonNode typed(String type, String value) {
        if (!type.startsWith("CommaDelimitedList") && !type.startsWith("List<")) return TextNode.valueOf(value);
        ArrayNode list = Json.mapper().createArrayNode();
        for (String item : value.split(",", -1)) list.add(item.strip());
        return list;
    }

    boolean condition(String name) {
        JsonNode definition = template.doc.path("Conditions").get(name);
        if (definition == null) throw new IllegalArgumentException("no condition " + name);
        return truth(evaluate(definition));
    }

    /** The AssertDescription of every rule assertion these values break: CloudFormation refuses the deployment. */
    List<String> refusals() {
        List<String> refused = new ArrayList<>();
        template.doc.path("Rules").fields().forEachRemaining(rule -> {
            JsonNode when = rule.getValue().get("RuleCondition");
            if (when != null && !truth(evaluate(when))) return;
            rule.getValue().path("Assertions").forEach(a -> {
                if (!truth(evaluate(a.get("Assert"))))
                    refused.add(
                            rule.getKey() + ": " + a.path("AssertDescription").asText());
            });
        });
        return refused;
    }

    /** The value of an expression: a literal, a parameter's value, or the result of a condition function. */
    JsonNode evaluate(JsonNode expression) {
        if (!Template.isIntrinsic(expression)) return expression;
        String function = expression.fieldNames().next();
        JsonNode args = expression.get(function);
        return switch (function) {
            case "Ref" -> {
                JsonNode value = values.get(args.asText());
                if (value == null) throw new IllegalArgumentException("no value for parameter " + args.asText());
                yield value;
            }
            case "Condition" -> BooleanNode.valueOf(condition(args.asText()));
            case "Fn::Equals" -> BooleanNode.valueOf(text(evaluate(args.get(0))).equals(text(evaluate(args.get(1)))));
            case "Fn::Not" -> BooleanNode.valueOf(!truth(evaluate(args.get(0))));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode a : args) all &= truth(evaluate(a));
                yield BooleanNode.valueOf(all);
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode a : args) any |= truth(evaluate(a));
                yield BooleanNode.valueOf(any);
            }
            case "Fn::Contains" -> {
                String wanted = text(evaluate(args.get(1)));
                boolean found = false;
                for (JsonNode item : evaluate(args.get(0))) found |= text(item).equals(wanted);
                yield BooleanNode.valueOf(found);
            }
            case "Fn::If" -> evaluate(args.get(condition(args.get(0).asText()) ? 1 : 2));
            default -> throw new IllegalArgumentException("cannot evaluate " + expression);
        };
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static boolean truth(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : "true".equals(value.asText());
    }
}

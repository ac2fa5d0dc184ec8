package cn.banshi.infra;

import cn.banshi.store.local.Dynalite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** infra/template.yaml, parsed, with the queries the checks share. */
final class Template {
    static final Path ROOT = Dynalite.repoRoot();
    static final Path FILE = ROOT.resolve("infra/template.yaml");

    final JsonNode doc;

    private Template(JsonNode doc) {
        this.doc = doc;
    }

    static Template parse(String yaml) {
        return new Template(CfnYaml.parse(yaml));
    }

    /** A template of this document (tests mutate a copy of the real one to prove a rule catches the mistake). */
    static Template of(JsonNode doc) {
        return new Template(doc);
    }

    /** A deep copy, free to be mutated. */
    Template copy() {
        return new Template(doc.deepCopy());
    }

    static Template load() {
        try {
            return new Template(CfnYaml.read(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode resources() {
        return doc.get("Resources");
    }

    Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources().fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) found.put(e.getKey(), e.getValue());
        });
        return found;
    }

    /** The statements of a role's inline policies, in order. */
    List<JsonNode> statements(String role) {
        List<JsonNode> statements = new ArrayList<>();
        resources()
                .get(role)
                .path("Properties")
                .path("Policies")
                .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
        return statements;
    }

    /** Every function's properties with the Globals applied (maps merged, the function's values winning). */
    Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        JsonNode globals = doc.path("Globals").path("Function");
        resourcesOfType("AWS::Serverless::Function")
                .forEach((id, resource) -> functions.put(id, merge(globals.deepCopy(), resource.path("Properties"))));
        return functions;
    }

    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (!(base instanceof ObjectNode target) || !over.isObject() || isIntrinsic(over)) return over.deepCopy();
        over.fields()
                .forEachRemaining(e -> target.set(
                        e.getKey(),
                        target.has(e.getKey())
                                ? merge(target.get(e.getKey()), e.getValue())
                                : e.getValue().deepCopy()));
        return target;
    }

    static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) return false;
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    static String handlerClass(JsonNode function) {
        String handler = function.path("Handler").asText();
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /** The function's events of one type, by event name. */
    static Map<String, JsonNode> events(JsonNode function, String type) {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        function.path("Events").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText()))
                events.put(e.getKey(), e.getValue().path("Properties"));
        });
        return events;
    }

    /** "METHOD /path" of each HttpApi event. */
    static List<String> routes(JsonNode function) {
        List<String> routes = new ArrayList<>();
        events(function, "HttpApi")
                .values()
                .forEach(p -> routes.add(
                        p.path("Method").asText() + " " + p.path("Path").asText()));
        return routes;
    }

    /** The resource a {"Ref": X}, {"Fn::GetAtt": [X, ...]} or "X.Alias" points at, else null. */
    static String target(JsonNode node) {
        if (node == null) return null;
        if (node.has("Ref")) return node.get("Ref").asText().split("\\.")[0];
        if (node.has("Fn::GetAtt")) return node.get("Fn::GetAtt").get(0).asText();
        return null;
    }

    /** Visits every node of the tree. */
    static void walk(JsonNode node, Consumer<JsonNode> visitor) {
        visitor.accept(node);
        if (node.isContainerNode()) {
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) walk(children.next(), visitor);
        }
    }

    /** Strings or single values as a list of nodes. */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node == null || node.isMissingNode()) return list;
        if (node.isArray()) node.forEach(list::add);
        else list.add(node);
        return list;
    }

    static Set<String> names(Iterator<String> it) {
        Set<String> names = new LinkedHashSet<>();
        it.forEachRemaining(names::add);
        return names;
    }
}

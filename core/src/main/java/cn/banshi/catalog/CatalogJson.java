package cn.banshi.catalog;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the catalog resource format described on {@link Catalog}; a malformed one fails with {@link IllegalArgumentException}. */
public final class CatalogJson {
    private CatalogJson() {}

    /** Reads a catalog in the resource format described on {@link Catalog}. */
    public static Catalog read(InputStream in) throws IOException {
        return read(Json.parse(in));
    }

    /** Builds a catalog from a parsed document in the resource format described on {@link Catalog}. */
    public static Catalog read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("catalog must be a JSON object");
        }
        JsonNode t = object(root, "town", "catalog");
        Town town = new Town(text(t, "id", "town"), text(t, "name", "town"), text(t, "county", "town"));
        String where = town.id();

        List<Village> villages = new ArrayList<>();
        for (JsonNode v : array(root, "villages", where)) {
            String id = text(v, "id", where + " village");
            String kindCode = text(v, "kind", where + " village " + id);
            Village.Kind kind = Village.Kind.fromCode(kindCode)
                    .orElseThrow(() ->
                            new IllegalArgumentException(where + " village " + id + ": unknown kind " + kindCode));
            villages.add(new Village(id, text(v, "name", where + " village " + id), kind));
        }

        List<Category> categories = new ArrayList<>();
        for (JsonNode c : array(root, "categories", where)) {
            String id = text(c, "id", where + " category");
            String at = where + " category " + id;
            List<CaseType> types = new ArrayList<>();
            for (JsonNode tn : array(c, "types", at)) {
                types.add(caseType(tn.asText(), at));
            }
            TimeLimit fallback = c.has("limit") ? limit(c.get("limit"), at + " limit") : null;
            Map<CaseType, TimeLimit> limits = new EnumMap<>(CaseType.class);
            JsonNode overrides = c.get("limits");
            if (overrides != null) {
                if (!overrides.isObject()) {
                    throw new IllegalArgumentException(at + ": limits must be an object");
                }
                for (Map.Entry<String, JsonNode> e : overrides.properties()) {
                    CaseType type = caseType(e.getKey(), at);
                    if (!types.contains(type)) {
                        throw new IllegalArgumentException(at + ": limit for unlisted type " + type.code());
                    }
                    limits.put(type, limit(e.getValue(), at + " limit " + type.code()));
                }
            }
            for (CaseType type : types) {
                if (!limits.containsKey(type)) {
                    if (fallback == null) {
                        throw new IllegalArgumentException(at + ": no time limit for type " + type.code());
                    }
                    limits.put(type, fallback);
                }
            }
            categories.add(new Category(id, text(c, "name", at), types, limits));
        }
        Set<CaseType> verification = EnumSet.noneOf(CaseType.class);
        JsonNode pv = root.get("phoneVerification");
        if (pv != null) {
            if (!pv.isArray()) throw new IllegalArgumentException(where + ": phoneVerification must be an array");
            for (JsonNode tn : pv) {
                verification.add(CaseType.find(tn.asText())
                        .orElseThrow(() -> new IllegalArgumentException(
                                where + " phoneVerification: unknown case type " + tn.asText())));
            }
        }
        Retention retention = Retention.DEFAULTS;
        JsonNode rn = root.get("retention");
        if (rn != null) {
            if (!rn.isObject()) throw new IllegalArgumentException(where + ": retention must be an object");
            Map<CaseType, Integer> overrides = new EnumMap<>(CaseType.class);
            for (Map.Entry<String, JsonNode> e : rn.properties()) {
                CaseType type = CaseType.find(e.getKey())
                        .orElseThrow(() ->
                                new IllegalArgumentException(where + " retention: unknown case type " + e.getKey()));
                if (!e.getValue().isInt()) {
                    throw new IllegalArgumentException(where + " retention " + e.getKey() + ": years must be a number");
                }
                overrides.put(type, e.getValue().asInt());
            }
            retention = Retention.DEFAULTS.with(overrides);
        }
        return new Catalog(town, villages, categories, verification, retention);
    }

    private static CaseType caseType(String code, String at) {
        CaseType type =
                CaseType.find(code).orElseThrow(() -> new IllegalArgumentException(at + ": unknown case type " + code));
        if (!type.hasCategories()) {
            throw new IllegalArgumentException(at + ": case type " + code + " cannot have categories");
        }
        return type;
    }

    private static TimeLimit limit(JsonNode node, String at) {
        if (node == null || !node.isObject() || !node.path("days").isInt()) {
            throw new IllegalArgumentException(at + ": expected {\"days\": N, \"unit\": ...}");
        }
        String unitCode = text(node, "unit", at);
        TimeLimit.Unit unit = TimeLimit.Unit.fromCode(unitCode)
                .orElseThrow(() -> new IllegalArgumentException(at + ": unknown unit " + unitCode));
        return new TimeLimit(node.get("days").asInt(), unit);
    }

    private static JsonNode object(JsonNode parent, String field, String at) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(at + ": missing object " + field);
        }
        return n;
    }

    private static JsonNode array(JsonNode parent, String field, String at) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(at + ": missing array " + field);
        }
        return n;
    }

    private static String text(JsonNode parent, String field, String at) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(at + ": missing text " + field);
        }
        return n.asText();
    }
}

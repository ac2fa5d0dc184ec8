package cn.banshi.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of one town: its villages and communities, and the subject categories under which
 * citizens file cases, with the default time limit per category and case type. Immutable.
 *
 * <h2>JSON resource format</h2>
 * <pre>{@code
 * {"town": {"id": "gaocheng", "name": "高塍镇", "county": "宜兴市"},
 *  "villages": [{"id": "meijiadu", "name": "梅家渎村", "kind": "village"}, ...],
 *  "categories": [
 *    {"id": "environment", "name": "生态环境", "types": ["complaint", "help", ...],
 *     "limits": {"complaint": {"days": 13, "unit": "working"}, "help": {...}, ...}},
 *    {"id": "dispute-neighbour", "name": "邻里纠纷", "types": ["dispute"],
 *     "limit": {"days": 30, "unit": "calendar"}}, ...],
 *  "phoneVerification": ["petition", "dispute"]}
 * }</pre>
 * {@code "phoneVerification"} (optional) lists the case types whose non-anonymous online submissions need a code sent
 * by SMS (docs/abuse.md).
 * A category's {@code "limit"} is the default for all its types; entries in {@code "limits"} override it
 * per type. Every listed type must end up with a limit, {@code "limits"} may not name a type the category
 * does not list, and {@code info-request} may not be listed. Bundled catalogs are validated when loaded;
 * a malformed one fails with {@link IllegalArgumentException}.
 */
public final class Catalog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Town town;
    private final List<Village> villages;
    private final List<Category> categories;
    private final Map<String, Village> villagesById;
    private final Map<String, Category> categoriesById;
    private final Set<CaseType> phoneVerification;

    public Catalog(Town town, List<Village> villages, List<Category> categories) {
        this(town, villages, categories, Set.of());
    }

    /**
     * @param phoneVerification the case types whose non-anonymous online submissions need a verification code sent
     *     by SMS to the submitter's (or applicant's) mobile number (docs/abuse.md)
     */
    public Catalog(Town town, List<Village> villages, List<Category> categories, Set<CaseType> phoneVerification) {
        this.town = Objects.requireNonNull(town, "town");
        this.phoneVerification =
                phoneVerification.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(phoneVerification));
        this.villages = List.copyOf(villages);
        this.categories = List.copyOf(categories);
        Map<String, Village> vs = new LinkedHashMap<>();
        for (Village v : this.villages) {
            if (vs.put(v.id(), v) != null) {
                throw new IllegalArgumentException(town.id() + ": duplicate village id " + v.id());
            }
        }
        Map<String, Category> cs = new LinkedHashMap<>();
        for (Category c : this.categories) {
            if (cs.put(c.id(), c) != null) {
                throw new IllegalArgumentException(town.id() + ": duplicate category id " + c.id());
            }
        }
        this.villagesById = Collections.unmodifiableMap(vs);
        this.categoriesById = Collections.unmodifiableMap(cs);
    }

    public Town town() {
        return town;
    }

    /** Villages and communities in catalog order. */
    public List<Village> villages() {
        return villages;
    }

    /** All categories in catalog order. */
    public List<Category> categories() {
        return categories;
    }

    /** Whether a non-anonymous online submission of {@code type} needs a phone verification code. */
    public boolean requiresVerification(CaseType type) {
        return phoneVerification.contains(type);
    }

    /** The types needing a phone verification code online, in the enum's order. */
    public Set<CaseType> phoneVerification() {
        return phoneVerification;
    }

    public Optional<Village> village(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(villagesById.get(id));
    }

    public Optional<Category> category(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(categoriesById.get(id));
    }

    /** The default time limit for a case of {@code type} filed under the category; empty if either is unknown or they do not fit. */
    public Optional<TimeLimit> limitFor(String categoryId, CaseType type) {
        return category(categoryId).flatMap(c -> c.limitFor(type));
    }

    /** The categories a case of {@code type} can be filed under, in catalog order; empty for {@link CaseType#INFO_REQUEST}. */
    public List<Category> categoriesFor(CaseType type) {
        return categories.stream().filter(c -> c.appliesTo(type)).toList();
    }

    // ---------------------------------------------------------------- parsing

    /** Reads a catalog in the resource format described on this class. */
    public static Catalog parse(InputStream in) throws IOException {
        return fromJson(MAPPER.readTree(in));
    }

    /** Builds a catalog from a parsed document in the resource format described on this class. */
    public static Catalog fromJson(JsonNode root) {
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
        return new Catalog(town, villages, categories, verification);
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

    @Override
    public String toString() {
        return "Catalog[" + town.id() + ", " + villages.size() + " villages, " + categories.size() + " categories]";
    }
}

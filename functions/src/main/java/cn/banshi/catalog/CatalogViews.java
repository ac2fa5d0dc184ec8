package cn.banshi.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of a town's catalog as citizens' forms read it. */
public final class CatalogViews {
    private CatalogViews() {}

    /**
     * The public view served by {@code GET /api/v1/towns/{town}/catalog}:
     * <pre>{@code
     * {"town": {"id", "name"},
     *  "types": [{"id": "complaint", "name": "投诉举报"}, ...],        // the six categorised types
     *  "categories": [{"id", "name", "types": ["complaint", ...],
     *                  "limits": {"complaint": {"days": 13, "unit": "working"}, ...}}, ...],
     *  "villages": [{"id", "name", "kind"}, ...]}
     * }</pre>
     * {@code info-request} is not in {@code types}: it has no categories and its own form and limits.
     * Each call returns a fresh node that the caller may modify.
     */
    public static ObjectNode publicView(Catalog catalog) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.putObject("town")
                .put("id", catalog.town().id())
                .put("name", catalog.town().name());
        ArrayNode types = root.putArray("types");
        for (CaseType t : CaseType.categorised()) {
            types.addObject().put("id", t.code()).put("name", t.nameZh());
        }
        ArrayNode cats = root.putArray("categories");
        for (Category c : catalog.categories()) {
            ObjectNode cn = cats.addObject().put("id", c.id()).put("name", c.name());
            ArrayNode ct = cn.putArray("types");
            c.types().forEach(t -> ct.add(t.code()));
            ObjectNode limits = cn.putObject("limits");
            c.limits()
                    .forEach((t, l) -> limits.putObject(t.code())
                            .put("days", l.days())
                            .put("unit", l.unit().code()));
        }
        ArrayNode vs = root.putArray("villages");
        for (Village v : catalog.villages()) {
            vs.addObject()
                    .put("id", v.id())
                    .put("name", v.name())
                    .put("kind", v.kind().code());
        }
        ArrayNode verification = root.putArray("phoneVerification");
        catalog.phoneVerification().forEach(t -> verification.add(t.code()));
        return root;
    }
}

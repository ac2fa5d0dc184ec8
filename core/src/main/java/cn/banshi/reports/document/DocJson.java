package cn.banshi.reports.document;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Doc} as JSON and back, block by block with its id: the form a draft's generated document is stored
 * in ({@code draft/doc.json}) and a published version's document is frozen in. The one place that knows this
 * layout.
 */
public final class DocJson {
    private DocJson() {}

    public static ObjectNode write(Doc doc) {
        ObjectNode root = Json.object();
        root.put("title", doc.title());
        ArrayNode blocks = root.putArray("blocks");
        for (Doc.Entry e : doc.entries()) blocks.add(block(e));
        return root;
    }

    public static ObjectNode block(Doc.Entry e) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        Doc.Block b = e.block();
        if (b instanceof Doc.Heading h) {
            n.put("kind", "heading").put("level", h.level()).put("text", h.text());
        } else if (b instanceof Doc.Para p) {
            n.put("kind", "para").put("text", p.text());
        } else if (b instanceof Doc.Chart c) {
            n.put("kind", "chart").put("caption", c.caption()).put("horizontal", c.horizontal());
            ArrayNode labels = n.putArray("labels");
            c.labels().forEach(labels::add);
            ArrayNode values = n.putArray("values");
            c.values().forEach(values::add);
        } else if (b instanceof Doc.Signature s) {
            n.put("kind", "signature")
                    .put("issuer", s.issuer())
                    .put("date", s.date().toString());
        } else if (b instanceof Doc.Table t) {
            n.put("kind", "table");
            if (t.caption() != null) n.put("caption", t.caption());
            ArrayNode widths = n.putArray("widths");
            t.widths().forEach(widths::add);
            rows(n.putArray("head"), t.head());
            ArrayNode flat = n.putArray("flatHeader");
            t.flatHeader().forEach(flat::add);
            rows(n.putArray("body"), t.body());
            if (t.note() != null) n.put("note", t.note());
        }
        return n;
    }

    private static void rows(ArrayNode out, List<List<Doc.Cell>> rows) {
        for (List<Doc.Cell> row : rows) {
            ArrayNode r = out.addArray();
            for (Doc.Cell c : row) {
                r.addObject()
                        .put("text", c.text())
                        .put("colSpan", c.colSpan())
                        .put("rowSpan", c.rowSpan())
                        .put("indent", c.indent())
                        .put("number", c.number());
            }
        }
    }

    /** Reads what {@link #write} wrote; a malformed document is an {@link IllegalArgumentException}. */
    public static Doc read(JsonNode root) {
        List<Doc.Entry> entries = new ArrayList<>();
        for (JsonNode n : root.path("blocks"))
            entries.add(new Doc.Entry(n.path("id").asText(), readBlock(n)));
        return Doc.of(text(root, "title"), entries);
    }

    private static Doc.Block readBlock(JsonNode n) {
        return switch (n.path("kind").asText()) {
            case "heading" -> new Doc.Heading(n.path("level").asInt(), text(n, "text"));
            case "para" -> new Doc.Para(text(n, "text"));
            case "chart" -> {
                List<String> labels = new ArrayList<>();
                n.path("labels").forEach(l -> labels.add(l.asText()));
                List<Long> values = new ArrayList<>();
                n.path("values").forEach(v -> values.add(v.asLong()));
                yield new Doc.Chart(
                        text(n, "caption"), labels, values, n.path("horizontal").asBoolean());
            }
            case "signature" -> new Doc.Signature(text(n, "issuer"), LocalDate.parse(text(n, "date")));
            case "table" -> {
                List<Integer> widths = new ArrayList<>();
                n.path("widths").forEach(w -> widths.add(w.asInt()));
                List<String> flat = new ArrayList<>();
                n.path("flatHeader").forEach(f -> flat.add(f.asText()));
                yield new Doc.Table(
                        n.hasNonNull("caption") ? n.get("caption").asText() : null,
                        widths,
                        rows(n.path("head")),
                        flat,
                        rows(n.path("body")),
                        n.hasNonNull("note") ? n.get("note").asText() : null);
            }
            default -> throw new IllegalArgumentException("unknown block kind " + n.path("kind"));
        };
    }

    private static List<List<Doc.Cell>> rows(JsonNode rows) {
        List<List<Doc.Cell>> out = new ArrayList<>();
        for (JsonNode r : rows) {
            List<Doc.Cell> row = new ArrayList<>();
            for (JsonNode c : r) {
                row.add(new Doc.Cell(
                        text(c, "text"),
                        c.path("colSpan").asInt(1),
                        c.path("rowSpan").asInt(1),
                        c.path("indent").asInt(0),
                        c.path("number").asBoolean()));
            }
            out.add(row);
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("document field " + field + " missing");
        return v.asText();
    }
}

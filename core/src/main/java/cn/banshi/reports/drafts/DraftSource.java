package cn.banshi.reports.drafts;

import cn.banshi.json.Json;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.document.DocJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * What the last report run generated, as the draft starts from it: the document with its block ids, the day
 * it was drafted, and the report's figures ({@code report.json}'s content, kept as bytes: the draft never reads
 * them, a publication freezes them beside the document). Stored as {@code draft/doc.json} beside the report.
 */
public record DraftSource(Doc doc, LocalDate drafted, byte[] figures) {

    public byte[] toBytes() {
        ObjectNode root = DocJson.write(doc);
        root.put("drafted", drafted.toString());
        try {
            root.set("figures", Json.mapper().readTree(figures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.write(root).getBytes(StandardCharsets.UTF_8);
    }

    public static DraftSource fromBytes(byte[] bytes) {
        try {
            JsonNode root = Json.mapper().readTree(bytes);
            byte[] figures = Json.mapper().writeValueAsBytes(root.path("figures"));
            return new DraftSource(
                    DocJson.read(root), LocalDate.parse(root.path("drafted").asText()), figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

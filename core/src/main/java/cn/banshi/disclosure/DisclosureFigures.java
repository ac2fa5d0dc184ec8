package cn.banshi.disclosure;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The figures of the disclosure annual report that staff enter (ogi.md): section 二's proactive-disclosure
 * table and section 四's administrative review and litigation table, plus optional text for section 六.
 * Counts are non-negative integers; {@code feeAmount} is in 万元.
 */
public record DisclosureFigures(int year, Proactive proactive, ReviewLitigation reviewLitigation, String otherMatters) {

    /** 规章 / 行政规范性文件: issued this year, repealed this year, in force. */
    public record Documents(int issued, int repealed, int inForce) {}

    public record Proactive(
            Documents rules,
            Documents normativeDocuments,
            int licensing,
            int penalties,
            int enforcement,
            BigDecimal feeAmount) {}

    /** 结果维持, 结果纠正, 其他结果, 尚未审结; {@link #total()} is 总计. */
    public record Outcomes(int upheld, int corrected, int other, int pending) {
        public int total() {
            return upheld + corrected + other + pending;
        }
    }

    public record ReviewLitigation(Outcomes review, Outcomes litigationDirect, Outcomes litigationAfterReview) {}

    /** All zeros: what the report shows while staff have not entered the year's figures. */
    public static DisclosureFigures empty(int year) {
        Documents none = new Documents(0, 0, 0);
        Outcomes zero = new Outcomes(0, 0, 0, 0);
        return new DisclosureFigures(
                year,
                new Proactive(none, none, 0, 0, 0, BigDecimal.ZERO),
                new ReviewLitigation(zero, zero, zero),
                null);
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("year", year);
        ObjectNode p = root.putObject("proactive");
        documents(p.putObject("rules"), proactive.rules());
        documents(p.putObject("normativeDocuments"), proactive.normativeDocuments());
        p.put("licensing", proactive.licensing());
        p.put("penalties", proactive.penalties());
        p.put("enforcement", proactive.enforcement());
        p.put("feeAmount", proactive.feeAmount());
        ObjectNode r = root.putObject("reviewLitigation");
        outcomes(r.putObject("review"), reviewLitigation.review());
        outcomes(r.putObject("litigationDirect"), reviewLitigation.litigationDirect());
        outcomes(r.putObject("litigationAfterReview"), reviewLitigation.litigationAfterReview());
        if (otherMatters != null) root.put("otherMatters", otherMatters);
        return root;
    }

    /** Reads the stored (already validated) form. */
    public static DisclosureFigures fromJson(JsonNode n) {
        JsonNode p = n.get("proactive");
        JsonNode r = n.get("reviewLitigation");
        return new DisclosureFigures(
                n.get("year").intValue(),
                new Proactive(
                        documents(p.get("rules")),
                        documents(p.get("normativeDocuments")),
                        p.get("licensing").intValue(),
                        p.get("penalties").intValue(),
                        p.get("enforcement").intValue(),
                        p.get("feeAmount").decimalValue()),
                new ReviewLitigation(
                        outcomes(r.get("review")),
                        outcomes(r.get("litigationDirect")),
                        outcomes(r.get("litigationAfterReview"))),
                n.hasNonNull("otherMatters") ? n.get("otherMatters").textValue() : null);
    }

    private static void documents(ObjectNode node, Documents d) {
        node.put("issued", d.issued()).put("repealed", d.repealed()).put("inForce", d.inForce());
    }

    private static Documents documents(JsonNode n) {
        return new Documents(
                n.get("issued").intValue(),
                n.get("repealed").intValue(),
                n.get("inForce").intValue());
    }

    private static void outcomes(ObjectNode node, Outcomes o) {
        node.put("upheld", o.upheld())
                .put("corrected", o.corrected())
                .put("other", o.other())
                .put("pending", o.pending())
                .put("total", o.total());
    }

    private static Outcomes outcomes(JsonNode n) {
        return new Outcomes(
                n.get("upheld").intValue(),
                n.get("corrected").intValue(),
                n.get("other").intValue(),
                n.get("pending").intValue());
    }
}

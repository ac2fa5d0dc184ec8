package cn.banshi.disclosure;

import cn.banshi.disclosure.DisclosureFigures.Documents;
import cn.banshi.disclosure.DisclosureFigures.Outcomes;
import cn.banshi.disclosure.DisclosureFigures.Proactive;
import cn.banshi.disclosure.DisclosureFigures.ReviewLitigation;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The stored and response form of {@link DisclosureFigures}; outcome rows carry their {@code total}. */
public final class DisclosureFiguresJson {
    private DisclosureFiguresJson() {}

    public static ObjectNode write(DisclosureFigures figures) {
        Proactive proactive = figures.proactive();
        ReviewLitigation reviewLitigation = figures.reviewLitigation();
        ObjectNode root = Json.object();
        root.put("year", figures.year());
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
        if (figures.otherMatters() != null) root.put("otherMatters", figures.otherMatters());
        return root;
    }

    /** Reads the stored (already validated) form. */
    public static DisclosureFigures read(JsonNode n) {
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

package cn.banshi.batch.cases;

import cn.banshi.catalog.CaseType;
import cn.banshi.json.Json;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of the year's reconciliation, 上年结转 + 本年新收 = 本年办结 + 结转下年: the cases open on 1
 * January, received in the period, finished in it (and of those, in time), and open at its end. The three
 * reports state it with the same figures for all cases, for petitions and for information requests (whose
 * line is the disclosure table's 总计 column: 二 + 一 = （七） + 四).
 */
public record Reconciliation(long carriedOver, long received, long finished, long onTime, long carriedForward) {

    public static Reconciliation all(CaseFigures f) {
        return new Reconciliation(f.carriedOver(), f.received(), f.finished(), f.onTime(), f.open());
    }

    public static Reconciliation of(CaseFigures f, CaseType type) {
        return new Reconciliation(
                f.carriedOver(type), f.received(type), f.finished(type), f.onTime(type), f.open(type));
    }

    public boolean balances() {
        return carriedOver + received == finished + carriedForward;
    }

    /** "上年结转22件，本年新收4874件，本年办结4867件（按期办结率95.6%），结转下年29件" (no final 。). */
    public String text() {
        return "上年结转" + carriedOver + "件，本年新收" + received + "件，本年办结" + finished + "件"
                + (finished > 0 ? "（按期办结率" + Texts.percent(onTime, finished) + "）" : "") + "，结转下年"
                + carriedForward + "件";
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("carriedOver", carriedOver);
        o.put("received", received);
        o.put("finished", finished);
        o.put("finishedOnTime", onTime);
        o.put("carriedForward", carriedForward);
        return o;
    }

    /**
     * report.json's {@code reconciliation}, the same object in the three reports: {@code all}, {@code petition}
     * and {@code info-request}.
     */
    public static ObjectNode json(CaseFigures f) {
        ObjectNode o = Json.object();
        o.set("all", all(f).toJson());
        o.set(CaseType.PETITION.code(), of(f, CaseType.PETITION).toJson());
        o.set(CaseType.INFO_REQUEST.code(), of(f, CaseType.INFO_REQUEST).toJson());
        return o;
    }
}

package cn.banshi.batch.report;

import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.cases.Reconciliation;
import cn.banshi.catalog.CaseType;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.document.Doc.Cell;
import cn.banshi.reports.document.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annexed tables (附表) of the year's cases, after the signature: received, finished and carried by type
 * (the reconciliation), received by month, and received by category (every category; those named 其他… in one 其他 row, last).
 * Each has its own heading (附表N) and column headers; the HTML also draws the month and category figures.
 */
public final class CaseAnnex {
    private CaseAnnex() {}

    /** Adds the three tables, numbered from {@code first}; returns the next free number. */
    public static int add(Doc doc, CaseFigures f, int year, int first) {
        int n = first;
        doc.heading(1, label(n++) + year + "年群众诉求收结情况");
        doc.table(reconciliationTable(f));
        doc.heading(1, label(n++) + year + "年群众诉求受理情况（按月份）");
        months(doc, f, year);
        doc.heading(1, label(n++) + year + "年群众诉求受理情况（按类别）");
        categories(doc, f, year);
        return n;
    }

    /** 附表1　 */
    public static String label(int n) {
        return "附表" + n + "\u3000";
    }

    static Doc.Table reconciliationTable(CaseFigures f) {
        List<String> header = List.of("类型", "上年结转", "本年新收", "本年办结", "其中按期办结", "结转下年");
        List<List<Cell>> body = new ArrayList<>();
        for (CaseType type : CaseType.values()) {
            Reconciliation r = Reconciliation.of(f, type);
            if (r.carriedOver() + r.received() + r.finished() + r.carriedForward() == 0) continue;
            body.add(row(type.nameZh(), r));
        }
        body.add(row("合计", Reconciliation.all(f)));
        return new Doc.Table(
                null,
                List.of(4, 2, 2, 2, 2, 2),
                List.of(header.stream().map(Cell::text).toList()),
                header,
                body,
                "注：上年结转加本年新收，等于本年办结加结转下年。");
    }

    private static List<Cell> row(String label, Reconciliation r) {
        return List.of(
                Cell.text(label),
                Cell.number(r.carriedOver()),
                Cell.number(r.received()),
                Cell.number(r.finished()),
                Cell.number(r.onTime()),
                Cell.number(r.carriedForward()));
    }

    private static void months(Doc doc, CaseFigures f, int year) {
        long[] months = f.byMonth();
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<List<Cell>> body = new ArrayList<>();
        long total = 0;
        for (int m = 0; m < 12; m++) {
            labels.add((m + 1) + "月");
            values.add(months[m]);
            body.add(List.of(Cell.text((m + 1) + "月"), Cell.number(months[m])));
            total += months[m];
        }
        body.add(List.of(Cell.text("合计"), Cell.number(total)));
        doc.chart(new Doc.Chart(year + "年群众诉求受理件数（按月份）", labels, values, false));
        doc.table(table(List.of("月份", "受理件数"), List.of(3, 2), body));
    }

    private static void categories(Doc doc, CaseFigures f, int year) {
        // one 其他 row, last, for the catalog's 其他, 其他纠纷, 其他信访事项 …
        List<Map.Entry<String, Long>> named = new ArrayList<>();
        long other = 0;
        for (Map.Entry<String, Long> e : f.byCategory().entrySet()) {
            if (e.getKey().startsWith("其他")) other += e.getValue();
            else named.add(e);
        }
        if (other > 0) named.add(Map.entry("其他", other));
        long total = named.stream().mapToLong(Map.Entry::getValue).sum();
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<List<Cell>> body = new ArrayList<>();
        for (Map.Entry<String, Long> e : named) {
            labels.add(e.getKey());
            values.add(e.getValue());
            body.add(List.of(
                    Cell.text(e.getKey()), Cell.number(e.getValue()), Cell.number(Texts.percent(e.getValue(), total))));
        }
        body.add(List.of(Cell.text("合计"), Cell.number(total), Cell.number(total == 0 ? "—" : "100%")));
        doc.chart(new Doc.Chart(year + "年群众诉求受理件数（按类别）", labels, values, true));
        doc.table(table(List.of("类别", "受理件数", "占比"), List.of(4, 2, 2), body));
    }

    private static Doc.Table table(List<String> header, List<Integer> widths, List<List<Cell>> body) {
        return new Doc.Table(
                null, widths, List.of(header.stream().map(Cell::text).toList()), header, body, null);
    }

    /**
     * "本报告所列数据统计期限自…起至…止。", and when the period's last case was received more than a week
     * before its end, the day it was.
     */
    public static String dataPeriod(CaseFigures f) {
        String text = "本报告所列数据统计期限自" + Texts.date(f.period().start()) + "起至"
                + Texts.date(f.period().asOf()) + "止";
        LocalDate last = f.lastReceived();
        if (last != null && last.isBefore(f.period().asOf().minusDays(7))) {
            text += "，期内最后一件群众诉求于" + Texts.date(last) + "受理";
        }
        return text + "。";
    }
}

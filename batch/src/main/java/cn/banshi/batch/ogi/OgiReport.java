package cn.banshi.batch.ogi;

import cn.banshi.activities.Activity;
import cn.banshi.activities.ActivityTheme;
import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.cases.Ogi;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.catalog.CaseType;
import cn.banshi.disclosure.DisclosureFigures;
import cn.banshi.json.Json;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.document.Doc.Cell;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 政府信息公开工作年度报告 in the six sections and with the three statutory tables of
 * 国办公开办函〔2021〕30号 (ogi.md): labels, rows, columns and order as the format gives them.
 */
public final class OgiReport {
    private OgiReport() {}

    public static Report build(
            String townId, int year, LocalDate issued, CaseFigures f, DisclosureTable table, ReportInputs in) {
        String town = in.catalog().town().name();
        DisclosureFigures figures = in.disclosure().orElse(DisclosureFigures.empty(year));
        boolean entered = in.disclosure().isPresent();
        Doc doc = new Doc(town + year + "年政府信息公开工作年度报告");
        doc.para("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
                + "（国办公开办函〔2021〕30号）要求编制。本报告所列数据统计期限自" + Texts.date(f.period().start()) + "起至"
                + Texts.date(f.period().asOf()) + "止。");

        doc.heading(1, Texts.h1(1, "总体情况"));
        long reviews = figures.reviewLitigation().review().total();
        long suits = figures.reviewLitigation().litigationDirect().total()
                + figures.reviewLitigation().litigationAfterReview().total();
        doc.para(year + "年，" + town + "认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"
                + "全年主动公开行政规范性文件" + figures.proactive().normativeDocuments().issued() + "件，公开行政许可决定"
                + figures.proactive().licensing() + "件、行政处罚决定"
                + figures.proactive().penalties() + "件；"
                + "新收政府信息公开申请" + table.get("new", "total") + "件，上年结转" + table.get("carried-over", "total")
                + "件，本年度办结" + table.get("total", "total") + "件，结转下年度继续办理" + table.get("carried-forward", "total")
                + "件；因政府信息公开引发行政复议" + reviews + "件、行政诉讼" + suits + "件。");
        List<Activity> measures = in.activities().stream()
                .filter(a -> a.theme() == ActivityTheme.OPEN_GOVERNMENT || a.theme() == ActivityTheme.SUPERVISION)
                .toList();
        if (!measures.isEmpty()) {
            StringBuilder b = new StringBuilder("年内主要开展了以下工作：");
            int i = 0;
            for (Activity a : measures) {
                b.append(Texts.ordinal(++i)).append(Texts.sentence(a.title()));
                if (a.description() != null) b.append(Texts.sentence(a.description()));
            }
            doc.para(b.toString());
        }

        doc.heading(1, Texts.h1(2, "主动公开政府信息情况"));
        doc.table(proactiveTable(figures));
        if (!entered) doc.para("（注：本年度主动公开数据尚未录入，表中暂按0填列。）");

        doc.heading(1, Texts.h1(3, "收到和处理政府信息公开申请情况"));
        doc.table(requestsTable(table));

        doc.heading(1, Texts.h1(4, "政府信息公开行政复议、行政诉讼情况"));
        doc.table(reviewTable(figures));
        if (!entered) doc.para("（注：本年度行政复议、行政诉讼数据尚未录入，表中暂按0填列。）");

        doc.heading(1, Texts.h1(5, "存在的主要问题及改进情况"));
        List<String> problems = problems(f, table);
        if (problems.isEmpty()) {
            doc.para("本年度政府信息公开申请均在法定期限内答复，工作总体运行平稳，但主动公开的深度和广度还有提升空间，政策解读和回应关切还需加强。"
                    + "下一步，将进一步完善信息发布机制，丰富公开形式，提高政府信息公开工作质量。");
        } else {
            for (String p : problems) doc.para(p);
        }

        doc.heading(1, Texts.h1(6, "其他需要报告的事项"));
        doc.para(figures.otherMatters() != null ? Texts.sentence(figures.otherMatters()) : "无其他需要报告的事项。");
        doc.signature(town + "人民政府", issued);

        ObjectNode json = Json.object();
        json.put("job", ReportKind.OGI_ANNUAL.code());
        json.put("town", townId);
        json.put("townName", town);
        json.put("year", year);
        json.put("periodStart", f.period().start().toString());
        json.put("asOf", f.period().asOf().toString());
        json.put("issued", issued.toString());
        json.set("requests", table.toJson());
        json.put("disclosureFiguresEntered", entered);
        ObjectNode fig = figures.toJson();
        json.set("proactive", fig.get("proactive"));
        json.set("reviewLitigation", fig.get("reviewLitigation"));
        ObjectNode requests = json.putObject("requestHandling");
        requests.put("answeredOnTime", f.onTime(CaseType.INFO_REQUEST));
        requests.put("answeredLate", f.late(CaseType.INFO_REQUEST));
        requests.put("overdueOpenAtEnd", f.overdueOpen(CaseType.INFO_REQUEST));
        ArrayNode p = json.putArray("problems");
        problems.forEach(p::add);
        return new Report(doc, json);
    }

    private static List<String> problems(CaseFigures f, DisclosureTable table) {
        List<String> problems = new ArrayList<>();
        long late = f.late(CaseType.INFO_REQUEST);
        long overdue = f.overdueOpen(CaseType.INFO_REQUEST);
        if (late + overdue > 0) {
            problems.add("（一）个别申请答复不够及时。本年度有" + late + "件政府信息公开申请超过法定期限答复"
                    + (overdue > 0 ? "，截至" + Texts.date(f.period().asOf()) + "尚有" + overdue + "件已超过答复期限" : "")
                    + "。改进措施：建立依申请公开办理台账，对临近答复期限的申请提前预警，需征求第三方意见或延期答复的严格按《条例》规定办理并告知申请人。");
        }
        long answered = table.get("total", "total");
        long notHeld = table.get("unavailable:not-held", "total") + table.get("unavailable:needs-creation", "total");
        if (answered >= 10 && notHeld * 5 > answered) {
            problems.add("（" + Texts.chinese(problems.size() + 1) + "）主动公开与群众需求还有差距。本年度因本机关不掌握相关信息或需另行制作而无法提供的申请"
                    + notHeld + "件，占办结总数的" + Texts.percent(notHeld, answered) + "。改进措施：分析申请集中的事项，"
                    + "对群众关注度高的信息及时纳入主动公开范围，加强申请前的咨询引导。");
        }
        return problems;
    }

    static Doc.Table proactiveTable(DisclosureFigures figures) {
        DisclosureFigures.Proactive p = figures.proactive();
        List<List<Cell>> body = new ArrayList<>();
        body.add(List.of(Cell.span("第二十条第（一）项", 4, 1)));
        body.add(List.of(Cell.text("信息内容"), Cell.text("本年制发件数"), Cell.text("本年废止件数"), Cell.text("现行有效件数")));
        body.add(List.of(
                Cell.text("规章"),
                Cell.number(p.rules().issued()),
                Cell.number(p.rules().repealed()),
                Cell.number(p.rules().inForce())));
        body.add(List.of(
                Cell.text("行政规范性文件"),
                Cell.number(p.normativeDocuments().issued()),
                Cell.number(p.normativeDocuments().repealed()),
                Cell.number(p.normativeDocuments().inForce())));
        body.add(List.of(Cell.span("第二十条第（五）项", 4, 1)));
        body.add(List.of(Cell.text("信息内容"), Cell.span("本年处理决定数量", 3, 1)));
        body.add(List.of(Cell.text("行政许可"), spanNumber(Long.toString(p.licensing()), 3)));
        body.add(List.of(Cell.span("第二十条第（六）项", 4, 1)));
        body.add(List.of(Cell.text("信息内容"), Cell.span("本年处理决定数量", 3, 1)));
        body.add(List.of(Cell.text("行政处罚"), spanNumber(Long.toString(p.penalties()), 3)));
        body.add(List.of(Cell.text("行政强制"), spanNumber(Long.toString(p.enforcement()), 3)));
        body.add(List.of(Cell.span("第二十条第（八）项", 4, 1)));
        body.add(List.of(Cell.text("信息内容"), Cell.span("本年收费金额（单位：万元）", 3, 1)));
        body.add(List.of(Cell.text("行政事业性收费"), spanNumber(p.feeAmount().toPlainString(), 3)));
        return new Doc.Table(null, List.of(3, 2, 2, 2), List.of(), List.of("项目", "", "", ""), body, null);
    }

    private static Cell spanNumber(String value, int span) {
        return new Cell(value, span, 1, 0, true);
    }

    static Doc.Table requestsTable(DisclosureTable t) {
        List<List<Cell>> head = new ArrayList<>();
        head.add(List.of(Cell.span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), Cell.span("申请人情况", 7, 1)));
        head.add(List.of(Cell.span("自然人", 1, 2), Cell.span("法人或其他组织", 5, 1), Cell.span("总计", 1, 2)));
        head.add(List.of(
                Cell.text("商业企业"), Cell.text("科研机构"), Cell.text("社会公益组织"), Cell.text("法律服务机构"), Cell.text("其他")));
        List<List<Cell>> body = new ArrayList<>();
        body.add(row(List.of(Cell.span("一、本年新收政府信息公开申请数量", 3, 1)), t.row("new")));
        body.add(row(List.of(Cell.span("二、上年结转政府信息公开申请数量", 3, 1)), t.row("carried-over")));
        List<String> outcomes = new ArrayList<>(Ogi.OUTCOMES.keySet());
        for (String outcome : outcomes) {
            List<Cell> label = new ArrayList<>();
            if (outcome.equals("disclosed")) label.add(Cell.span("三、本年度办理结果", 1, outcomes.size() + 1));
            if (outcome.equals("disclosed") || outcome.equals("partially-disclosed")) {
                label.add(Cell.span(Ogi.OUTCOMES.get(outcome), 2, 1));
            } else {
                String group = outcome.substring(0, outcome.indexOf(':'));
                String first = outcomes.stream()
                        .filter(o -> o.startsWith(group + ":"))
                        .findFirst()
                        .orElseThrow();
                if (outcome.equals(first)) {
                    long size = outcomes.stream()
                            .filter(o -> o.startsWith(group + ":"))
                            .count();
                    label.add(Cell.span(groupLabel(group), 1, (int) size));
                }
                label.add(Cell.text(Ogi.OUTCOMES.get(outcome)));
            }
            body.add(row(label, t.row(outcome)));
        }
        body.add(row(List.of(Cell.span("（七）总计", 2, 1)), t.row("total")));
        body.add(row(List.of(Cell.span("四、结转下年度继续办理", 3, 1)), t.row("carried-forward")));
        List<String> flat = new ArrayList<>(List.of("项目", "", ""));
        flat.addAll(
                List.of("自然人", "法人或其他组织·商业企业", "法人或其他组织·科研机构", "法人或其他组织·社会公益组织", "法人或其他组织·法律服务机构", "法人或其他组织·其他", "总计"));
        return new Doc.Table(
                null, List.of(2, 3, 8, 2, 2, 2, 2, 2, 2, 2), head, flat, body, "注：本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和。");
    }

    private static String groupLabel(String group) {
        return switch (group) {
            case "withheld" -> "（三）不予公开";
            case "unavailable" -> "（四）无法提供";
            case "not-processed" -> "（五）不予处理";
            case "other" -> "（六）其他处理";
            default -> throw new IllegalArgumentException(group);
        };
    }

    private static List<Cell> row(List<Cell> label, long[] values) {
        List<Cell> cells = new ArrayList<>(label);
        for (long v : values) cells.add(Cell.number(v));
        return cells;
    }

    static Doc.Table reviewTable(DisclosureFigures figures) {
        List<List<Cell>> head = new ArrayList<>();
        head.add(List.of(Cell.span("行政复议", 5, 1), Cell.span("行政诉讼", 10, 1)));
        head.add(List.of(
                Cell.span("结果维持", 1, 2),
                Cell.span("结果纠正", 1, 2),
                Cell.span("其他结果", 1, 2),
                Cell.span("尚未审结", 1, 2),
                Cell.span("总计", 1, 2),
                Cell.span("未经复议直接起诉", 5, 1),
                Cell.span("复议后起诉", 5, 1)));
        List<Cell> sub = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (String s : List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")) sub.add(Cell.text(s));
        }
        head.add(sub);
        List<Cell> values = new ArrayList<>();
        DisclosureFigures.ReviewLitigation r = figures.reviewLitigation();
        for (DisclosureFigures.Outcomes o : List.of(r.review(), r.litigationDirect(), r.litigationAfterReview())) {
            values.addAll(List.of(
                    Cell.number(o.upheld()),
                    Cell.number(o.corrected()),
                    Cell.number(o.other()),
                    Cell.number(o.pending()),
                    Cell.number(o.total())));
        }
        List<String> flat = new ArrayList<>();
        for (String group : List.of("行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉")) {
            for (String s : List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")) flat.add(group + "·" + s);
        }
        return new Doc.Table(null, Collections.nCopies(15, 1), head, flat, List.of(values), null);
    }
}

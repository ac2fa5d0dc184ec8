package cn.banshi.batch.ogi;

import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.cases.Ogi;
import cn.banshi.batch.cases.Reconciliation;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.batch.report.SigningDate;
import cn.banshi.catalog.CaseType;
import cn.banshi.disclosure.DisclosureFigures;
import cn.banshi.disclosure.DisclosureFiguresJson;
import cn.banshi.json.Json;
import cn.banshi.plans.PlanItem;
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
 * 国办公开办函〔2021〕30号 (ogi.md): labels, rows, columns and order as the format gives them. 总体情况 covers
 * the format's five topics (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) with the year's figures;
 * 五 says how last year's disclosure arrangements were carried out and what this year's data shows (requests
 * answered late, review cases, requests not processed, information not held), each with its remedy.
 */
public final class OgiReport {
    private OgiReport() {}

    public static Report build(
            String townId, int year, LocalDate today, CaseFigures f, DisclosureTable table, ReportInputs in) {
        String town = in.catalog().town().name();
        DisclosureFigures figures = in.disclosure().orElse(DisclosureFigures.empty(year));
        boolean entered = in.disclosure().isPresent();
        SigningDate signing = SigningDate.of(ReportKind.OGI_ANNUAL, year, today);
        Doc doc = new Doc(town + year + "年政府信息公开工作年度报告");
        doc.para("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
                + "（国办公开办函〔2021〕30号）要求编制。本报告所列数据统计期限自" + Texts.date(f.period().start()) + "起至"
                + Texts.date(f.period().asOf()) + "止。");

        doc.heading(1, Texts.h1(1, "总体情况"));
        doc.para(year + "年，" + town + "认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。");
        overview(doc, f, table, figures);

        doc.heading(1, Texts.h1(2, "主动公开政府信息情况"));
        doc.table(proactiveTable(figures));
        if (!entered) doc.para("（注：本年度主动公开数据待补充，表中暂按0填列。）");

        doc.heading(1, Texts.h1(3, "收到和处理政府信息公开申请情况"));
        doc.table(requestsTable(table));

        doc.heading(1, Texts.h1(4, "政府信息公开行政复议、行政诉讼情况"));
        doc.table(reviewTable(figures));
        if (!entered) doc.para("（注：本年度行政复议、行政诉讼数据待补充，表中暂按0填列。）");

        doc.heading(1, Texts.h1(5, "存在的主要问题及改进情况"));
        List<PlanItem> lastYear = disclosureArrangements(in.planForYear());
        int sub = 0;
        if (!lastYear.isEmpty()) {
            doc.heading(2, Texts.h2(++sub, "上年度改进措施落实情况"));
            for (PlanItem p : lastYear) doc.para(arrangementDone(p));
        }
        List<String> problems = problems(f, table, figures);
        doc.heading(2, Texts.h2(++sub, "本年度存在的主要问题及改进措施"));
        if (problems.isEmpty()) {
            doc.para("本年度政府信息公开申请均在法定期限内答复，未发生因政府信息公开引发的行政复议、行政诉讼，工作总体运行平稳。"
                    + "但主动公开的深度和广度还有提升空间，政策解读和回应关切还需加强。下一步，将进一步完善信息发布机制，丰富公开形式，提高政府信息公开工作质量。");
        } else {
            for (String p : problems) doc.para(p);
        }

        doc.heading(1, Texts.h1(6, "其他需要报告的事项"));
        doc.para(figures.otherMatters() != null ? Texts.sentence(figures.otherMatters()) : "无。");
        doc.signature(town + "人民政府", signing.date());

        ObjectNode json = Json.object();
        json.put("job", ReportKind.OGI_ANNUAL.code());
        json.put("town", townId);
        json.put("townName", town);
        json.put("year", year);
        json.put("periodStart", f.period().start().toString());
        json.put("asOf", f.period().asOf().toString());
        json.put("drafted", today.toString());
        signing.putInto(json);
        json.set("requests", table.toJson());
        json.set("reconciliation", Reconciliation.json(f));
        json.put("disclosureFiguresEntered", entered);
        ObjectNode fig = DisclosureFiguresJson.write(figures);
        json.set("proactive", fig.get("proactive"));
        json.set("reviewLitigation", fig.get("reviewLitigation"));
        ObjectNode requests = json.putObject("requestHandling");
        requests.put("answeredOnTime", f.onTime(CaseType.INFO_REQUEST));
        requests.put("answeredLate", f.late(CaseType.INFO_REQUEST));
        requests.put("overdueOpenAtEnd", f.overdueOpen(CaseType.INFO_REQUEST));
        requests.put("receivedOnline", f.tally().get("ogiChannel.online"));
        ArrayNode previous = json.putArray("previousArrangements");
        lastYear.forEach(p -> previous.addObject()
                .put("id", p.id())
                .put("title", p.title())
                .put("status", p.status().code()));
        ArrayNode p = json.putArray("problems");
        problems.forEach(p::add);
        return new Report(doc, json);
    }

    /** 总体情况 under the format's five topics, each with the year's figures. */
    private static void overview(Doc doc, CaseFigures f, DisclosureTable table, DisclosureFigures figures) {
        DisclosureFigures.Proactive p = figures.proactive();
        doc.heading(2, Texts.h2(1, "主动公开"));
        doc.para("全年主动公开行政规范性文件" + p.normativeDocuments().issued() + "件，公开行政许可决定" + p.licensing() + "件、行政处罚决定"
                + p.penalties() + "件、行政强制决定" + p.enforcement() + "件"
                + (p.feeAmount().signum() == 0
                        ? "，本年度未收取行政事业性收费"
                        : "，公开行政事业性收费" + p.feeAmount().toPlainString() + "万元")
                + "，及时公开财政预决算、民生保障和重点项目等信息。");

        doc.heading(2, Texts.h2(2, "依申请公开"));
        long natural = table.get("new", "natural-person");
        long orgs = table.get("new", "total") - natural;
        long answered = table.get("total", "total");
        doc.para("依法办理政府信息公开申请，" + Reconciliation.of(f, CaseType.INFO_REQUEST).text() + "。新收申请中，自然人提出" + natural
                + "件，法人或其他组织提出" + orgs + "件。办结的" + answered + "件中，予以公开" + table.get("disclosed", "total") + "件，部分公开"
                + table.get("partially-disclosed", "total") + "件，不予公开" + group(table, "withheld") + "件，无法提供"
                + group(table, "unavailable") + "件，不予处理" + group(table, "not-processed") + "件"
                + duplicates(table) + "，其他处理"
                + group(table, "other")
                + "件。");

        doc.heading(2, Texts.h2(3, "政府信息管理"));
        long withheld = group(table, "withheld");
        doc.para("加强行政规范性文件管理，本年度制发行政规范性文件" + p.normativeDocuments().issued() + "件、废止"
                + p.normativeDocuments().repealed() + "件，现行有效"
                + p.normativeDocuments().inForce() + "件。"
                + "严格执行政府信息公开前保密审查制度，"
                + (withheld > 0 ? "对依法不予公开的" + withheld + "件申请均说明理由并告知申请人。" : "本年度无不予公开的申请。"));

        doc.heading(2, Texts.h2(4, "平台建设"));
        long online = f.tally().get("ogiChannel.online");
        long received = table.get("new", "total");
        doc.para("依托政府门户网站政府信息公开专栏、政务公开栏和网上申请平台开展公开工作"
                + (received > 0
                        ? "，本年度通过网上申请平台提交的政府信息公开申请" + online + "件，占新收申请的" + Texts.percent(online, received)
                        : "")
                + "。");

        doc.heading(2, Texts.h2(5, "监督保障"));
        DisclosureFigures.ReviewLitigation r = figures.reviewLitigation();
        long reviews = r.review().total();
        long suits = r.litigationDirect().total() + r.litigationAfterReview().total();
        long late = f.late(CaseType.INFO_REQUEST);
        doc.para("将政府信息公开工作纳入年度考核，自觉接受群众和社会监督。本年度因政府信息公开引发行政复议" + reviews + "件"
                + (reviews > 0
                        ? "（结果维持" + r.review().upheld() + "件、纠正" + r.review().corrected() + "件）"
                        : "")
                + "、行政诉讼" + suits + "件；"
                + (late == 0 ? "依申请公开答复均在法定期限内作出。" : "超过法定期限答复" + late + "件。"));
    }

    /**
     * “（其中重复申请 N 件）”: the row （五）2. counts the answers {@code not-processed:duplicate}, each of which names
     * its earlier request (docs/duplicates.md); empty when there are none.
     */
    private static String duplicates(DisclosureTable table) {
        long n = table.get("not-processed:duplicate", "total");
        return n == 0 ? "" : "（其中重复申请" + n + "件，已告知申请人在先申请的答复情况）";
    }

    private static long group(DisclosureTable table, String prefix) {
        long n = 0;
        for (String outcome : Ogi.OUTCOMES.keySet()) {
            if (outcome.startsWith(prefix + ":")) n += table.get(outcome, "total");
        }
        return n;
    }

    /** Last year's arrangements on disclosure: the year's plan items about 公开 (政府信息公开, 政务公开…). */
    static List<PlanItem> disclosureArrangements(List<PlanItem> plan) {
        return plan.stream()
                .filter(p -> p.title().contains("公开")
                        || (p.description() != null && p.description().contains("政府信息公开")))
                .toList();
    }

    private static String arrangementDone(PlanItem p) {
        String status = switch (p.status()) {
            case DONE -> "已落实";
            case IN_PROGRESS -> "正在推进";
            case NOT_STARTED -> "尚未开展，纳入下一年度继续推进";
        };
        return "针对上年度存在的问题，" + (p.year()) + "年安排“" + p.title() + "”："
                + Texts.sentence(p.description() != null ? p.description() : p.title()) + "该项措施" + status + "。";
    }

    private static List<String> problems(CaseFigures f, DisclosureTable table, DisclosureFigures figures) {
        List<String> problems = new ArrayList<>();
        long late = f.late(CaseType.INFO_REQUEST);
        long overdue = f.overdueOpen(CaseType.INFO_REQUEST);
        if (late + overdue > 0) {
            problems.add(numbered(
                    problems,
                    "个别申请答复不够及时。本年度有" + late + "件政府信息公开申请超过法定期限答复"
                            + (overdue > 0 ? "，截至" + Texts.date(f.period().asOf()) + "尚有" + overdue + "件已超过答复期限" : "")
                            + "。改进措施：建立依申请公开办理台账，对临近答复期限的申请提前预警，需征求第三方意见或延期答复的严格按《条例》规定办理并告知申请人。"));
        }
        DisclosureFigures.Outcomes review = figures.reviewLitigation().review();
        if (review.total() > 0) {
            problems.add(numbered(
                    problems,
                    "答复的规范性还需提高。本年度因政府信息公开引发行政复议" + review.total() + "件，其中结果维持"
                            + review.upheld() + "件、结果纠正" + review.corrected() + "件、尚未审结" + review.pending()
                            + "件。改进措施：加强答复文书的法制审核，对不予公开、无法提供的答复充分说明理由和依据，并告知救济途径。"));
        }
        long notProcessed = group(table, "not-processed");
        long petitions = table.get("not-processed:petition-complaint", "total");
        if (notProcessed > 0) {
            problems.add(numbered(
                    problems,
                    "申请指引还不够清晰。本年度不予处理的申请" + notProcessed + "件"
                            + (petitions > 0 ? "，其中属于信访举报投诉类的" + petitions + "件" : "")
                            + "，部分群众通过政府信息公开申请渠道反映信访、投诉等诉求。改进措施：完善申请须知和在线申请页面的提示，"
                            + "对信访、投诉类诉求引导群众通过相应渠道提出，做好分流转办。"));
        }
        long answered = table.get("total", "total");
        long notHeld = table.get("unavailable:not-held", "total") + table.get("unavailable:needs-creation", "total");
        if (answered >= 10 && notHeld * 5 > answered) {
            problems.add(numbered(
                    problems,
                    "主动公开与群众需求还有差距。本年度因本机关不掌握相关信息或需另行制作而无法提供的申请"
                            + notHeld + "件，占办结总数的" + Texts.percent(notHeld, answered) + "。改进措施：分析申请集中的事项，"
                            + "对群众关注度高的信息及时纳入主动公开范围，加强申请前的咨询引导。"));
        }
        return problems;
    }

    private static String numbered(List<String> problems, String text) {
        return (problems.size() + 1) + "." + text;
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

package cn.banshi.batch.plan;

import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.cases.Reconciliation;
import cn.banshi.batch.findings.Finding;
import cn.banshi.batch.report.PlanTexts;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.batch.report.SigningDate;
import cn.banshi.catalog.CaseType;
import cn.banshi.json.Json;
import cn.banshi.plans.PlanItem;
import cn.banshi.plans.PlanStatus;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.document.Doc.Cell;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan for the next year: staff's arrangements, the recurring key dates of legal education, the cases
 * carried over at the year's end, and a remedy for each shortcoming found. The generated arrangements are
 * also returned as plan items (ids {@code <year>-auto-…}) for the job to store.
 */
public final class NextYearPlan {
    private NextYearPlan() {}

    /** A recurring date of legal education (3.15, 4.15, 6.26, 12.4 …). */
    record KeyDate(String code, int month, int day, String theme, String work) {}

    static final List<KeyDate> KEY_DATES = List.of(
            new KeyDate("0315", 3, 15, "“3·15”国际消费者权益日", "联合市场监管等部门开展消费维权法治宣传和咨询服务"),
            new KeyDate("0415", 4, 15, "“4·15”全民国家安全教育日", "开展国家安全法治宣传教育"),
            new KeyDate("0531", 5, 31, "民法典宣传月（5月）", "开展《中华人民共和国民法典》主题宣传活动"),
            new KeyDate("0626", 6, 26, "“6·26”国际禁毒日", "开展禁毒法治宣传，进学校、进村（社区）"),
            new KeyDate("1204", 12, 4, "“12·4”国家宪法日", "组织宪法宣传周（月）系列活动和宪法宣誓仪式"));

    private static final Map<CaseType, String> OWNERS = Map.of(
            CaseType.COMPLAINT,
            "综治办",
            CaseType.HELP,
            "综治办",
            CaseType.ENQUIRY,
            "综治办",
            CaseType.SUGGESTION,
            "综治办",
            CaseType.DISPUTE,
            "司法所",
            CaseType.PETITION,
            "信访办",
            CaseType.INFO_REQUEST,
            "党政办");

    public record Result(Report report, List<PlanItem> generated) {}

    public static Result build(
            String townId, int year, LocalDate today, CaseFigures f, ReportInputs in, List<Finding> findings) {
        int next = year + 1;
        SigningDate signing = SigningDate.of(ReportKind.NEXT_YEAR_PLAN, year, today);
        int section = 0;
        String town = in.catalog().town().name();
        List<PlanItem> generated = new ArrayList<>();
        Doc doc = new Doc(town + next + "年法治政府建设工作计划");
        doc.para("为深入推进法治政府建设，根据" + year + "年度法治政府建设情况和群众诉求办理中发现的问题，结合本镇实际，制定" + next + "年工作计划如下。");

        List<PlanItem> staff = in.staffPlanForNextYear();
        if (!staff.isEmpty()) doc.heading(1, Texts.h1(++section, "重点工作安排"));
        int n = 0;
        for (PlanItem p : staff) {
            doc.heading(2, Texts.h2(++n, p.title()));
            doc.para(PlanTexts.arrangement(p.description(), p.owner(), p.place(), p.targetDate()));
        }

        doc.heading(1, Texts.h1(++section, "重要时间节点"));
        doc.para("充分利用重要时间节点，采取线上线下相结合的方式，开展多部门联合法治宣传活动。");
        List<List<Cell>> rows = new ArrayList<>();
        for (KeyDate k : KEY_DATES) {
            LocalDate date = LocalDate.of(next, k.month(), k.day());
            rows.add(List.of(
                    Cell.text(Texts.monthDay(date)), Cell.text(k.theme()), Cell.text(k.work()), Cell.text("司法所")));
            generated.add(new PlanItem(
                    next + "-auto-date-" + k.code(),
                    townId,
                    k.theme() + "法治宣传",
                    k.work() + "。",
                    "司法所",
                    null,
                    date,
                    PlanStatus.NOT_STARTED,
                    PlanItem.GENERATED,
                    1));
        }
        doc.table(new Doc.Table(
                null,
                List.of(2, 4, 6, 2),
                List.of(List.of(Cell.text("时间"), Cell.text("主题"), Cell.text("主要内容"), Cell.text("牵头单位"))),
                List.of("时间", "主题", "主要内容", "牵头单位"),
                rows,
                null));

        doc.heading(1, Texts.h1(++section, "结转办理事项"));
        doc.para(year + "年，全镇群众诉求" + Reconciliation.all(f).text() + "；其中信访事项"
                + Reconciliation.of(f, CaseType.PETITION).text() + "，政府信息公开申请"
                + Reconciliation.of(f, CaseType.INFO_REQUEST).text() + "。");
        if (f.open() == 0) {
            doc.para("截至" + Texts.date(f.period().asOf()) + "，全镇受理的群众诉求均已办结，无结转事项。");
        } else {
            List<String> parts = new ArrayList<>();
            for (CaseType type : CaseType.values()) {
                if (f.open(type) > 0) parts.add(type.nameZh() + f.open(type) + "件");
            }
            doc.para("截至" + Texts.date(f.period().asOf()) + "，全镇尚有" + f.open() + "件群众诉求未办结，结转至" + next
                    + "年继续办理，其中" + String.join("、", parts)
                    + (f.overdueOpen() > 0 ? "；已超过办理时限的" + f.overdueOpen() + "件，须于" + next + "年1月底前办结" : "") + "。");
            n = 0;
            for (CaseType type : CaseType.values()) {
                long open = f.open(type);
                if (open == 0) continue;
                long overdue = f.overdueOpen(type);
                LocalDate target = carryTarget(next, f.latestOpenDue(type));
                String title = "办结结转的" + type.nameZh() + open + "件";
                String description = "截至" + Texts.date(f.period().asOf()) + "尚未办结的" + type.nameZh() + open + "件"
                        + (overdue > 0 ? "（其中已超过办理时限" + overdue + "件）" : "") + "结转至" + next + "年，依法按时办结。";
                doc.heading(2, Texts.h2(++n, title));
                doc.para(PlanTexts.arrangement(description, OWNERS.get(type), null, target));
                generated.add(new PlanItem(
                        next + "-auto-carry-" + type.code(),
                        townId,
                        title,
                        description,
                        OWNERS.get(type),
                        null,
                        target,
                        PlanStatus.NOT_STARTED,
                        PlanItem.GENERATED,
                        1));
            }
        }

        doc.heading(1, Texts.h1(++section, "问题整改措施"));
        if (findings.isEmpty()) doc.para(year + "年度群众诉求办理数据未发现明显短板，" + next + "年将继续巩固提升。");
        n = 0;
        for (Finding finding : findings) {
            Finding.Remedy r = finding.remedy();
            doc.heading(2, Texts.h2(++n, r.title()));
            doc.para("针对" + finding.title() + "的问题，"
                    + PlanTexts.arrangement(r.description(), r.owner(), r.place(), r.targetDate()));
            generated.add(new PlanItem(
                    next + "-auto-fix-" + finding.code(),
                    townId,
                    r.title(),
                    r.description(),
                    r.owner(),
                    r.place(),
                    r.targetDate(),
                    PlanStatus.NOT_STARTED,
                    PlanItem.GENERATED,
                    1));
        }

        List<String> previous = PlanTexts.previousPlan(in.planForYear(), year);
        if (!previous.isEmpty()) {
            doc.heading(1, Texts.h1(++section, year + "年度工作安排落实情况"));
            previous.forEach(doc::para);
        }
        doc.signature(town + "人民政府", signing.date());

        ObjectNode json = Json.object();
        json.put("job", ReportKind.NEXT_YEAR_PLAN.code());
        json.put("town", townId);
        json.put("townName", town);
        json.put("year", year);
        json.put("planYear", next);
        json.put("asOf", f.period().asOf().toString());
        json.put("drafted", today.toString());
        signing.putInto(json);
        json.set("reconciliation", Reconciliation.json(f));
        ArrayNode items = json.putArray("items");
        staff.forEach(p -> items.add(PlanTexts.json(p)));
        ObjectNode carried = json.putObject("carriedOver");
        for (CaseType type : CaseType.values()) {
            if (f.open(type) == 0) continue;
            ObjectNode o = carried.putObject(type.code());
            o.put("open", f.open(type));
            o.put("overdue", f.overdueOpen(type));
            LocalDate due = f.latestOpenDue(type);
            if (due != null) o.put("latestDueDate", due.toString());
        }
        ArrayNode remedies = json.putArray("remedies");
        for (Finding finding : findings) remedies.add(PlanTexts.json(finding.code(), finding.remedy()));
        ArrayNode stored = json.putArray("generatedPlanItems");
        generated.forEach(p -> stored.add(PlanTexts.json(p)));
        json.set("previousPlan", PlanTexts.statusJson(in.planForYear(), year));
        return new Result(new Report(doc, json), generated);
    }

    /** By the latest due date of the type's open cases, at the earliest the end of January; within the plan year. */
    static LocalDate carryTarget(int next, LocalDate latestDue) {
        LocalDate endOfJanuary = LocalDate.of(next, 1, 31);
        LocalDate target = latestDue == null || latestDue.isBefore(endOfJanuary) ? endOfJanuary : latestDue;
        LocalDate endOfYear = LocalDate.of(next, 12, 31);
        return target.isAfter(endOfYear) ? endOfYear : target;
    }
}

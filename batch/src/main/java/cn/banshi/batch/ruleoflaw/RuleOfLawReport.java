package cn.banshi.batch.ruleoflaw;

import cn.banshi.activities.Activity;
import cn.banshi.activities.ActivityTheme;
import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.cases.Reconciliation;
import cn.banshi.batch.findings.Finding;
import cn.banshi.batch.report.CaseAnnex;
import cn.banshi.batch.report.PlanTexts;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.batch.report.SigningDate;
import cn.banshi.catalog.CaseType;
import cn.banshi.duty.LeadersDutyJson;
import cn.banshi.json.Json;
import cn.banshi.plans.PlanItem;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The 法治政府建设年度报告 in its five statutory sections (rule-of-law-report.md), in the register of the
 * seed: measures by theme (summarised by kind: meetings counted, documents named, events counted as 场次 with
 * highlights, standing measures listed) with the year's figures and the reconciliation of cases, shortcomings
 * found in the data, the principal leaders' duty (section 三 from the leaders, committee and meetings staff
 * entered), the next year's arrangements, and other matters; the case tables in an annex (附表).
 */
public final class RuleOfLawReport {
    private RuleOfLawReport() {}

    /** A theme's heading and opening sentence, and what its events are called when counted (…N场次). */
    private record Theme(String heading, String intro, String events) {}

    private static Map<ActivityTheme, Theme> themes(String shortName) {
        Map<ActivityTheme, Theme> m = new EnumMap<>(ActivityTheme.class);
        m.put(
                ActivityTheme.LEADERSHIP,
                new Theme("坚持党委统揽全局，确保正确的法治建设方向", "党委、政府高度重视依法行政工作，始终将其摆上重要议事日程，切实加强对法治建设的组织领导。", "相关活动"));
        m.put(
                ActivityTheme.RULE_MAKING,
                new Theme("建章立制，把权力关进制度的笼子", "依法行政是法治政府的核心内涵，坚持制度先行，确保权力行使有法可依、有章可循。", "相关活动"));
        m.put(
                ActivityTheme.DECISION_MAKING,
                new Theme("坚持依法决策，充分发挥法律顾问作用", "坚持把依法决策作为依法行政的关键环节，在制订重要文件、作出重大决策、进行重要部署前充分听取法律顾问意见。", "相关活动"));
        m.put(
                ActivityTheme.LEGAL_EDUCATION,
                new Theme("增强全民普法观念，大力推进法治" + shortName + "建设", "大力弘扬社会主义法治精神，建设社会主义法治文化。", "各类法治宣传教育活动"));
        m.put(
                ActivityTheme.DISPUTE_RESOLUTION,
                new Theme("健全依法维权和纠纷化解机制，促进社会和谐稳定", "建立健全社会矛盾预警、利益表达、协作沟通、救济救助机制，畅通群众利益协调、权益保障法律渠道。", "相关活动"));
        m.put(ActivityTheme.OPEN_GOVERNMENT, new Theme("改进工作作风，强化社会监督", "以推进法治政府为出发点和落脚点，打造开放、动态、阳光、便民的法治政府。", "相关活动"));
        m.put(ActivityTheme.OTHER, new Theme("统筹推进其他法治建设工作", "", "相关活动"));
        return m;
    }

    public static Report build(
            String townId, int year, LocalDate today, CaseFigures f, ReportInputs in, List<Finding> findings) {
        String town = in.catalog().town().name();
        String shortName = in.townShortName();
        SigningDate signing = SigningDate.of(ReportKind.RULE_OF_LAW_ANNUAL, year, today);
        Doc doc = new Doc(year + "年" + town + "法治政府建设工作报告");
        doc.para(year + "年，" + town + "在" + in.countyLeadership() + "的正确领导和上级部门指导下，紧紧围绕全镇中心工作，"
                + "以建立健全制度为基础，以创建法治政府、提升依法行政水平为目标，强化组织领导，狠抓工作落实，各项工作顺利推进，"
                + "基本形成办事依法、遇事找法、解决问题用法、化解矛盾靠法的法治环境。现将有关情况报告如下：");

        // 一
        doc.heading(1, Texts.h1(1, year + "年度推进法治政府建设的主要举措和成效"));
        Map<ActivityTheme, List<Activity>> byTheme = new EnumMap<>(ActivityTheme.class);
        for (Activity a : in.activities()) {
            if (a.leaderDuty()) continue;
            ActivityTheme theme = a.theme() == ActivityTheme.SUPERVISION
                    ? ActivityTheme.OPEN_GOVERNMENT
                    : a.theme() == ActivityTheme.LEADERSHIP_DUTY ? ActivityTheme.LEADERSHIP : a.theme();
            byTheme.computeIfAbsent(theme, k -> new ArrayList<>()).add(a);
        }
        Map<ActivityTheme, Theme> themes = themes(shortName);
        int sub = 0;
        for (ActivityTheme theme : themes.keySet()) {
            List<Activity> items = byTheme.getOrDefault(theme, List.of());
            boolean withFigures = theme == ActivityTheme.DISPUTE_RESOLUTION || theme == ActivityTheme.OPEN_GOVERNMENT;
            if (items.isEmpty() && !withFigures) continue;
            Theme t = themes.get(theme);
            doc.heading(2, Texts.h2(++sub, t.heading()));
            String intro = theme == ActivityTheme.LEADERSHIP ? town + t.intro() : t.intro();
            doc.para(intro + Measures.summary(items, t.events()));
            if (theme == ActivityTheme.DISPUTE_RESOLUTION) disputeFigures(doc, f);
            if (theme == ActivityTheme.OPEN_GOVERNMENT) openGovernmentFigures(doc, f);
        }

        // 二
        doc.heading(1, Texts.h1(2, year + "年度推进法治政府建设存在的不足和原因"));
        if (findings.isEmpty()) {
            doc.para("经对全年群众诉求办理数据分析，各村（社区）诉求办结率和群众满意度总体均衡，未发现明显短板。" + "但对照法治政府建设的更高要求，法治宣传的广度和深度、基层依法治理的能力水平仍有提升空间。");
        }
        int n = 0;
        for (Finding finding : findings) {
            doc.heading(2, Texts.h2(++n, finding.title()));
            doc.para(finding.text());
        }

        // 三
        doc.heading(1, Texts.h1(3, year + "年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"));
        LeadersDutyText.section(doc, in.leadersDuty(), in.activities());

        // 四
        int next = year + 1;
        doc.heading(1, Texts.h1(4, next + "年推进法治政府建设的主要安排"));
        List<PlanItem> plan = in.staffPlanForNextYear();
        if (plan.isEmpty() && findings.isEmpty()) {
            doc.para("围绕法治政府建设目标，继续加强党委对法治建设的领导，深化普法宣传教育，完善矛盾纠纷多元化解机制，推进政务公开，" + "不断提升依法行政水平。");
        }
        n = 0;
        for (PlanItem p : plan) {
            doc.heading(2, Texts.h2(++n, p.title()));
            doc.para(PlanTexts.arrangement(p.description(), p.owner(), p.place(), p.targetDate()));
        }
        for (Finding finding : findings) {
            Finding.Remedy r = finding.remedy();
            doc.heading(2, Texts.h2(++n, r.title()));
            doc.para(PlanTexts.arrangement(r.description(), r.owner(), r.place(), r.targetDate()));
        }

        // 五
        doc.heading(1, Texts.h1(5, "其他需要报告的情况"));
        for (String line : PlanTexts.previousPlan(in.planForYear(), year)) doc.para(line);
        doc.para(CaseAnnex.dataPeriod(f) + "全年群众诉求收结情况和按月份、按类别的受理情况见附表。");
        doc.signature(town + "人民政府", signing.date());
        CaseAnnex.add(doc, f, year, 1);

        ObjectNode json = json(townId, town, year, today, f, in, findings, plan);
        signing.putInto(json);
        return new Report(doc, json);
    }

    private static void disputeFigures(Doc doc, CaseFigures f) {
        doc.para("年内，全镇群众诉求" + Reconciliation.all(f).text() + "（分类型情况见附表1）"
                + (f.merged() == 0 ? "" : "；另有" + f.merged() + "件经核实与已受理事项反映同一问题，已合并办理，不重复统计") + "。");
        long disputes = f.disputesFinished();
        doc.para(
                disputes == 0
                        ? "健全社会矛盾纠纷预防化解机制，坚持以人民为中心的发展理念，积极为群众排忧解难。"
                        : "健全社会矛盾纠纷预防化解机制，坚持以人民为中心的发展理念，积极为群众排忧解难。年内，我镇调结各类矛盾纠纷" + disputes + "起，调解成功率"
                                + Texts.percent(f.disputesAgreed(), disputes) + "。");
        Reconciliation petitions = Reconciliation.of(f, CaseType.PETITION);
        if (petitions.carriedOver() + petitions.received() > 0) {
            doc.para("坚持信访工作法治化，依法依规接待群众来信来访，信访事项" + petitions.text() + "。");
        }
        if (f.ratings() > 0) {
            doc.para("群众对办结事项作出评价" + f.ratings() + "件，满意率" + Texts.percent(f.satisfied(), f.ratings()) + "。");
        }
    }

    private static void openGovernmentFigures(Doc doc, CaseFigures f) {
        Reconciliation requests = Reconciliation.of(f, CaseType.INFO_REQUEST);
        doc.para("依法办理政府信息公开申请，" + requests.text() + "。" + "认真办理12345公共服务平台转办件和群众投诉举报，年内受理投诉举报"
                + f.received(CaseType.COMPLAINT) + "件，办结" + f.finished(CaseType.COMPLAINT) + "件。");
    }

    private static ObjectNode json(
            String townId,
            String town,
            int year,
            LocalDate today,
            CaseFigures f,
            ReportInputs in,
            List<Finding> findings,
            List<PlanItem> plan) {
        ObjectNode root = Json.object();
        root.put("job", ReportKind.RULE_OF_LAW_ANNUAL.code());
        root.put("town", townId);
        root.put("townName", town);
        root.put("year", year);
        root.put("periodStart", f.period().start().toString());
        root.put("asOf", f.period().asOf().toString());
        root.put("drafted", today.toString());
        root.set("cases", f.toJson());
        root.set("reconciliation", Reconciliation.json(f));
        ObjectNode activities = root.putObject("activities");
        activities.put("total", in.activities().size());
        ObjectNode byTheme = activities.putObject("byTheme");
        for (ActivityTheme theme : ActivityTheme.values()) {
            long count =
                    in.activities().stream().filter(a -> a.theme() == theme).count();
            if (count > 0) byTheme.put(theme.code(), count);
        }
        activities.put(
                "leaderDuty",
                in.activities().stream().filter(Activity::leaderDuty).count());
        ArrayNode items = activities.putArray("items");
        for (Activity a : in.activities()) {
            items.addObject()
                    .put("id", a.id())
                    .put("date", a.date().toString())
                    .put("theme", a.theme().code())
                    .put("kind", a.kind().code())
                    .put("title", a.title())
                    .put("leaderDuty", a.leaderDuty());
        }
        ArrayNode shortcomings = root.putArray("shortcomings");
        for (Finding finding : findings) {
            ObjectNode o = shortcomings.addObject();
            o.put("code", finding.code());
            o.put("title", finding.title());
            o.set("figures", Json.mapper().valueToTree(finding.figures()));
        }
        ObjectNode next = root.putObject("nextYearPlan");
        next.put("year", year + 1);
        ArrayNode planItems = next.putArray("items");
        for (PlanItem p : plan) planItems.add(PlanTexts.json(p));
        ArrayNode remedies = next.putArray("remedies");
        for (Finding finding : findings) remedies.add(PlanTexts.json(finding.code(), finding.remedy()));
        root.set("previousPlan", PlanTexts.statusJson(in.planForYear(), year));
        in.leadersDuty().ifPresent(d -> root.set("leadersDuty", LeadersDutyJson.write(d)));
        return root;
    }
}

package cn.banshi.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.demo.DemoCases;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import cn.banshi.testkit.logscan.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Given the demo year (高塍镇 2021: every generated case and the seed's inputs), when the three jobs run for 2021
 * on 2 December 2026 (as the issue's drafts were), then the drafts read as the legal office would publish them:
 * the seed's "调结各类矛盾纠纷1334起，调解成功率100%", none of the wording issue 20 found, a signing date within
 * the statutory window, one reconciliation stated alike in the text and tables of the three documents, a monthly
 * table over the whole year with the Spring Festival dip, section 三 from the entered leaders and committee, the
 * disclosure report's five topics and its 五 from the year's data, and no personal data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoYearReportsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** What issue 20 quoted from the demo drafts: none may appear in any of the three. */
    static final List<String> FOUND_IN_ISSUE_20 = List.of(
            "2026年12月2日", // the run date as 落款 of a 2021 report
            "其余类别",
            "| 项目 | 件数 |",
            "未录入",
            "实施地点",
            "满分",
            "牵头单位：",
            "完成时限：",
            "（含上年结转）",
            "办结答复",
            "（3月25日，镇党委会议室）",
            "12场次",
            "leaderDuty",
            "null",
            "undefined");

    @TempDir
    static Path data;

    final Map<ReportKind, String> md = new EnumMap<>(ReportKind.class);
    final Map<ReportKind, JsonNode> json = new EnumMap<>(ReportKind.class);

    @BeforeAll
    void givenTheDemoYearWhenTheThreeJobsRunInDecember2026() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        MutableClock clock = MutableClock.at("2026-12-02T09:00");
        ReportTestSupport.loadDemoYear(dynamo, clock);
        try (ReportJobs jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), clock)) {
            for (ReportKind kind : ReportKind.values()) {
                ReportJobs.Result result = ReportTestSupport.run(jobs, kind, DemoCases.YEAR, TODAY);
                assertTrue(result.completed(), kind + ": " + result.failures());
                md.put(kind, ReportTestSupport.text(data, DemoCases.YEAR, kind, ReportFormat.MD));
                json.put(kind, ReportTestSupport.json(data, DemoCases.YEAR, kind));
            }
        }
    }

    @Test
    void thenTheWorkReportStatesTheSeedsFiguresAndNoPersonalData() {
        String work = md.get(ReportKind.RULE_OF_LAW_ANNUAL);
        assertTrue(work.contains("年内，我镇调结各类矛盾纠纷" + DemoCases.DISPUTES + "起，调解成功率100%。"), work);
        assertEquals(6, json.get(ReportKind.NEXT_YEAR_PLAN).get("items").size());
        assertNoPersonalDataIn(data);
    }

    @Test
    void thenNoneOfTheWordingIssue20FoundIsInAnyFormat() {
        List<String> found = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            for (ReportFormat format : List.of(ReportFormat.MD, ReportFormat.HTML)) {
                String text = ReportTestSupport.text(data, DemoCases.YEAR, kind, format);
                for (String phrase : FOUND_IN_ISSUE_20) {
                    if (text.contains(phrase)) found.add(kind.code() + "/" + format + ": " + phrase);
                }
            }
        }
        assertEquals(List.of(), found);
        // one 其他 row in the category annex, and it is the last before the total
        String work = md.get(ReportKind.RULE_OF_LAW_ANNUAL);
        String categories = work.substring(work.indexOf("| 类别 | 受理件数 | 占比 |"));
        List<String> rows = categories.lines().takeWhile(l -> l.startsWith("|")).toList();
        assertEquals(1, rows.stream().filter(r -> r.startsWith("| 其他")).count(), categories);
        assertTrue(rows.get(rows.size() - 2).startsWith("| 其他 |"), categories);
        assertTrue(work.contains("| 月份 | 受理件数 |"), "the month table's header");
    }

    @Test
    void thenTheSigningDateIsWithinTheStatutoryWindowNotTheRunDate() {
        assertEquals(
                "2022-03-31",
                json.get(ReportKind.RULE_OF_LAW_ANNUAL).get("signingDate").asText());
        assertEquals(
                "2022-01-31", json.get(ReportKind.OGI_ANNUAL).get("signingDate").asText());
        assertEquals(
                "2022-01-31",
                json.get(ReportKind.OGI_ANNUAL).at("/signingWindow/to").asText());
        assertEquals(
                "2022-03-31",
                json.get(ReportKind.NEXT_YEAR_PLAN).get("signingDate").asText());
        assertTrue(md.get(ReportKind.OGI_ANNUAL).contains("高塍镇人民政府  \n2022年1月31日"));
        assertTrue(md.get(ReportKind.RULE_OF_LAW_ANNUAL).contains("高塍镇人民政府  \n2022年3月31日"));
    }

    /** 上年结转, 本年新收, 本年办结, 结转下年 as the texts state them. */
    static final Pattern LINE = Pattern.compile("上年结转(\\d+)件，本年新收(\\d+)件，本年办结(\\d+)件(?:（[^）]*）)?，结转下年(\\d+)件");

    @Test
    void thenOneReconciliationHoldsInTheTextAndTablesOfTheThreeDocuments() {
        JsonNode reconciliation = json.get(ReportKind.RULE_OF_LAW_ANNUAL).get("reconciliation");
        for (ReportKind kind : ReportKind.values()) {
            assertEquals(reconciliation, json.get(kind).get("reconciliation"), kind + ": the same figures");
        }
        List<List<Long>> lines = new ArrayList<>();
        for (String line : List.of("all", "petition", "info-request")) {
            JsonNode r = reconciliation.get(line);
            List<Long> figures = List.of(
                    r.get("carriedOver").asLong(),
                    r.get("received").asLong(),
                    r.get("finished").asLong(),
                    r.get("carriedForward").asLong());
            assertEquals(figures.get(0) + figures.get(1), figures.get(2) + figures.get(3), line + " balances");
            assertTrue(figures.get(0) > 0 && figures.get(3) > 0, line + ": carried over and forward both occur");
            lines.add(figures);
        }
        // the disclosure table's 总计 column is the information requests' line: 二, 一, （七）, 四
        JsonNode rows = json.get(ReportKind.OGI_ANNUAL).at("/requests/rows");
        assertEquals(
                lines.get(2),
                List.of(
                        rows.get("carried-over").get(6).asLong(),
                        rows.get("new").get(6).asLong(),
                        rows.get("total").get(6).asLong(),
                        rows.get("carried-forward").get(6).asLong()));
        // the texts: every stated line is one of the three, and each document states the lines it should
        for (ReportKind kind : ReportKind.values()) {
            List<List<Long>> stated = statedLines(md.get(kind));
            assertFalse(stated.isEmpty(), kind + " states the reconciliation");
            for (List<Long> s : stated) assertTrue(lines.contains(s), kind + ": " + s + " is not one of " + lines);
            if (kind != ReportKind.OGI_ANNUAL) assertTrue(stated.containsAll(lines), kind + " states all three");
            else assertTrue(stated.contains(lines.get(2)), "the disclosure report states the requests' line");
        }
        // the work report's annex table
        String work = md.get(ReportKind.RULE_OF_LAW_ANNUAL);
        assertEquals(lines.get(0), annexRow(work, "合计"));
        assertEquals(lines.get(1), annexRow(work, "信访"));
        assertEquals(lines.get(2), annexRow(work, "政府信息公开申请"));
        // the disclosure report's statutory table in Markdown: the last column of rows 一, 二, （七）, 四
        String ogi = md.get(ReportKind.OGI_ANNUAL);
        assertEquals(
                lines.get(2),
                List.of(
                        lastCell(ogi, "| 二、上年结转政府信息公开申请数量 |"),
                        lastCell(ogi, "| 一、本年新收政府信息公开申请数量 |"),
                        lastCell(ogi, "|  | （七）总计 |"),
                        lastCell(ogi, "| 四、结转下年度继续办理 |")));
    }

    private static List<List<Long>> statedLines(String text) {
        List<List<Long>> out = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            out.add(List.of(
                    Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4))));
        }
        return out;
    }

    /** 类型 | 上年结转 | 本年新收 | 本年办结 | 其中按期办结 | 结转下年 → the four reconciled figures. */
    private static List<Long> annexRow(String md, String label) {
        String row = md.lines()
                .filter(l -> l.startsWith("| " + label + " |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no annex row " + label));
        List<Long> cells = cells(row);
        return List.of(cells.get(0), cells.get(1), cells.get(2), cells.get(4));
    }

    private static long lastCell(String md, String start) {
        String row = md.lines()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + start));
        List<Long> cells = cells(row);
        return cells.get(cells.size() - 1);
    }

    private static List<Long> cells(String row) {
        return Arrays.stream(row.split("\\|"))
                .map(String::strip)
                .filter(c -> c.matches("\\d+"))
                .map(Long::parseLong)
                .toList();
    }

    @Test
    void thenTheMonthsCoverTheWholeYearWithTheSpringFestivalDip() {
        JsonNode months = json.get(ReportKind.RULE_OF_LAW_ANNUAL).at("/cases/byMonth");
        long[] m = new long[12];
        long others = 0;
        for (int i = 0; i < 12; i++) {
            m[i] = months.get(i).asLong();
            if (i != 1) others += m[i];
        }
        double average = others / 11.0;
        assertTrue(m[11] > 0.85 * average, "December is an ordinary month: " + Arrays.toString(m));
        assertTrue(m[1] < 0.8 * average, "February dips for the Spring Festival: " + Arrays.toString(m));
        String work = md.get(ReportKind.RULE_OF_LAW_ANNUAL);
        assertTrue(work.contains("本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。"), "the data cover the year");
        assertEquals(
                "2021-12-31",
                json.get(ReportKind.RULE_OF_LAW_ANNUAL).get("asOf").asText());
    }

    @Test
    void thenSectionOneSummarisesMeasuresAndSectionThreeNamesTheCommittee() {
        String work = md.get(ReportKind.RULE_OF_LAW_ANNUAL);
        assertTrue(work.contains("年内召开法治工作专题会议4次（分别于3月、6月、9月和12月）"), work);
        assertTrue(work.contains("全年共开展各类法治宣传教育活动7场次，其中"), "场次 counts events only");
        assertTrue(work.contains("## 附表1　2021年群众诉求收结情况"), "tables in an annex");
        assertTrue(work.indexOf("## 附表1") > work.indexOf("高塍镇人民政府  \n"), "the annex follows the signature");
        assertTrue(work.contains("由镇党委书记王建华任主任，党委副书记、镇长陈立新和党委副书记赵文明任副主任"), work);
        assertTrue(work.contains("由政法委员刘振东兼任办公室主任"), work);
        assertTrue(work.contains("5月6日，召开全面依法治镇委员会第一次会议，会议由委员会主任王建华主持。"), work);
        assertTrue(work.contains("由司法所牵头，2022年10月31日前完成。"), "arrangements in prose");
        assertTrue(work.contains("已完成的有“制定法治建设五年规划”“建成矛盾纠纷一体化中心”"), "last year's plan carried out");
        String plan = md.get(ReportKind.NEXT_YEAR_PLAN);
        assertTrue(plan.contains("## 五、2021年度工作安排落实情况"), plan);
        assertTrue(plan.contains("“发挥村（社区）法律顾问作用”“建设红星社区室内普法宣传阵地”尚未完成，纳入2022年继续推进。"), plan);
    }

    @Test
    void thenTheDisclosureReportCoversTheFiveTopicsAndItsFiveUsesTheYearsData() {
        String ogi = md.get(ReportKind.OGI_ANNUAL);
        List<String> topics = List.of("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障");
        for (int i = 0; i < topics.size(); i++) {
            assertTrue(ogi.contains("### （" + "一二三四五".charAt(i) + "）" + topics.get(i) + "\n"), topics.get(i));
        }
        assertFalse(ogi.contains("完善群众举报投诉制度"), "no rule-of-law activities reused");
        JsonNode rows = json.get(ReportKind.OGI_ANNUAL).at("/requests/rows");
        long notProcessed = 0;
        for (var it = rows.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith("not-processed:"))
                notProcessed += e.getValue().get(6).asLong();
        }
        assertTrue(notProcessed > 0);
        assertTrue(ogi.contains("本年度不予处理的申请" + notProcessed + "件"), ogi);
        assertTrue(ogi.contains("本年度因政府信息公开引发行政复议1件，其中结果维持1件"), ogi);
        assertTrue(ogi.contains("2021年安排“规范政府信息公开申请办理”"), "last year's measure");
        long online = json.get(ReportKind.OGI_ANNUAL)
                .at("/requestHandling/receivedOnline")
                .asLong();
        assertTrue(online > 0 && ogi.contains("网上申请平台提交的政府信息公开申请" + online + "件"), ogi);
        assertTrue(
                ogiHtml().contains("<th scope=\"colgroup\" colspan=\"7\">申请人情况</th>"), "the statutory merged header");
    }

    private String ogiHtml() {
        return ReportTestSupport.text(data, DemoCases.YEAR, ReportKind.OGI_ANNUAL, ReportFormat.HTML);
    }

    @Test
    void thenLibreOfficeConvertsEachDocx() throws Exception {
        for (ReportKind kind : ReportKind.values()) {
            DocxChecks.assertLibreOfficeConvertsToPdf(
                    ReportTestSupport.file(data, DemoCases.YEAR, kind, ReportFormat.DOCX), data.resolve(kind.code()));
        }
    }

    /** The demo cases carry phones and ID numbers; no published report, in any format, may show one. */
    static void assertNoPersonalDataIn(Path reports) {
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.toString().contains("reports")) continue;
                StringBuilder text = new StringBuilder();
                if (file.toString().endsWith(".docx")) {
                    try (var zip = new ZipFile(file.toFile())) {
                        for (var entry : Collections.list(zip.entries())) {
                            text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                } else {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
                for (String what : PersonalData.find(text)) found.add(reports.relativize(file) + ": " + what);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), found, "personal data in a published report (masked)");
    }
}

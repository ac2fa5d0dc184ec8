package cn.banshi.batch.ruleoflaw;

import static cn.banshi.batch.CaseSpec.finished;
import static cn.banshi.batch.CaseSpec.open;
import static cn.banshi.batch.ReportTestSupport.TOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.batch.CaseSpec;
import cn.banshi.batch.CaseWriter;
import cn.banshi.batch.DocxChecks;
import cn.banshi.batch.ReportJobs;
import cn.banshi.batch.ReportTestSupport;
import cn.banshi.batch.StaffApi;
import cn.banshi.catalog.CaseType;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Given a year of cases written as the workflows leave them and staff inputs entered through the API, when
 * the rule-of-law-annual job runs, then the report states figures equal to counts computed here from the
 * specs, in the five statutory sections, with the shortcomings the data shows and no personal data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleOfLawAnnualJobTest {
    static final List<String> VILLAGES = List.of("meijiadu", "gaocheng-cun", "fucun", "hongxing", "gaocheng-shequ");
    static final LocalDate TODAY = LocalDate.of(2022, 1, 15);

    @TempDir
    static Path data;

    final List<CaseSpec> specs = new ArrayList<>();
    ReportJobs jobs;
    ReportJobs.Result result;
    JsonNode report;
    String md;

    @BeforeAll
    void givenAYearOfCasesAndStaffInputs() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        Random random = new Random(20211216);
        for (int i = 0; i < 320; i++) specs.add(randomCase(random, i));
        // carried over from 2020, finished in January 2021; one still open
        specs.add(finished(
                CaseType.COMPLAINT,
                "environment",
                "meijiadu",
                "2020-12-20T10:00",
                "2021-01-08",
                "2021-01-06",
                "resolved",
                5));
        specs.add(finished(
                CaseType.DISPUTE,
                "dispute-neighbour",
                "fucun",
                "2020-12-28T09:00",
                "2021-01-27",
                "2021-01-20",
                "agreement-reached",
                4));
        specs.add(open(CaseType.PETITION, "petition-rural-affairs", "gaocheng-cun", "2020-11-02T09:00", "2021-01-01"));
        // finished in 2020: not this year's
        specs.add(finished(
                CaseType.HELP, "health", "hongxing", "2020-06-01T09:00", "2020-06-04", "2020-06-03", "resolved", 5));
        // received on 1 January 2022 in Beijing although still 31 December in UTC: not 2021's
        specs.add(open(CaseType.ENQUIRY, "education", "meijiadu", "2022-01-01T00:10", "2022-01-06"));
        // two duplicates merged into other cases (docs/duplicates.md): counted once, as their originals
        specs.add(finished(
                CaseType.COMPLAINT,
                "environment",
                "meijiadu",
                "2021-05-06T10:00",
                "2021-05-25",
                "2021-05-07",
                "duplicate",
                null));
        specs.add(finished(
                CaseType.HELP,
                "health",
                "hongxing",
                "2021-08-02T09:00",
                "2021-08-05",
                "2021-08-02",
                "duplicate",
                null));
        CaseWriter.write(dynamo, TOWN, specs);

        StaffApi api = new StaffApi(dynamo, MutableClock.at("2021-12-10T09:00"), TOWN);
        api.activity(
                "{\"date\":\"2021-01-28\",\"theme\":\"rule-making\",\"kind\":\"document\",\"title\":\"制定《2021高塍镇党委议事规则和决策程序》\","
                        + "\"description\":\"就议事原则、议事范围、议事程序、议事纪律等作出明确要求\"}");
        api.activity(
                "{\"date\":\"2021-12-04\",\"theme\":\"legal-education\",\"kind\":\"event\",\"title\":\"举办首届滆南法治集市文艺汇演\","
                        + "\"place\":\"滆南法治集市\",\"description\":\"开展宪法宣誓仪式等活动。\"}");
        api.activity(
                "{\"date\":\"2021-06-26\",\"theme\":\"legal-education\",\"kind\":\"event\",\"title\":\"禁毒宣传<script>alert(1)</script>\"}");
        api.activity("{\"date\":\"2021-03-10\",\"theme\":\"leadership-duty\",\"title\":\"成立全面依法治镇委员会\","
                + "\"description\":\"镇党委书记任主任。\",\"leaderDuty\":true}");
        api.activity(
                "{\"date\":\"2020-12-04\",\"theme\":\"legal-education\",\"kind\":\"event\",\"title\":\"上一年度的宪法日活动\"}");
        String done = api.planItem("{\"title\":\"建设法治广场\",\"owner\":\"司法所\",\"targetDate\":\"2021-09-30\"}")
                .get("id")
                .asText();
        String going = api.planItem("{\"title\":\"推广办塍事小程序\",\"owner\":\"综治办\",\"targetDate\":\"2021-12-31\"}")
                .get("id")
                .asText();
        api.planItem("{\"title\":\"修订村规民约\",\"owner\":\"司法所\",\"targetDate\":\"2021-11-30\"}");
        api.planStatus(done, "done");
        api.planStatus(going, "in-progress");
        api.planItem("{\"title\":\"进一步加强法治阵地建设\",\"description\":\"拟在红星社区建一室内普法宣传阵地。\","
                + "\"owner\":\"司法所\",\"place\":\"红星社区\",\"targetDate\":\"2022-10-31\"}");
        jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), MutableClock.at("2022-01-15T09:00"));
        result = ReportTestSupport.run(jobs, ReportKind.RULE_OF_LAW_ANNUAL, 2021, TODAY);
        report = ReportTestSupport.json(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL);
        md = ReportTestSupport.text(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.MD);
    }

    @AfterAll
    void close() {
        jobs.close();
    }

    /** Most villages finish 90% of their cases and rate 3–5; 赋村村 finishes half, 红星社区 rates 1–3. */
    private static CaseSpec randomCase(Random random, int i) {
        CaseType[] types = {
            CaseType.COMPLAINT,
            CaseType.COMPLAINT,
            CaseType.HELP,
            CaseType.ENQUIRY,
            CaseType.SUGGESTION,
            CaseType.DISPUTE,
            CaseType.DISPUTE,
            CaseType.PETITION,
            CaseType.INFO_REQUEST
        };
        CaseType type = types[random.nextInt(types.length)];
        String village = type == CaseType.INFO_REQUEST ? null : VILLAGES.get(i % VILLAGES.size());
        String category = switch (type) {
            case DISPUTE -> random.nextBoolean() ? "dispute-neighbour" : "dispute-marriage-family";
            case PETITION -> "petition-land-requisition";
            case INFO_REQUEST -> "government-information";
            default ->
                List.of("environment", "urban-management", "roads-traffic", "labour-wages")
                        .get(random.nextInt(4));
        };
        LocalDate received = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(365));
        String receivedAt = received + "T" + String.format("%02d:%02d", 8 + random.nextInt(10), random.nextInt(60));
        LocalDate due = received.plusDays(10);
        boolean finishes = random.nextDouble() < ("fucun".equals(village) ? 0.45 : 0.92);
        if (!finishes) {
            CaseSpec s = open(type, category, village, receivedAt, due.toString());
            return type == CaseType.INFO_REQUEST ? withKind(s, random) : s;
        }
        LocalDate finishedOn = received.plusDays(random.nextInt(14));
        String outcome = switch (type) {
            case DISPUTE -> random.nextDouble() < 0.85 ? "agreement-reached" : "no-agreement";
            case INFO_REQUEST -> "disclosed";
            default -> random.nextDouble() < 0.05 ? "rejected" : "resolved";
        };
        Integer rating = type == CaseType.INFO_REQUEST || random.nextDouble() < 0.3
                ? null
                : "hongxing".equals(village) ? 1 + random.nextInt(3) : 3 + random.nextInt(3);
        CaseSpec s =
                finished(type, category, village, receivedAt, due.toString(), finishedOn.toString(), outcome, rating);
        return type == CaseType.INFO_REQUEST ? withKind(s, random) : s;
    }

    private static CaseSpec withKind(CaseSpec s, Random random) {
        return new CaseSpec(
                s.type(),
                s.category(),
                s.village(),
                s.receivedAt(),
                s.dueDate(),
                s.finishedOn(),
                s.onTime(),
                s.outcome(),
                s.rating(),
                random.nextBoolean() ? "natural-person" : "commercial-enterprise");
    }

    private static boolean in2021(LocalDate d) {
        return d != null && d.getYear() == 2021;
    }

    /** How many cases the figures count: a merged duplicate counts only as merged. */
    private long count(Predicate<CaseSpec> p) {
        return specs.stream()
                .filter(s -> !"duplicate".equals(s.outcome()))
                .filter(p)
                .count();
    }

    @Test
    void thenMergedDuplicatesAreCountedOnceAndStated() {
        assertEquals(2, report.at("/cases/mergedDuplicates").asLong());
        assertTrue(md.contains("另有2件经核实与已受理事项反映同一问题，已合并办理，不重复统计"), md);
    }

    @Test
    void thenTheJobCompletesAndWritesEveryFormat() {
        assertTrue(result.completed(), () -> result.failures().toString());
        for (ReportFormat f : ReportFormat.values()) {
            assertTrue(
                    ReportTestSupport.file(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL, f)
                                    .toFile()
                                    .length()
                            > 200,
                    f.fileName());
        }
    }

    @Test
    void thenCaseFiguresEqualIndependentCounts() {
        JsonNode cases = report.get("cases");
        assertEquals(count(s -> in2021(s.receivedOn())), cases.get("received").asLong());
        assertEquals(count(s -> in2021(s.finishedOn())), cases.get("finished").asLong());
        assertEquals(
                count(s -> in2021(s.finishedOn()) && s.onTime()),
                cases.get("finishedOnTime").asLong());
        for (CaseType type : CaseType.values()) {
            JsonNode t = cases.get("byType").get(type.code());
            assertEquals(
                    count(s -> s.type() == type && in2021(s.receivedOn())),
                    t.get("received").asLong(),
                    type.code());
            assertEquals(
                    count(s -> s.type() == type && in2021(s.finishedOn())),
                    t.get("finished").asLong(),
                    type.code());
            assertEquals(
                    count(s -> s.type() == type
                            && s.receivedOn().getYear() <= 2021
                            && (s.finishedOn() == null || s.finishedOn().getYear() > 2021)),
                    t.get("openAtEnd").asLong(),
                    type.code());
            assertEquals(
                    count(s -> s.type() == type
                            && s.receivedOn().getYear() < 2021
                            && (s.finishedOn() == null || s.finishedOn().getYear() >= 2021)),
                    t.get("carriedOverFromLastYear").asLong());
        }
        for (int m = 1; m <= 12; m++) {
            int month = m;
            assertEquals(
                    count(s -> in2021(s.receivedOn()) && s.receivedOn().getMonthValue() == month),
                    cases.get("byMonth").get(m - 1).asLong(),
                    "month " + m);
        }
        List<CaseSpec> rated = specs.stream()
                .filter(s -> in2021(s.finishedOn()) && s.rating() != null)
                .toList();
        assertEquals(rated.size(), cases.at("/satisfaction/ratings").asLong());
        assertEquals(
                rated.stream().mapToLong(CaseSpec::rating).sum(),
                cases.at("/satisfaction/ratingSum").asLong());
        assertEquals(
                rated.stream().filter(s -> s.rating() >= 4).count(),
                cases.at("/satisfaction/satisfied").asLong());
        for (JsonNode v : cases.get("villages")) {
            String id = v.get("id").asText();
            assertEquals(
                    count(s -> id.equals(s.village()) && in2021(s.receivedOn())),
                    v.get("received").asLong(),
                    id);
            assertEquals(
                    count(s -> id.equals(s.village()) && in2021(s.receivedOn()) && in2021(s.finishedOn())),
                    v.get("finished").asLong(),
                    id);
        }
    }

    @Test
    void thenDisputesMediatedAndSuccessRateAreStatedAsTheSeedDoes() {
        long disputes = count(s -> s.type() == CaseType.DISPUTE && in2021(s.finishedOn()));
        long agreed = count(
                s -> s.type() == CaseType.DISPUTE && in2021(s.finishedOn()) && "agreement-reached".equals(s.outcome()));
        assertTrue(disputes > 50 && agreed < disputes, "the dataset has mediated disputes with both outcomes");
        assertEquals(disputes, report.at("/cases/disputes/finished").asLong());
        assertEquals(agreed, report.at("/cases/disputes/agreementReached").asLong());
        assertTrue(
                md.contains("年内，我镇调结各类矛盾纠纷" + disputes + "起，调解成功率" + ReportTestSupport.percent(agreed, disputes) + "。"),
                md);
        long petitions = count(s -> s.type() == CaseType.PETITION && in2021(s.finishedOn()));
        long petitionsOnTime = count(s -> s.type() == CaseType.PETITION && in2021(s.finishedOn()) && s.onTime());
        assertTrue(md.contains("按期办结率" + ReportTestSupport.percent(petitionsOnTime, petitions)), md);
    }

    @Test
    void thenTheFiveStatutorySectionsComeInOrderWithMeasuresByTheme() {
        List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
        assertEquals(
                List.of(
                        "## 一、2021年度推进法治政府建设的主要举措和成效",
                        "## 二、2021年度推进法治政府建设存在的不足和原因",
                        "## 三、2021年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
                        "## 四、2022年推进法治政府建设的主要安排",
                        "## 五、其他需要报告的情况",
                        "## 附表1\u30002021年群众诉求收结情况",
                        "## 附表2\u30002021年群众诉求受理情况（按月份）",
                        "## 附表3\u30002021年群众诉求受理情况（按类别）"),
                headings);
        assertTrue(md.startsWith("# 2021年高塍镇法治政府建设工作报告"));
        assertTrue(md.contains("### （一）建章立制，把权力关进制度的笼子"), md);
        assertTrue(md.contains("一是制定《2021高塍镇党委议事规则和决策程序》。就议事原则"), md);
        assertTrue(md.contains("全年共开展各类法治宣传教育活动2场次，其中6月26日禁毒宣传"), "only 2021's events count: " + md);
        assertTrue(md.contains("；12月4日举办首届滆南法治集市文艺汇演，开展宪法宣誓仪式等活动。"), md);
        assertTrue(md.contains("### （一）成立全面依法治镇委员会"), "leaders' duty goes to section 3");
        assertTrue(md.contains("### （一）进一步加强法治阵地建设"), "next year's plan in section 4");
        assertTrue(md.contains("拟在红星社区建一室内普法宣传阵地。由司法所牵头，2022年10月31日前完成。"), md);
        assertTrue(md.contains("2021年度工作安排共3项，已完成1项，正在推进1项，尚未开展1项。"), md);
        assertFalse(md.contains("上一年度的宪法日活动"));
    }

    @Test
    void thenShortcomingsComeFromTheData() {
        List<String> codes = new ArrayList<>();
        report.get("shortcomings").forEach(s -> codes.add(s.get("code").asText()));
        assertTrue(
                codes.containsAll(List.of("village-resolution", "village-satisfaction", "overdue", "plan-not-done")),
                codes.toString());
        JsonNode resolution = report.get("shortcomings")
                .get(codes.indexOf("village-resolution"))
                .get("figures");
        assertTrue(resolution.has("fucun"), resolution.toString());
        assertFalse(resolution.has("meijiadu"), resolution.toString());
        JsonNode satisfaction = report.get("shortcomings")
                .get(codes.indexOf("village-satisfaction"))
                .get("figures");
        assertTrue(satisfaction.has("hongxing") && !satisfaction.has("fucun"), satisfaction.toString());
        assertTrue(md.contains("### （一）部分村（社区）群众诉求办结率偏低"), md);
        assertTrue(md.contains("赋村村为"), md);
        long late = count(s -> in2021(s.finishedOn()) && !s.onTime());
        assertEquals(
                late,
                report.get("shortcomings")
                        .get(codes.indexOf("overdue"))
                        .at("/figures/finishedLate")
                        .asLong());
        assertTrue(md.contains("“修订村规民约”"), "the plan item not started is named");
    }

    @Test
    void thenTheDocxIsAnOfficialDocumentThatLibreOfficeConvertsToPdf() throws Exception {
        Path docx = ReportTestSupport.file(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.DOCX);
        List<String> headings = DocxChecks.assertOfficialLayout(docx, "2021年高塍镇法治政府建设工作报告");
        assertEquals(
                List.of(
                        "一、2021年度推进法治政府建设的主要举措和成效",
                        "二、2021年度推进法治政府建设存在的不足和原因",
                        "三、2021年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
                        "四、2022年推进法治政府建设的主要安排",
                        "五、其他需要报告的情况",
                        "附表1\u30002021年群众诉求收结情况",
                        "附表2\u30002021年群众诉求受理情况（按月份）",
                        "附表3\u30002021年群众诉求受理情况（按类别）"),
                headings);
        DocxChecks.assertLibreOfficeConvertsToPdf(docx, data);
    }

    @Test
    void thenNoPersonalDataAndHtmlIsEscapedAndSelfContained() {
        String html = ReportTestSupport.text(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.HTML);
        for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.MD, ReportFormat.HTML)) {
            String text = ReportTestSupport.text(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL, f);
            assertFalse(text.contains(CaseWriter.PERSON_NAME) || text.contains(CaseWriter.PERSON_PHONE), f.fileName());
        }
        assertTrue(html.contains("禁毒宣传&lt;script&gt;alert(1)&lt;/script&gt;"), "activity text is escaped");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("@import"));
        assertEquals(2, html.split("<svg ", -1).length - 1, "charts by month and by category");
        assertTrue(html.contains("<title>12月："), "month bars");
    }
}

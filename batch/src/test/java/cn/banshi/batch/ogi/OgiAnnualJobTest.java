package cn.banshi.batch.ogi;

import static cn.banshi.batch.CaseSpec.infoRequest;
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
import cn.banshi.batch.cases.Ogi;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Given information requests of every applicant kind with every outcome, requests carried over from 2020 and
 * into 2022, and requests received either side of midnight on 31 December in Beijing, when the ogi-annual
 * job runs for 2021, then the statutory table equals, row by row and column by column, the counts computed
 * here, and the identity 一 + 二 = 总计 + 四 holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgiAnnualJobTest {
    @TempDir
    static Path data;

    final List<CaseSpec> specs = new ArrayList<>();
    ReportJobs jobs;
    ReportJobs.Result result;
    JsonNode report;
    String md;

    @BeforeAll
    void givenRequestsOfEveryKindAndOutcomeAcrossYearEnds() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        List<String> outcomes = new ArrayList<>(Ogi.OUTCOMES.keySet());
        for (int k = 0; k < Ogi.KINDS.size(); k++) {
            for (int o = 0; o < outcomes.size(); o++) {
                LocalDate received = LocalDate.of(2021, 1 + (k * 2 + o) % 11, 1 + (o * 3 + k) % 27);
                LocalDate answered = received.plusDays(5 + (o % 4) * 9);
                specs.add(infoRequest(
                        Ogi.KINDS.get(k),
                        received + "T10:00",
                        received.plusDays(28).toString(),
                        answered.toString(),
                        outcomes.get(o)));
            }
            // carried over from 2020 and answered in January
            specs.add(infoRequest(
                    Ogi.KINDS.get(k),
                    "2020-12-2" + k + "T15:00",
                    "2021-01-2" + k,
                    "2021-01-1" + k,
                    k % 2 == 0 ? "disclosed" : "unavailable:not-held"));
        }
        specs.add(infoRequest("natural-person", "2020-12-31T23:59", "2021-02-01", null, null));
        specs.add(infoRequest("natural-person", "2020-10-01T09:00", "2020-10-29", "2020-10-20", "disclosed"));
        specs.add(infoRequest(
                "research-institution", "2021-12-28T09:00", "2022-01-25", "2022-01-05", "partially-disclosed"));
        specs.add(infoRequest("legal-service-org", "2021-12-31T23:30", "2022-01-29", null, null));
        specs.add(infoRequest("other-org", "2022-01-01T00:10", "2022-01-30", null, null));
        specs.add(infoRequest("public-interest-org", "2021-06-01T09:00", "2021-06-29", null, null));
        specs.add(infoRequest("commercial-enterprise", "2021-11-20T09:00", "2021-12-17", "2021-12-27", "disclosed"));
        CaseWriter.write(dynamo, TOWN, specs);

        StaffApi api = new StaffApi(dynamo, MutableClock.at("2022-01-10T09:00"), TOWN);
        api.disclosureFigures(2021, """
                {"proactive":{"rules":{"issued":0,"repealed":0,"inForce":0},
                  "normativeDocuments":{"issued":4,"repealed":1,"inForce":17},
                  "licensing":126,"penalties":38,"enforcement":2,"feeAmount":12.35},
                 "reviewLitigation":{"review":{"upheld":1,"corrected":0,"other":0,"pending":1},
                  "litigationDirect":{"upheld":0,"corrected":0,"other":1,"pending":0},
                  "litigationAfterReview":{"upheld":0,"corrected":0,"other":0,"pending":0}},
                 "otherMatters":"本机关2021年度未收取信息处理费。"}""");
        api.activity("{\"date\":\"2021-06-30\",\"theme\":\"open-government\",\"title\":\"全面推行政务公开和村务公开\"}");

        jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), MutableClock.at("2022-01-15T09:00"));
        result = ReportTestSupport.run(jobs, ReportKind.OGI_ANNUAL, 2021, LocalDate.of(2022, 1, 15));
        report = ReportTestSupport.json(data, 2021, ReportKind.OGI_ANNUAL);
        md = ReportTestSupport.text(data, 2021, ReportKind.OGI_ANNUAL, ReportFormat.MD);
    }

    @AfterAll
    void close() {
        jobs.close();
    }

    private static boolean in2021(LocalDate d) {
        return d != null && d.getYear() == 2021;
    }

    /** The expected row, computed from the specs: ogi.md's definitions, one column per applicant kind. */
    private long[] expected(Predicate<CaseSpec> row) {
        long[] values = new long[7];
        for (int k = 0; k < 6; k++) {
            String kind = Ogi.KINDS.get(k);
            values[k] = specs.stream()
                    .filter(s -> kind.equals(s.applicantKind()))
                    .filter(row)
                    .count();
            values[6] += values[k];
        }
        return values;
    }

    private void assertRow(String row, Predicate<CaseSpec> definition) {
        long[] expected = expected(definition);
        JsonNode actual = report.at("/requests/rows/" + row);
        assertEquals(7, actual.size(), row);
        for (int c = 0; c < 7; c++) assertEquals(expected[c], actual.get(c).asLong(), row + " / " + Ogi.COLUMNS.get(c));
    }

    @Test
    void thenTheJobCompletes() {
        assertTrue(result.completed(), () -> result.failures().toString());
    }

    @Test
    void thenEveryRowAndColumnEqualsTheIndependentCounts() {
        List<String> columns = new ArrayList<>();
        report.at("/requests/columns").forEach(c -> columns.add(c.asText()));
        assertEquals(Ogi.COLUMNS, columns);
        List<String> rows = new ArrayList<>();
        report.at("/requests/rows").fieldNames().forEachRemaining(rows::add);
        assertEquals(Ogi.rows(), rows, "rows in the statutory order");
        assertRow("new", s -> in2021(s.receivedOn()));
        assertRow(
                "carried-over",
                s -> s.receivedOn().getYear() < 2021
                        && (s.finishedOn() == null || s.finishedOn().getYear() >= 2021));
        for (String outcome : Ogi.OUTCOMES.keySet()) {
            assertRow(outcome, s -> in2021(s.finishedOn()) && outcome.equals(s.outcome()));
        }
        assertRow("total", s -> in2021(s.finishedOn()));
        assertRow(
                "carried-forward",
                s -> s.receivedOn().getYear() <= 2021
                        && (s.finishedOn() == null || s.finishedOn().getYear() > 2021));
    }

    @Test
    void thenTheIdentityHoldsPerColumnAndTheYearEndsAreBeijingsMidnight() {
        for (int c = 0; c < 7; c++) {
            long left = report.at("/requests/rows/new").get(c).asLong()
                    + report.at("/requests/rows/carried-over").get(c).asLong();
            long right = report.at("/requests/rows/total").get(c).asLong()
                    + report.at("/requests/rows/carried-forward").get(c).asLong();
            assertEquals(left, right, Ogi.COLUMNS.get(c));
        }
        int legal = Ogi.COLUMNS.indexOf("legal-service-org");
        int other = Ogi.COLUMNS.indexOf("other-org");
        int natural = Ogi.COLUMNS.indexOf("natural-person");
        assertEquals(22, report.at("/requests/rows/new").get(legal).asLong(), "23:30 on 31 December counts in 2021");
        assertEquals(1, report.at("/requests/rows/carried-forward").get(legal).asLong());
        assertEquals(
                21,
                report.at("/requests/rows/new").get(other).asLong(),
                "00:10 on 1 January (UTC 31 December) does not");
        assertEquals(
                2,
                report.at("/requests/rows/carried-over").get(natural).asLong(),
                "23:59 on 31 December 2020, still open, is carried over");
        assertEquals(1, report.at("/requests/rows/carried-forward").get(natural).asLong());
    }

    @Test
    void thenTheSixSectionsAndTheThreeTablesFollowTheStatutoryFormat() {
        List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
        assertEquals(
                List.of(
                        "## 一、总体情况",
                        "## 二、主动公开政府信息情况",
                        "## 三、收到和处理政府信息公开申请情况",
                        "## 四、政府信息公开行政复议、行政诉讼情况",
                        "## 五、存在的主要问题及改进情况",
                        "## 六、其他需要报告的事项"),
                headings);
        int last = -1;
        for (String label : List.of(
                "一、本年新收政府信息公开申请数量",
                "二、上年结转政府信息公开申请数量",
                "三、本年度办理结果",
                "（一）予以公开",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "（三）不予公开",
                "1.属于国家秘密",
                "8.属于行政查询事项",
                "（四）无法提供",
                "3.补正后申请内容仍不明确",
                "（五）不予处理",
                "5.要求行政机关确认或重新出具已获取信息",
                "（六）其他处理",
                "3.其他",
                "（七）总计",
                "四、结转下年度继续办理")) {
            int at = md.indexOf(label, last + 1);
            assertTrue(at > last, "in order: " + label);
            last = at;
        }
        assertEquals(126, report.at("/proactive/licensing").asInt());
        assertEquals("12.35", report.at("/proactive/feeAmount").decimalValue().toPlainString());
        assertTrue(md.contains("| 行政事业性收费 | 12.35 |"), md);
        assertEquals(2, report.at("/reviewLitigation/review/total").asInt());
        assertTrue(md.contains("| 1 | 0 | 0 | 1 | 2 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |"), md);
        assertTrue(md.contains("本机关2021年度未收取信息处理费。"));
        assertTrue(md.contains("### （一）主动公开\n\n全年主动公开行政规范性文件4件，公开行政许可决定126件"), md);
        assertFalse(md.contains("全面推行政务公开和村务公开"), "the work report's activities are not reused");
    }

    @Test
    @DisplayName("then the DOCX with its spanning tables is an official document that LibreOffice converts to PDF")
    void docxIsAnOfficialDocumentConvertingToPdf() throws Exception {
        Path docx = ReportTestSupport.file(data, 2021, ReportKind.OGI_ANNUAL, ReportFormat.DOCX);
        List<String> headings = DocxChecks.assertOfficialLayout(docx, "高塍镇2021年政府信息公开工作年度报告");
        assertEquals(6, headings.size(), headings.toString());
        try (var in = Files.newInputStream(docx);
                var doc = new XWPFDocument(in)) {
            assertEquals(3, doc.getTables().size());
            var requests = doc.getTables().get(1);
            assertEquals(3 + Ogi.rows().size(), requests.getNumberOfRows(), "3 header rows and one per statutory row");
            assertEquals("", requests.getRow(1).getCell(0).getText(), "under the merged corner cell");
            assertEquals("自然人", requests.getRow(1).getCell(1).getText());
            assertEquals(
                    Long.toString(report.at("/requests/rows/total").get(6).asLong()),
                    requests.getRow(3 + Ogi.rows().indexOf("total"))
                            .getTableCells()
                            .get(requests.getRow(3 + Ogi.rows().indexOf("total"))
                                            .getTableCells()
                                            .size()
                                    - 1)
                            .getText());
        }
        DocxChecks.assertLibreOfficeConvertsToPdf(docx, data);
    }

    @Test
    void thenLateAnswersAreReportedAsAProblem() {
        long late = specs.stream()
                .filter(s -> in2021(s.finishedOn()) && !s.onTime())
                .count();
        assertTrue(late > 0);
        assertEquals(late, report.at("/requestHandling/answeredLate").asLong());
        assertTrue(md.contains("本年度有" + late + "件政府信息公开申请超过法定期限答复"), md);
    }
}

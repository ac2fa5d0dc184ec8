package cn.banshi.batch.ogi;

import static cn.banshi.batch.CaseSpec.infoRequest;
import static cn.banshi.batch.ReportTestSupport.TOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.batch.CaseWriter;
import cn.banshi.batch.Progress;
import cn.banshi.batch.ReportJobs;
import cn.banshi.batch.ReportTestSupport;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Given requests whose figures cannot balance (one answered before it was received, across the year end, and
 * one with an applicant kind outside ogi.md), when the ogi-annual job runs, then it fails, says why, and
 * writes no report.
 */
class OgiIdentityFailureTest {
    @TempDir
    Path data;

    @Test
    void givenFiguresThatDoNotBalanceWhenTheJobRunsThenItFailsLoudlyAndWritesNothing() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        CaseWriter.write(
                dynamo,
                TOWN,
                List.of(
                        infoRequest("natural-person", "2021-03-01T09:00", "2021-03-29", "2021-03-10", "disclosed"),
                        infoRequest("natural-person", "2022-01-03T09:00", "2022-01-28", "2021-12-30", "disclosed"),
                        infoRequest("government-agency", "2021-05-01T09:00", "2021-05-29", "2021-05-10", "disclosed")));
        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(data), MutableClock.at("2022-01-15T09:00"))) {
            ReportJobs.Result result =
                    ReportTestSupport.run(jobs, ReportKind.OGI_ANNUAL, 2021, LocalDate.of(2022, 1, 15));
            assertEquals(BatchStatus.FAILED, result.status());
            String messages = result.failures().toString();
            assertTrue(messages.contains("一 + 二 ≠ 总计 + 四"), messages);
            assertTrue(messages.contains("“natural-person”列：本年新收 1 + 上年结转 0 ≠ 办理结果总计 2 + 结转下年度 0"), messages);
            assertTrue(messages.contains("申请人类型不在 ogi.md 的代码之列：ogi.new.unknown = 1"), messages);
            assertFalse(Files.exists(ReportTestSupport.file(data, 2021, ReportKind.OGI_ANNUAL, ReportFormat.JSON)));
        }
    }

    /**
     * In a county run, a town whose figures do not balance fails alone: the other town's report is written, the
     * run fails naming the town, and starting it again retries only that town.
     */
    @Test
    @DisplayName("given a county run with one unbalanced town, "
            + "the other town's report is written and only the failed town is retried")
    void oneUnbalancedTownInACountyRun() throws Exception {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        CaseWriter.write(
                dynamo,
                TOWN,
                List.of(infoRequest("natural-person", "2022-01-03T09:00", "2022-01-28", "2021-12-30", "disclosed")));
        CaseWriter.write(
                dynamo,
                "dingshu",
                List.of(infoRequest("natural-person", "2021-03-01T09:00", "2021-03-29", "2021-03-10", "disclosed")));
        Path written = new FileReportStore(data.resolve("reports"))
                .directory("dingshu", 2021, ReportKind.OGI_ANNUAL)
                .resolve(ReportFormat.JSON.fileName());
        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(data), MutableClock.at("2022-01-15T09:00"))) {
            ReportJobs.Request county = new ReportJobs.Request(
                    ReportKind.OGI_ANNUAL,
                    List.of(TOWN, "dingshu"),
                    2021,
                    ReportTestSupport.ALL,
                    null,
                    LocalDate.of(2022, 1, 15),
                    Progress.NONE,
                    null);
            ReportJobs.Result first = jobs.run(county);
            assertEquals(BatchStatus.FAILED, first.status());
            assertEquals(Map.of(TOWN, BatchStatus.FAILED, "dingshu", BatchStatus.COMPLETED), first.townStatus());
            assertTrue(
                    first.failures().toString().contains(TOWN)
                            && first.failures().toString().contains("一 + 二 ≠ 总计 + 四"),
                    first.failures().toString());
            assertTrue(Files.exists(written));
            assertFalse(Files.exists(ReportTestSupport.file(data, 2021, ReportKind.OGI_ANNUAL, ReportFormat.JSON)));
            FileTime writtenAt = Files.getLastModifiedTime(written);

            ReportJobs.Result again = jobs.run(county);
            assertTrue(again.resumed(), "the failed run is resumed");
            assertEquals(first.run(), again.run());
            assertEquals(BatchStatus.FAILED, again.status(), "the figures still do not balance");
            assertEquals(Map.of(TOWN, BatchStatus.FAILED, "dingshu", BatchStatus.COMPLETED), again.townStatus());
            assertEquals(writtenAt, Files.getLastModifiedTime(written), "dingshu's report is not written again");
        }
    }
}

package cn.banshi.batch.ogi;

import static cn.banshi.batch.CaseSpec.infoRequest;
import static cn.banshi.batch.ReportTestSupport.TOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.batch.CaseWriter;
import cn.banshi.batch.ReportJobs;
import cn.banshi.batch.ReportTestSupport;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        CaseWriter.write(dynamo, TOWN, List.of(
                infoRequest("natural-person", "2021-03-01T09:00", "2021-03-29", "2021-03-10", "disclosed"),
                infoRequest("natural-person", "2022-01-03T09:00", "2022-01-28", "2021-12-30", "disclosed"),
                infoRequest("government-agency", "2021-05-01T09:00", "2021-05-29", "2021-05-10", "disclosed")));
        try (ReportJobs jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), MutableClock.at("2022-01-15T09:00"))) {
            ReportJobs.Result result = ReportTestSupport.run(jobs, ReportKind.OGI_ANNUAL, 2021, LocalDate.of(2022, 1, 15));
            assertEquals(BatchStatus.FAILED, result.status());
            String messages = result.failures().toString();
            assertTrue(messages.contains("一 + 二 ≠ 总计 + 四"), messages);
            assertTrue(messages.contains("“natural-person”列：本年新收 1 + 上年结转 0 ≠ 办理结果总计 2 + 结转下年度 0"), messages);
            assertTrue(messages.contains("申请人类型不在 ogi.md 的代码之列：ogi.new.unknown = 1"), messages);
            assertFalse(Files.exists(ReportTestSupport.file(data, 2021, ReportKind.OGI_ANNUAL, ReportFormat.JSON)));
        }
    }
}

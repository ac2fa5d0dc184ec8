package cn.banshi.batch.ogi;

import static cn.banshi.batch.ReportTestSupport.TOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.batch.ReportJobs;
import cn.banshi.batch.ReportTestSupport;
import cn.banshi.batch.StaffApi;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * December 2026 with no 2027 notice loaded: information requests whose deadlines run into 2027 are stored with
 * provisional due dates, extended, answered, and the 2026 OGI report counts every one of them.
 */
class ProvisionalYearOgiReportTest {
    @TempDir
    static Path data;

    static final String REQUEST = """
            {"applicant":{"kind":"natural-person","name":"李华","idType":"resident-id","idNumber":"11010519491231002X",
             "phone":"0510-87654321"},"description":"请公开本镇2026年农村人居环境整治项目的预算和决算","form":"electronic",
             "delivery":"online"}""";

    @Test
    void theReportCountsRequestsWithProvisionalDeadlines() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        MutableClock clock = MutableClock.at("2026-12-04T10:00");
        StaffApi api = new StaffApi(dynamo, clock, TOWN);
        JsonNode first = api.submitInfoRequest(REQUEST);
        assertTrue(first.get("dueDateProvisional").asBoolean(), first.toString());
        JsonNode extended = api.act(first.get("trackingNo").asText(), "{\"action\":\"extend\",\"reason\":\"需要调取档案\"}");
        assertTrue(extended.get("dueDateProvisional").asBoolean());
        clock.set(MutableClock.at("2026-12-31T10:00").instant());
        JsonNode second = api.submitInfoRequest(REQUEST);
        JsonNode answered = api.submitInfoRequest(REQUEST);
        assertTrue(second.get("dueDateProvisional").asBoolean());
        api.act(answered.get("trackingNo").asText(), "{\"action\":\"answer\",\"outcome\":\"disclosed\"}");

        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(data), MutableClock.at("2027-01-15T09:00"))) {
            ReportJobs.Result result =
                    ReportTestSupport.run(jobs, ReportKind.OGI_ANNUAL, 2026, LocalDate.of(2027, 1, 15));
            assertTrue(result.completed(), () -> result.failures().toString());
        }
        JsonNode report = ReportTestSupport.json(data, 2026, ReportKind.OGI_ANNUAL);
        int total = 6; // the column of all applicants
        assertEquals(
                3,
                report.at("/requests/rows/new").get(total).asLong(),
                report.at("/requests").toString());
        assertEquals(1, report.at("/requests/rows/total").get(total).asLong());
        assertEquals(2, report.at("/requests/rows/carried-forward").get(total).asLong());
    }
}

package cn.banshi.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.activities.ActivityStore;
import cn.banshi.calendar.CalendarService;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoCases;
import cn.banshi.demo.DemoInputs;
import cn.banshi.demo.DemoLoader;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.ReportFormat;
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
 * Given the demo year (高塍镇 2021: the generated cases and the seed's inputs), when the three jobs run for
 * 2021, then the work report states the seed's "调结各类矛盾纠纷1334起，调解成功率100%", the disclosure report
 * balances, and the plan carries the seed's six arrangements for 2022.
 */
class DemoYearReportsTest {
    @TempDir
    Path data;

    @Test
    void givenTheDemoYearWhenTheThreeJobsRunThenTheWorkReportStatesTheSeedsFigures() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        MutableClock clock = MutableClock.at("2022-01-10T09:00");
        var catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        DemoLoader.load(dynamo, catalog, new CalendarService(dynamo, clock).deadlines(), clock);
        DemoInputs.load("gaocheng", new ActivityStore(dynamo), new PlanItemStore(dynamo), new DisclosureStore(dynamo), clock.instant());

        try (ReportJobs jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), clock)) {
            for (ReportKind kind : ReportKind.values()) {
                ReportJobs.Result result = ReportTestSupport.run(jobs, kind, DemoCases.YEAR, LocalDate.of(2022, 1, 10));
                assertTrue(result.completed(), kind + ": " + result.failures());
            }
        }
        String work = ReportTestSupport.text(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.MD);
        assertTrue(work.contains("年内，我镇调结各类矛盾纠纷" + DemoCases.DISPUTES + "起，调解成功率100%。"), work);
        assertTrue(work.contains("### （一）成立全面依法治镇委员会"), "leaders' duty from the seed");
        assertTrue(work.contains("部分村（社区）群众满意度不高") || work.contains("部分村（社区）群众诉求办结率偏低"),
                "the demo's weak village shows as a shortcoming");
        JsonNode ogi = ReportTestSupport.json(data, 2021, ReportKind.OGI_ANNUAL);
        JsonNode rows = ogi.at("/requests/rows");
        assertTrue(rows.get("new").get(6).asLong() > 0);
        assertEquals(rows.get("new").get(6).asLong() + rows.get("carried-over").get(6).asLong(),
                rows.get("total").get(6).asLong() + rows.get("carried-forward").get(6).asLong());
        JsonNode plan = ReportTestSupport.json(data, 2021, ReportKind.NEXT_YEAR_PLAN);
        assertEquals(6, plan.get("items").size());
        assertEquals("进一步强化领导干部的依法行政水平", plan.get("items").get(0).get("title").asText());
    }
}

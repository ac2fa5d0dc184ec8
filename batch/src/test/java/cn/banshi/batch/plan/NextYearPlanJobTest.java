package cn.banshi.batch.plan;

import static cn.banshi.batch.CaseSpec.finished;
import static cn.banshi.batch.CaseSpec.open;
import static cn.banshi.batch.ReportTestSupport.TOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.batch.CaseSpec;
import cn.banshi.batch.CaseWriter;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Given open cases on the day the plan is drafted (20 December), staff's arrangements for next year and
 * this year's plan with statuses, when the next-year-plan job runs, then the plan lists the arrangements,
 * the key dates, the cases carried over (counted here independently) and a remedy per shortcoming, stores
 * them as next year's plan items, and a second run neither duplicates them nor undoes staff's edits.
 */
class NextYearPlanJobTest {
    static final LocalDate TODAY = LocalDate.of(2021, 12, 20);

    @TempDir
    Path data;

    @Test
    @DisplayName("given open cases and plans, when the plan is drafted, "
            + "it carries them over and stores plan items once")
    void draftCarriesOpenCasesAndPlansOver() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        List<CaseSpec> specs = new ArrayList<>();
        String[] villages = {"meijiadu", "fucun", "hongxing"};
        for (int i = 0; i < 30; i++) {
            String v = villages[i % 3];
            LocalDate received = LocalDate.of(2021, 10, 1).plusDays(i * 2L);
            specs.add(open(
                    i % 3 == 0 ? CaseType.COMPLAINT : i % 3 == 1 ? CaseType.DISPUTE : CaseType.PETITION,
                    i % 3 == 0 ? "environment" : i % 3 == 1 ? "dispute-neighbour" : "petition-rural-affairs",
                    v,
                    received + "T10:00",
                    received.plusDays(30).toString()));
        }
        for (int i = 0; i < 30; i++) {
            LocalDate received = LocalDate.of(2021, 3, 1).plusDays(i * 5L);
            specs.add(finished(
                    CaseType.HELP,
                    "health",
                    villages[i % 3],
                    received + "T10:00",
                    received.plusDays(3).toString(),
                    received.plusDays(i % 5).toString(),
                    "resolved",
                    5));
        }
        // received after the drafting day: not carried over yet
        specs.add(open(CaseType.COMPLAINT, "environment", "meijiadu", "2021-12-22T10:00", "2022-01-12"));
        CaseWriter.write(dynamo, TOWN, specs);

        StaffApi api = new StaffApi(dynamo, MutableClock.at("2021-12-01T09:00"), TOWN);
        api.planItem("{\"title\":\"进一步加强法治阵地建设\",\"owner\":\"司法所\",\"place\":\"红星社区\",\"targetDate\":\"2022-10-31\"}");
        api.planItem("{\"title\":\"推广办塍事小程序\",\"owner\":\"综治办\",\"targetDate\":\"2022-12-31\"}");
        String done = api.planItem("{\"title\":\"建设法治广场\",\"owner\":\"司法所\",\"targetDate\":\"2021-09-30\"}")
                .get("id")
                .asText();
        api.planStatus(done, "done");
        api.planItem("{\"title\":\"修订村规民约\",\"owner\":\"司法所\",\"targetDate\":\"2021-11-30\"}");

        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(data), MutableClock.at("2021-12-20T09:00"))) {
            ReportJobs.Result first = ReportTestSupport.run(jobs, ReportKind.NEXT_YEAR_PLAN, 2021, TODAY);
            assertTrue(first.completed(), () -> first.failures().toString());
            JsonNode report = ReportTestSupport.json(data, 2021, ReportKind.NEXT_YEAR_PLAN);
            String md = ReportTestSupport.text(data, 2021, ReportKind.NEXT_YEAR_PLAN, ReportFormat.MD);

            Map<CaseType, long[]> expected = new HashMap<>();
            for (CaseSpec s : specs) {
                boolean openAtDraft = !s.receivedOn().isAfter(TODAY)
                        && (s.finishedOn() == null || s.finishedOn().isAfter(TODAY));
                if (!openAtDraft) continue;
                long[] counts = expected.computeIfAbsent(s.type(), t -> new long[2]);
                counts[0]++;
                if (s.dueDate().isBefore(TODAY)) counts[1]++;
            }
            assertEquals(3, expected.size());
            for (var e : expected.entrySet()) {
                JsonNode carried = report.at("/carriedOver/" + e.getKey().code());
                assertEquals(
                        e.getValue()[0],
                        carried.get("open").asLong(),
                        e.getKey().code());
                assertEquals(
                        e.getValue()[1],
                        carried.get("overdue").asLong(),
                        e.getKey().code());
                assertTrue(
                        md.contains("### （") && md.contains("办结结转的" + e.getKey().nameZh() + e.getValue()[0] + "件"), md);
            }
            assertFalse(report.at("/carriedOver").has("help"));
            assertTrue(md.contains("# 高塍镇2022年法治政府建设工作计划"));
            assertTrue(md.contains("### （一）进一步加强法治阵地建设"), md);
            assertTrue(md.contains("| 3月15日 | “3·15”国际消费者权益日 |"), md);
            assertTrue(md.contains("| 12月4日 | “12·4”国家宪法日 |"), md);
            assertTrue(md.contains("2021年度工作安排共2项，已完成1项，正在推进0项，尚未开展1项。"), md);
            assertTrue(md.contains("“修订村规民约”尚未完成，纳入2022年继续推进。"), md);
            List<String> remedies = new ArrayList<>();
            report.get("remedies").forEach(r -> remedies.add(r.get("finding").asText()));
            assertTrue(remedies.containsAll(List.of("overdue", "plan-not-done")), remedies.toString());

            JsonNode stored = api.planItems(2022).get("items");
            int generated = 5 + expected.size() + remedies.size();
            assertEquals(2 + generated, stored.size(), stored.toString());
            String keyDate = null;
            for (JsonNode item : stored) {
                if (item.get("id").asText().equals("2022-auto-date-1204"))
                    keyDate = item.get("id").asText();
                if (item.get("id").asText().startsWith("2022-auto-"))
                    assertEquals("next-year-plan", item.get("source").asText());
            }
            assertEquals("2022-auto-date-1204", keyDate);
            assertEquals(
                    "2022-12-04",
                    stored.findValues("targetDate").stream()
                            .filter(d -> d.asText().equals("2022-12-04"))
                            .findFirst()
                            .orElseThrow()
                            .asText());
            api.planStatus("2022-auto-date-1204", "in-progress");

            ReportJobs.Result second = ReportTestSupport.run(jobs, ReportKind.NEXT_YEAR_PLAN, 2021, TODAY);
            assertTrue(second.completed());
            assertEquals(2, second.run(), "a completed run is not resumed: a new run starts");
            assertFalse(second.resumed());
            JsonNode again = api.planItems(2022).get("items");
            assertEquals(stored.size(), again.size(), "no duplicates");
            for (JsonNode item : again) {
                if (item.get("id").asText().equals("2022-auto-date-1204"))
                    assertEquals("in-progress", item.get("status").asText());
            }
            assertEquals(
                    md,
                    ReportTestSupport.text(data, 2021, ReportKind.NEXT_YEAR_PLAN, ReportFormat.MD),
                    "generated items are not read back as staff's: the plan is the same");
        }
    }
}

package cn.banshi.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.activities.ActivityStore;
import cn.banshi.calendar.CalendarService;
import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoCases;
import cn.banshi.demo.DemoInputs;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Given the demo year (高塍镇 2021: the generated disputes, petitions and information requests — the hotline
 * cases are left out to keep the test short — and the seed's inputs), when the three jobs run for 2021, then
 * the work report states the seed's "调结各类矛盾纠纷1334起，调解成功率100%", the disclosure report balances,
 * and the plan carries the seed's six arrangements for 2022.
 */
class DemoYearReportsTest {
    @TempDir
    Path data;

    @Test
    void givenTheDemoYearWhenTheThreeJobsRunThenTheWorkReportStatesTheSeedsFigures() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        MutableClock clock = MutableClock.at("2022-01-10T09:00");
        var catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        DemoCases demo = new DemoCases(catalog, new CalendarService(dynamo, clock).deadlines());
        Iterator<CaseRecord> all = demo.cases();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        while (all.hasNext()) {
            CaseRecord c = all.next();
            if (Set.of(CaseType.DISPUTE, CaseType.PETITION, CaseType.INFO_REQUEST)
                    .contains(c.type())) items.add(CaseItems.toItem(c));
        }
        new BulkLoader(dynamo, 8).load(Tables.physical(Tables.CASES), items.iterator());
        DemoInputs.load(
                "gaocheng",
                new ActivityStore(dynamo),
                new PlanItemStore(dynamo),
                new DisclosureStore(dynamo),
                clock.instant());

        try (ReportJobs jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), clock)) {
            for (ReportKind kind : ReportKind.values()) {
                ReportJobs.Result result = ReportTestSupport.run(jobs, kind, DemoCases.YEAR, LocalDate.of(2022, 1, 10));
                assertTrue(result.completed(), kind + ": " + result.failures());
            }
        }
        String work = ReportTestSupport.text(data, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.MD);
        assertTrue(work.contains("年内，我镇调结各类矛盾纠纷" + DemoCases.DISPUTES + "起，调解成功率100%。"), work);
        assertTrue(work.contains("### （一）成立全面依法治镇委员会"), "leaders' duty from the seed");
        JsonNode ogi = ReportTestSupport.json(data, 2021, ReportKind.OGI_ANNUAL);
        JsonNode rows = ogi.at("/requests/rows");
        assertTrue(rows.get("new").get(6).asLong() > 0);
        assertEquals(
                rows.get("new").get(6).asLong()
                        + rows.get("carried-over").get(6).asLong(),
                rows.get("total").get(6).asLong()
                        + rows.get("carried-forward").get(6).asLong());
        JsonNode plan = ReportTestSupport.json(data, 2021, ReportKind.NEXT_YEAR_PLAN);
        assertEquals(6, plan.get("items").size());
        assertEquals("进一步强化领导干部的依法行政水平", plan.get("items").get(0).get("title").asText());
        assertNoPersonalDataIn(data);
    }

    /** The demo cases carry phones and ID numbers; no published report, in any format, may show one. */
    static void assertNoPersonalDataIn(Path reports) {
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
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

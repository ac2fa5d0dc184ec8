package cn.banshi.batch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoCases;
import cn.banshi.personaldata.DataRequestStore;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.PersonalFiles;
import cn.banshi.personaldata.RetentionJob;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 18: erasing personal data whose retention has passed leaves every figure and text the reports need. The demo
 * year (高塍镇 2021) is loaded, the three report jobs run on 2 December 2026, the retention job erases what is due
 * then (hotline cases and information requests after 3 years, disputes after 5; petitions are kept 10), and the
 * three jobs run again into a second directory: every format of every report is byte-identical.
 */
class RetentionReportIdentityTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path before;

    @TempDir
    Path after;

    @Test
    void theDemoYearsReportsAreByteIdenticalBeforeAndAfterErasure() {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        MutableClock clock = MutableClock.at("2026-12-02T09:00");
        ReportTestSupport.loadDemoYear(dynamo, clock);

        Map<ReportKind, Map<ReportFormat, byte[]>> first = runAll(dynamo, clock, before);

        DynamoCaseStore cases = new DynamoCaseStore(dynamo);
        RetentionJob job = new RetentionJob(
                cases,
                Catalogs.bundled(),
                new DataRequestStore(dynamo, PersonalData.shared(dynamo)),
                PersonalFiles.NONE,
                clock);
        int erased = job.run("gaocheng").erased();
        assertTrue(erased > 1000, "the demo year's hotline cases, information requests and disputes: " + erased);
        assertEquals(0, job.run("gaocheng").erased(), "a second run finds nothing");
        Map<CaseType, int[]> byType = new EnumMap<>(CaseType.class);
        for (var page : dynamo.scanPaginator(b -> b.tableName(Tables.physical(Tables.CASES)))) {
            for (var item : page.items()) {
                CaseRecord c = CaseItems.fromItem(item);
                int[] counts = byType.computeIfAbsent(c.type(), t -> new int[2]);
                counts[c.isPersonalErased() ? 1 : 0]++;
            }
        }
        assertEquals(0, byType.get(CaseType.PETITION)[1], "petitions are kept 10 years");
        assertTrue(byType.get(CaseType.COMPLAINT)[1] > 0 && byType.get(CaseType.DISPUTE)[1] > 0, byType.toString());

        Map<ReportKind, Map<ReportFormat, byte[]>> second = runAll(dynamo, clock, after);
        for (ReportKind kind : ReportKind.values()) {
            for (ReportFormat format : ReportTestSupport.ALL) {
                byte[] a = first.get(kind).get(format);
                byte[] b = second.get(kind).get(format);
                assertTrue(a.length > 0, kind + " " + format);
                if (format == ReportFormat.DOCX) assertArrayEquals(a, b, kind + " " + format);
                else assertEquals(new String(a, UTF_8), new String(b, UTF_8), kind + " " + format);
            }
        }
    }

    private static Map<ReportKind, Map<ReportFormat, byte[]>> runAll(
            DynamoDbClient dynamo, MutableClock clock, Path data) {
        Map<ReportKind, Map<ReportFormat, byte[]>> out = new EnumMap<>(ReportKind.class);
        try (ReportJobs jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), clock)) {
            for (ReportKind kind : ReportKind.values()) {
                ReportJobs.Result result = ReportTestSupport.run(jobs, kind, DemoCases.YEAR, TODAY);
                assertTrue(result.completed(), kind + ": " + result.failures());
                Map<ReportFormat, byte[]> files = new EnumMap<>(ReportFormat.class);
                for (ReportFormat format : ReportTestSupport.ALL) {
                    try {
                        files.put(
                                format, Files.readAllBytes(ReportTestSupport.file(data, DemoCases.YEAR, kind, format)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                out.put(kind, files);
            }
        }
        return out;
    }
}

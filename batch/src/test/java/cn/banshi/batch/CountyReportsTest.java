package cn.banshi.batch;

import static cn.banshi.batch.CaseSpec.finished;
import static cn.banshi.batch.CaseSpec.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.batch.cases.SegmentScanReader;
import cn.banshi.batch.repository.DynamoDbJobRepositories;
import cn.banshi.catalog.CaseType;
import cn.banshi.json.Json;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Given two towns' cases and inputs in one deployment, when a report job runs for the county (both towns in one
 * job execution: one scan of the table, tallied per town, then one report step for both towns), then each town's report
 * is byte for byte the one a run for that town alone writes; and when a county run's process is killed while it scans and the run is started again, it
 * resumes from its last commits and writes the same reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyReportsTest {
    static final LocalDate TODAY = LocalDate.of(2022, 1, 15);
    static final List<String> TOWNS = List.of("gaocheng", "dingshu");
    static final Map<String, List<String>> VILLAGES = Map.of(
            "gaocheng", List.of("meijiadu", "fucun", "hongxing"), "dingshu", List.of("dingshan", "shushan", "xiwang"));
    static final List<ReportFormat> COMPARED = List.of(ReportFormat.JSON, ReportFormat.MD, ReportFormat.HTML);

    @TempDir
    static Path single;

    @TempDir
    static Path county;

    @TempDir
    static Path interrupted;

    DynamoDbClient dynamo;
    int cases;

    @BeforeAll
    void givenTwoTownsAndEachTownsOwnReports() {
        dynamo = LocalDynamo.freshTables();
        for (String town : TOWNS) {
            List<CaseSpec> specs = specs(town, town.equals("gaocheng") ? 48 : 30);
            CaseWriter.write(dynamo, town, specs);
            cases += specs.size();
            new StaffApi(dynamo, MutableClock.at("2021-12-10T09:00"), town)
                    .activity(
                            town.equals("gaocheng")
                                    ? "{\"date\":\"2021-12-04\",\"theme\":\"legal-education\",\"title\":\"举办宪法宣传周活动\"}"
                                    : "{\"date\":\"2021-06-26\",\"theme\":\"dispute-resolution\",\"title\":\"开展矛盾纠纷大排查\"}");
        }
        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(single), MutableClock.at("2022-01-15T09:00"))) {
            for (String town : TOWNS) {
                ReportJobs.Result result = jobs.run(
                        ReportKind.RULE_OF_LAW_ANNUAL, town, 2021, Set.copyOf(COMPARED), null, TODAY, Progress.NONE);
                assertTrue(result.completed(), () -> town + ": " + result.failures());
            }
        }
    }

    @Test
    void givenACountyRunThenEachTownsReportIsTheOneItsOwnRunWrites() throws Exception {
        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(county), MutableClock.at("2022-01-15T09:00"))) {
            ReportKind kind = ReportKind.RULE_OF_LAW_ANNUAL;
            ReportJobs.Result result = jobs.run(
                    new ReportJobs.Request(kind, TOWNS, 2021, Set.copyOf(COMPARED), null, TODAY, Progress.NONE, null));
            assertTrue(result.completed(), () -> result.failures().toString());
            assertEquals(List.of("dingshu", "gaocheng"), result.towns());
            assertEquals(
                    Map.of("gaocheng", BatchStatus.COMPLETED, "dingshu", BatchStatus.COMPLETED), result.townStatus());
            assertEquals(cases, result.casesReadInThisRun(), "each town's cases read once, by one scan of the table");
            for (String town : TOWNS) assertSameFiles(single, county, town, kind);
        }
        // the towns' figures are their own: each town's case count, not the county's
        assertEquals(
                48,
                Json.parse(read(county, "gaocheng", ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.JSON))
                        .at("/cases/received")
                        .asLong(),
                "gaocheng's own cases");
        assertEquals(
                30,
                Json.parse(read(county, "dingshu", ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.JSON))
                        .at("/cases/received")
                        .asLong(),
                "dingshu's own cases");
    }

    @Test
    @DisplayName("given a county run killed halfway, when started again, it resumes and writes each town's report")
    void countyRunKilledHalfwayResumes() throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dbanshi.dynamodb.endpoint=" + LocalDynamo.endpoint(),
                        "-Dbanshi.tablePrefix=" + System.getProperty("banshi.tablePrefix"),
                        "-Dbanshi.batch.pageSize=3",
                        "-Dbanshi.batch.pagesPerCommit=1",
                        "-Dbanshi.batch.chunkPauseMillis=250",
                        "cn.banshi.batch.ReportCli",
                        "--job",
                        "rule-of-law-annual",
                        "--towns",
                        "gaocheng,dingshu",
                        "--year",
                        "2021",
                        "--data",
                        interrupted.toString(),
                        "--today",
                        TODAY.toString(),
                        "--format",
                        "json,md,html"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // watch the run's committed progress in the job repository; kill once a third of the cases are committed
        JobRepository repository = DynamoDbJobRepositories.create(dynamo);
        long scannedWhenKilled = 0;
        try {
            while (child.isAlive() && scannedWhenKilled < cases / 3) {
                Thread.sleep(50);
                scannedWhenKilled = 0;
                for (JobExecution running : repository.findRunningJobExecutions(ReportKind.RULE_OF_LAW_ANNUAL.code())) {
                    if (!running.getJobParameters()
                            .getString(ReportParameters.TOWNS)
                            .equals("dingshu,gaocheng")) continue;
                    for (StepExecution step :
                            repository.getJobExecution(running.getId()).getStepExecutions()) {
                        if (step.getStepName().startsWith("scanSegment:")) {
                            scannedWhenKilled += step.getExecutionContext()
                                    .getLong(SegmentScanReader.READ, 0L); // cases; readCount counts pages
                        }
                    }
                }
            }
        } finally {
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        assertTrue(scannedWhenKilled > 0 && scannedWhenKilled < cases, "killed while scanning: " + scannedWhenKilled);
        for (String town : TOWNS)
            assertFalse(Files.exists(file(interrupted, town, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.JSON)));

        ReportJobs.Result resumed;
        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(interrupted), MutableClock.at("2022-02-01T09:00"))) {
            resumed = jobs.run(
                    ReportJobs.Request.of(ReportKind.RULE_OF_LAW_ANNUAL, List.of("dingshu", "gaocheng"), 2021));
            // (formats, today and the rest are the killed run's: a resumed run keeps its parameters)
        }
        assertTrue(resumed.completed(), () -> resumed.failures().toString());
        assertTrue(resumed.resumed(), "the killed county run is resumed, not started anew");
        assertTrue(resumed.casesReadInThisRun() > 0, "the uncommitted rest is read again");
        assertTrue(
                resumed.casesReadInThisRun() < cases,
                "resumed from the last commits, read " + resumed.casesReadInThisRun() + " of " + cases);
        for (String town : TOWNS) assertSameFiles(single, interrupted, town, ReportKind.RULE_OF_LAW_ANNUAL);
    }

    /** Cases of the town's own villages, a fifth still open, disputes and help requests finished in the year. */
    static List<CaseSpec> specs(String town, int n) {
        List<CaseSpec> specs = new ArrayList<>();
        List<String> villages = VILLAGES.get(town);
        for (int i = 0; i < n; i++) {
            LocalDate received = LocalDate.of(2021, 1, 5).plusDays(i * 7L);
            String village = villages.get(i % villages.size());
            specs.add(
                    i % 5 == 0
                            ? open(
                                    CaseType.COMPLAINT,
                                    "environment",
                                    village,
                                    received + "T09:30",
                                    received.plusDays(15).toString())
                            : finished(
                                    i % 2 == 0 ? CaseType.DISPUTE : CaseType.HELP,
                                    i % 2 == 0 ? "dispute-neighbour" : "health",
                                    village,
                                    received + "T09:30",
                                    received.plusDays(10).toString(),
                                    received.plusDays(i % 13).toString(),
                                    i % 2 == 0 ? (i % 7 == 0 ? "no-agreement" : "agreement-reached") : "resolved",
                                    3 + i % 3));
        }
        return specs;
    }

    private static void assertSameFiles(Path expected, Path actual, String town, ReportKind kind) throws Exception {
        for (ReportFormat f : COMPARED) {
            assertArrayEquals(
                    Files.readAllBytes(file(expected, town, kind, f)),
                    Files.readAllBytes(file(actual, town, kind, f)),
                    town + " " + kind.code() + " " + f.fileName());
        }
    }

    private static String read(Path data, String town, ReportKind kind, ReportFormat format) throws Exception {
        return Files.readString(file(data, town, kind, format));
    }

    private static Path file(Path data, String town, ReportKind kind, ReportFormat format) {
        return new FileReportStore(data.resolve("reports"))
                .directory(town, 2021, kind)
                .resolve(format.fileName());
    }
}

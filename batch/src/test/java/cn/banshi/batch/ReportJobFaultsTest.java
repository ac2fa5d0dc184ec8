package cn.banshi.batch;

import static cn.banshi.batch.CaseSpec.finished;
import static cn.banshi.batch.CaseSpec.infoRequest;
import static cn.banshi.batch.CaseSpec.open;
import static cn.banshi.batch.ReportTestSupport.TOWN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.catalog.CaseType;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.Tables;
import cn.banshi.testkit.FaultInjector;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * DynamoDB throttles and fails while the report jobs run (a test-only interceptor injects the service's own
 * errors, including a 500 after the write was applied, into every kind of call the jobs make: the scan, the
 * staff inputs, the job repository): the jobs retry, resume what DynamoDB failed, and write the same reports,
 * byte for byte, as a run without faults.
 */
class ReportJobFaultsTest {
    static final LocalDate TODAY = LocalDate.of(2022, 1, 15);
    static final int CASES = 160;

    DynamoDbClient dynamo;

    @TempDir
    Path reference;

    @TempDir
    Path faulty;

    @BeforeEach
    void givenATownsYearAndItsReportsWrittenWithoutFaults() {
        dynamo = LocalDynamo.freshTables();
        List<CaseSpec> specs = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            LocalDate received = LocalDate.of(2021, 1, 3).plusDays(i * 2L);
            String village =
                    List.of("meijiadu", "fucun", "hongxing", "gaocheng-cun").get(i % 4);
            if (i % 8 == 3) {
                specs.add(infoRequest(
                        i % 16 == 3 ? "natural-person" : "research-institution",
                        received + "T10:00",
                        received.plusDays(28).toString(),
                        received.plusDays(5 + i % 30).toString(),
                        i % 3 == 0 ? "disclosed" : "partially-disclosed"));
            } else if (i % 5 == 0) {
                specs.add(open(
                        CaseType.COMPLAINT,
                        "environment",
                        village,
                        received + "T09:30",
                        received.plusDays(15).toString()));
            } else {
                specs.add(finished(
                        i % 2 == 0 ? CaseType.DISPUTE : CaseType.HELP,
                        i % 2 == 0 ? "dispute-neighbour" : "health",
                        village,
                        received + "T09:30",
                        received.plusDays(10).toString(),
                        received.plusDays(i % 13).toString(),
                        i % 2 == 0 ? (i % 7 == 0 ? "no-agreement" : "agreement-reached") : "resolved",
                        3 + i % 3));
            }
        }
        CaseWriter.write(dynamo, TOWN, specs);
        StaffApi staff = new StaffApi(dynamo, MutableClock.at("2021-12-10T09:00"), TOWN);
        staff.activity("{\"date\":\"2021-12-04\",\"theme\":\"legal-education\",\"title\":\"举办宪法宣传周活动\"}");
        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(reference), MutableClock.at("2022-01-15T09:00"))) {
            for (ReportKind kind : ReportKind.values()) {
                assertTrue(ReportTestSupport.run(jobs, kind, 2021, TODAY).completed(), kind.code());
            }
        }
    }

    @Test
    void whenFifteenPercentOfCallAttemptsFailThenTheJobsCompleteWithTheSameReports() throws Exception {
        FaultInjector faults = new FaultInjector(0.15, 20220115L);
        DynamoDbClient failing = DynamoClients.forBatchJobs(
                LocalDynamo.endpoint(), ClientOverrideConfiguration.builder().addExecutionInterceptor(faults));
        // pages of 10 cases and a commit after each: 16 pages and commits per job, each a call that can fail
        try (ReportJobs jobs = ReportJobs.open(
                failing,
                ReportJobs.Settings.of(faulty)
                        .withProperties(
                                Map.of(BatchConfiguration.PAGE_SIZE, "10", BatchConfiguration.PAGES_PER_COMMIT, "1")),
                MutableClock.at("2022-01-15T09:00"))) {
            for (ReportKind kind : ReportKind.values()) {
                ReportJobs.Result result = ReportTestSupport.run(jobs, kind, 2021, TODAY);
                assertTrue(result.completed(), () -> kind.code() + ": " + result.failures());
            }
        }
        System.out.println("ReportJobFaultsTest: throttled " + faults.throttled + ", 500 before " + faults.failedBefore
                + ", 500 after the write " + faults.failedAfterWrite + " of " + faults.attempts + " attempts");
        assertTrue(
                faults.throttled.get() >= 4 && faults.failedBefore.get() >= 2 && faults.failedAfterWrite.get() >= 2,
                () -> "faults injected: throttled " + faults.throttled + ", 500 before " + faults.failedBefore
                        + ", 500 after the write " + faults.failedAfterWrite + " of " + faults.attempts + " attempts");
        for (ReportKind kind : ReportKind.values()) assertSameReport(kind);
    }

    @Test
    @DisplayName("when DynamoDB is down for longer than the client retries, "
            + "the run is resumed and writes the same report")
    void dynamoDbDownLongerThanRetries() throws Exception {
        FaultInjector faults = new FaultInjector(0, 20220116L); // no random faults: only the outage
        // the request-path client: three attempts within a few hundred milliseconds, shorter than the outage
        DynamoDbClient failing = DynamoClients.forEndpoint(
                LocalDynamo.endpoint(), ClientOverrideConfiguration.builder().addExecutionInterceptor(faults));
        AtomicBoolean outage = new AtomicBoolean();
        Progress outageMidScan = new Progress() {
            @Override
            public void scanned(long done, long total) {
                if (done >= CASES / 4 && outage.compareAndSet(false, true)) {
                    faults.outage(true);
                    Thread restore = new Thread(() -> {
                        try {
                            Thread.sleep(
                                    2000); // longer than three attempts, shorter than the resumes' pauses (1 + 2 + 4 s)
                        } catch (InterruptedException ignored) {
                            // restore now
                        }
                        faults.outage(false);
                    });
                    restore.start();
                }
            }

            @Override
            public void phase(String name) {}
        };
        ReportJobs.Result result;
        try (ReportJobs jobs = ReportJobs.open(
                failing,
                ReportJobs.Settings.of(faulty)
                        .withProperties(
                                Map.of(BatchConfiguration.PAGE_SIZE, "10", BatchConfiguration.PAGES_PER_COMMIT, "1")),
                MutableClock.at("2022-01-15T09:00"))) {
            result = jobs.run(
                    ReportKind.RULE_OF_LAW_ANNUAL, TOWN, 2021, ReportTestSupport.ALL, null, TODAY, outageMidScan);
        }
        assertTrue(outage.get(), "the outage began while the cases were scanned");
        assertTrue(
                result.completed(),
                () -> result.status() + " after " + result.resumedAfterFailures() + " resumes: " + result.failures());
        assertTrue(result.resumedAfterFailures() >= 1, "the failed run was resumed in the same call");
        assertEquals(2, result.run(), "still the run it started (run 1 is the reference), resumed, not a new one");
        assertTrue(faults.injected() > 0);
        assertSameReport(ReportKind.RULE_OF_LAW_ANNUAL);
    }

    @Test
    @DisplayName("when DynamoDB goes down between the run's instance and its execution, "
            + "the run is started again and writes the same report")
    void dynamoDbDownBetweenInstanceAndExecution() throws Exception {
        FaultInjector faults = new FaultInjector(0, 20220117L);
        AtomicBoolean outage = new AtomicBoolean();
        AtomicInteger instancePuts = new AtomicInteger();
        // the outage begins as soon as the launch has stored the run's job instance (its item and its key item)
        ExecutionInterceptor afterInstance = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutItemRequest put
                        && put.tableName().endsWith(Tables.BATCH_JOB_INSTANCES)
                        && instancePuts.incrementAndGet() == 2
                        && outage.compareAndSet(false, true)) {
                    faults.outage(true);
                    Thread restore = new Thread(() -> {
                        try {
                            Thread.sleep(2000);
                        } catch (InterruptedException ignored) {
                            // restore now
                        }
                        faults.outage(false);
                    });
                    restore.start();
                }
            }
        };
        DynamoDbClient failing = DynamoClients.forEndpoint(
                LocalDynamo.endpoint(),
                ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(faults)
                        .addExecutionInterceptor(afterInstance));
        ReportJobs.Result result;
        try (ReportJobs jobs = ReportJobs.open(
                failing,
                ReportJobs.Settings.of(faulty)
                        .withProperties(
                                Map.of(BatchConfiguration.PAGE_SIZE, "10", BatchConfiguration.PAGES_PER_COMMIT, "1")),
                MutableClock.at("2022-01-15T09:00"))) {
            result = jobs.run(
                    ReportKind.RULE_OF_LAW_ANNUAL, TOWN, 2021, ReportTestSupport.ALL, null, TODAY, Progress.NONE);
        }
        assertTrue(outage.get(), "the outage began after the run's instance was stored");
        assertTrue(
                result.completed(),
                () -> result.status() + " after " + result.resumedAfterFailures() + " resumes: " + result.failures());
        assertTrue(result.resumedAfterFailures() >= 1, "the failed launch was retried in the same call");
        assertEquals(2, result.run(), "the run it launched (run 1 is the reference), not a later one");
        assertEquals(CASES, result.casesReadInThisRun());
        assertSameReport(ReportKind.RULE_OF_LAW_ANNUAL);
    }

    private void assertSameReport(ReportKind kind) throws Exception {
        for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.MD, ReportFormat.HTML)) {
            assertArrayEquals(
                    Files.readAllBytes(ReportTestSupport.file(reference, 2021, kind, f)),
                    Files.readAllBytes(ReportTestSupport.file(faulty, 2021, kind, f)),
                    kind.code() + " " + f.fileName());
        }
        assertArrayEquals(
                documentXml(ReportTestSupport.file(reference, 2021, kind, ReportFormat.DOCX)),
                documentXml(ReportTestSupport.file(faulty, 2021, kind, ReportFormat.DOCX)),
                kind.code() + " docx");
    }

    private static byte[] documentXml(Path docx) throws Exception {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            return zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes();
        }
    }
}

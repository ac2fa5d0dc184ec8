package cn.banshi.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.ReportRuns;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The report function as Lambda calls it (its input map and a Context), on dynalite with the DynamoDB job repository
 * and a file report store in place of S3: the schedule's input runs the job's default year for every town of the
 * deployment; a staff request's input runs its town and records its run id; a run about to reach the function's
 * time limit stops at a commit and fails the invocation, and the retry resumes it and writes the same report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportJobHandlerTest {
    @TempDir
    static Path data;

    @TempDir
    static Path reference;

    DynamoDbClient dynamo;
    MutableClock clock;
    ReportRuns runs;
    ReportJobs jobs;
    ReportJobHandler handler;

    @BeforeAll
    void givenADeploymentOfTwoTowns() {
        dynamo = LocalDynamo.freshTables();
        CaseWriter.write(dynamo, "gaocheng", CountyReportsTest.specs("gaocheng", 40));
        CaseWriter.write(dynamo, "dingshu", CountyReportsTest.specs("dingshu", 12));
        clock = MutableClock.at("2022-01-15T02:00");
        runs = new ReportRuns(dynamo);
        // slow commits, so that a stop asked for at once reaches the scan before it ends
        jobs = ReportJobs.open(
                dynamo,
                ReportJobs.Settings.of(data)
                        .withProperties(Map.of(
                                BatchConfiguration.PAGE_SIZE,
                                2,
                                BatchConfiguration.PAGES_PER_COMMIT,
                                1,
                                BatchConfiguration.CHUNK_PAUSE_MILLIS,
                                100))
                        .onSeveralMachines(ReportJobHandler.FUNCTION_TIMEOUT),
                clock);
        handler = new ReportJobHandler(jobs, runs, new LinkedHashSet<>(List.of("gaocheng", "dingshu")), clock);
    }

    @Test
    void givenTheSchedulesInputThenTheDefaultYearIsRunForEveryTownOfTheDeployment() {
        Map<String, Object> output = handler.handleRequest(Map.of("job", "ogi-annual"), context("sched-1", 900_000));
        assertEquals(2021, output.get("year"), "mid-January: the disclosure report of the year before");
        assertEquals("COMPLETED", output.get("status"));
        assertEquals(Map.of("dingshu", "COMPLETED", "gaocheng", "COMPLETED"), output.get("towns"));
        for (String town : List.of("gaocheng", "dingshu")) {
            assertTrue(Files.exists(file(data, town, ReportKind.OGI_ANNUAL, ReportFormat.DOCX)), town);
            ReportRuns.Run run = runs.find(town, 2021, ReportKind.OGI_ANNUAL).orElseThrow();
            assertEquals(ReportRuns.Status.COMPLETED, run.status());
            assertEquals("scheduled-sched-1", run.runId());
            assertEquals("schedule", run.requestedBy());
        }
    }

    @Test
    void givenAStaffRequestsInputThenItsTownAndYearAreRunUnderItsRunId() {
        assertTrue(
                runs.claim("dingshu", 2021, ReportKind.NEXT_YEAR_PLAN, "feedc0de00000001", "wang.li", clock.instant()));
        Map<String, Object> output = handler.handleRequest(
                Map.of(
                        "job",
                        "next-year-plan",
                        "year",
                        2021,
                        "towns",
                        List.of("dingshu"),
                        "runId",
                        "feedc0de00000001",
                        "requestedBy",
                        "wang.li"),
                context("req-2", 900_000));
        assertEquals(Map.of("dingshu", "COMPLETED"), output.get("towns"));
        ReportRuns.Run run =
                runs.find("dingshu", 2021, ReportKind.NEXT_YEAR_PLAN).orElseThrow();
        assertEquals(ReportRuns.Status.COMPLETED, run.status());
        assertEquals("wang.li", run.requestedBy());
        assertTrue(Files.exists(file(data, "dingshu", 2021, ReportKind.NEXT_YEAR_PLAN)));
        assertFalse(Files.exists(file(data, "gaocheng", 2021, ReportKind.NEXT_YEAR_PLAN)), "only the town asked for");
        assertThrows(
                IllegalArgumentException.class,
                () -> handler.handleRequest(Map.of("job", "ogi-annual", "towns", List.of("yixing")), null),
                "a town this deployment does not serve");
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("job", "everything"), null));
    }

    @Test
    @DisplayName("given a run reaching the time limit, "
            + "it stops at a commit and the retry resumes it with the same report")
    void timeLimitStopsAtACommitAndRetryResumes() throws Exception {
        // an uninterrupted run of the same report, written elsewhere
        assertTrue(jobs.run(
                        ReportKind.RULE_OF_LAW_ANNUAL,
                        "gaocheng",
                        2021,
                        ReportTestSupport.ALL,
                        reference,
                        null,
                        Progress.NONE)
                .completed());
        Map<String, Object> input = Map.of("job", "rule-of-law-annual", "year", 2021, "towns", List.of("gaocheng"));
        // the function has just its margin left: the run is asked to stop as soon as it runs
        IllegalStateException stopped = assertThrows(
                IllegalStateException.class,
                () -> handler.handleRequest(input, context("timeout-3", (int) ReportJobHandler.MARGIN.toMillis())));
        assertTrue(stopped.getMessage().startsWith("stopped before the time limit"), stopped.getMessage());
        assertEquals(
                ReportRuns.Status.RUNNING,
                runs.find("gaocheng", 2021, ReportKind.RULE_OF_LAW_ANNUAL)
                        .orElseThrow()
                        .status(),
                "still running: Lambda's retry resumes it");
        assertFalse(Files.exists(file(data, "gaocheng", 2021, ReportKind.RULE_OF_LAW_ANNUAL)));

        // the retry comes a minute later, long before the stopped run's commits would be stale (15 minutes)
        Map<String, Object> retried = handler.handleRequest(input, context("timeout-3", 900_000));
        assertEquals("COMPLETED", retried.get("status"));
        assertEquals(
                true,
                retried.get("resumed"),
                "the stopped run is resumed, not refused as still running nor started anew");
        assertEquals(
                ReportRuns.Status.COMPLETED,
                runs.find("gaocheng", 2021, ReportKind.RULE_OF_LAW_ANNUAL)
                        .orElseThrow()
                        .status());
        for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.MD)) {
            assertArrayEquals(
                    Files.readAllBytes(reference.resolve(f.fileName())),
                    Files.readAllBytes(file(data, "gaocheng", ReportKind.RULE_OF_LAW_ANNUAL, f)),
                    f.fileName());
        }
    }

    private static Path file(Path dir, String town, ReportKind kind, ReportFormat format) {
        return new FileReportStore(dir.resolve("reports"))
                .directory(town, 2021, kind)
                .resolve(format.fileName());
    }

    private static Path file(Path dir, String town, int year, ReportKind kind) {
        return new FileReportStore(dir.resolve("reports"))
                .directory(town, year, kind)
                .resolve(ReportFormat.JSON.fileName());
    }

    /** What Lambda passes: the request id and the time left. */
    private static Context context(String requestId, int remainingMillis) {
        return new Context() {
            public String getAwsRequestId() {
                return requestId;
            }

            public String getLogGroupName() {
                return null;
            }

            public String getLogStreamName() {
                return null;
            }

            public String getFunctionName() {
                return "ReportJobFunction";
            }

            public String getFunctionVersion() {
                return "1";
            }

            public String getInvokedFunctionArn() {
                return null;
            }

            public CognitoIdentity getIdentity() {
                return null;
            }

            public ClientContext getClientContext() {
                return null;
            }

            public int getRemainingTimeInMillis() {
                return remainingMillis;
            }

            public int getMemoryLimitInMB() {
                return 3008;
            }

            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}

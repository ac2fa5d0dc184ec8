package cn.banshi.batch;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.logging.Log;
import cn.banshi.logging.RequestIds;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportRunRequest;
import cn.banshi.reports.ReportRuns;
import cn.banshi.reports.ReportStores;
import cn.banshi.store.DynamoClients;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The report function: runs one report job for a year and the deployment's towns (a county run: one scan, one
 * report step for all the towns) or the towns named, with the DynamoDB job repository and the S3 report store. Input
 * ({@link ReportRunRequest}): {@code {"job": "ogi-annual"}} from EventBridge Scheduler (year: the job's default,
 * Asia/Shanghai), or {@code {"job", "year", "towns", "runId", "requestedBy"}} from the staff route's asynchronous
 * invocation. Each town's run record goes running, then completed or failed.
 *
 * <p>Before the function's time limit ({@link #MARGIN} before it) the run is stopped at its next commit and the
 * invocation fails, so that Lambda's retry of the asynchronous event resumes it at once where it stopped (two
 * retries, then the dead-letter queue, whose alarm mails the operators; invoking the function again with the same
 * input resumes it too). A failed job also fails the invocation: a retry resumes it from its last commit.
 */
public final class ReportJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(ReportJobHandler.class);
    /** Time kept for the commit in flight, the report steps and the final updates after a stop is asked for. */
    static final Duration MARGIN = Duration.ofMinutes(2);
    /** A run whose last commit is older than this belongs to a dead invocation (the function's timeout). */
    static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(15);

    private final ReportJobs jobs;
    private final ReportRuns runs;
    private final Set<String> deployedTowns;
    private final Clock clock;

    /** Lambda's constructor: the environment's DynamoDB, report bucket and towns; built once per environment (and snapshot). */
    public ReportJobHandler() {
        this(
                environmentJobs(DynamoClients.forBatchJobs(
                        DynamoClients.configuredEndpoint(), ClientOverrideConfiguration.builder())),
                DeployedTowns.fromEnvironment(Catalogs.bundled()),
                Clock.systemUTC());
    }

    private ReportJobHandler(Map.Entry<ReportJobs, DynamoDbClient> jobs, Set<String> towns, Clock clock) {
        this(jobs.getKey(), new ReportRuns(jobs.getValue()), towns, clock);
    }

    public ReportJobHandler(ReportJobs jobs, ReportRuns runs, Set<String> deployedTowns, Clock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.deployedTowns = deployedTowns;
        this.clock = clock;
    }

    private static Map.Entry<ReportJobs, DynamoDbClient> environmentJobs(DynamoDbClient dynamo) {
        ReportCli.quietLibraries();
        ReportJobs.Settings settings = ReportJobs.Settings.of(Path.of(System.getProperty("java.io.tmpdir"), "banshi"))
                .withReports(ReportStores.fromEnvironment())
                .onSeveralMachines(FUNCTION_TIMEOUT);
        return Map.entry(ReportJobs.open(dynamo, settings, Clock.systemUTC()), dynamo);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        RequestIds.set(context == null ? "report" : context.getAwsRequestId());
        try {
            return run(ReportRunRequest.fromMap(input), context);
        } finally {
            RequestIds.clear();
        }
    }

    private Map<String, Object> run(ReportRunRequest request, Context context) {
        int year = request.year(ChinaTime.today(clock));
        List<String> towns = request.towns().isEmpty() ? List.copyOf(deployedTowns) : request.towns();
        for (String town : towns) {
            if (!deployedTowns.contains(town))
                throw new IllegalArgumentException("town " + town + " is not served by this deployment");
        }
        String runId = request.runId() != null ? request.runId() : "scheduled-" + RequestIds.current();
        String by = request.requestedBy() != null ? request.requestedBy() : "schedule";
        Duration stopAfter = context == null
                ? null
                : Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
        for (String town : towns) runs.started(town, year, request.kind(), runId, by, clock.instant());
        LOG.info(
                "report run",
                "job",
                request.kind().code(),
                "year",
                year,
                "towns",
                String.join(",", towns),
                "runId",
                runId);

        ReportJobs.Result result;
        try {
            result = jobs.run(new ReportJobs.Request(
                    request.kind(),
                    towns,
                    year,
                    EnumSet.allOf(ReportFormat.class),
                    null,
                    null,
                    Progress.NONE,
                    stopAfter));
        } catch (RuntimeException e) {
            for (String town : towns) {
                runs.finished(
                        town, year, request.kind(), runId, ReportRuns.Status.FAILED, rootMessage(e), clock.instant());
            }
            LOG.error(
                    "report run refused",
                    "job",
                    request.kind().code(),
                    "year",
                    year,
                    "runId",
                    runId,
                    "exception",
                    e.getClass().getSimpleName());
            throw e;
        }
        String failures = result.failures().stream()
                .map(ReportJobHandler::rootMessage)
                .distinct()
                .collect(Collectors.joining("; "));
        boolean stopped = result.status() == BatchStatus.STOPPED || result.status() == BatchStatus.STOPPING;
        Map<String, Object> townStatus = new LinkedHashMap<>();
        for (String town : towns) {
            BatchStatus status = result.townStatus().get(town);
            townStatus.put(town, status.name());
            if (status == BatchStatus.COMPLETED) {
                runs.finished(town, year, request.kind(), runId, ReportRuns.Status.COMPLETED, null, clock.instant());
            } else if (!stopped) {
                runs.finished(
                        town,
                        year,
                        request.kind(),
                        runId,
                        ReportRuns.Status.FAILED,
                        failures.isEmpty() ? status.name() : failures,
                        clock.instant());
            } // stopped before the time limit: still running, the retry resumes it
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("job", request.kind().code());
        output.put("year", year);
        output.put("runId", runId);
        output.put("run", result.run());
        output.put("resumed", result.resumed());
        output.put("status", result.status().name());
        output.put("towns", townStatus);
        output.put("casesRead", result.casesReadInThisRun());
        LOG.info(
                "report run ended",
                "job",
                request.kind().code(),
                "year",
                year,
                "runId",
                runId,
                "status",
                result.status().name(),
                "casesRead",
                result.casesReadInThisRun());
        if (!result.completed()) {
            // fail the invocation: Lambda retries the event (the run resumes), then sends it to the dead-letter queue
            throw new IllegalStateException(
                    (stopped ? "stopped before the time limit, to be resumed: " : "report run failed: ")
                            + output
                            + (failures.isEmpty() ? "" : " " + failures));
        }
        return output;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}

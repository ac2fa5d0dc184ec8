package cn.banshi.local;

import cn.banshi.batch.ReportJobHandler;
import cn.banshi.batch.ReportJobs;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.logging.Log;
import cn.banshi.reports.ReportRunRequest;
import cn.banshi.reports.ReportRunner;
import cn.banshi.reports.ReportRuns;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./banshi up}'s report runner: a staff request's run goes to one background thread of this process, which
 * runs it as the report function does in AWS ({@link ReportJobHandler}: run records, default years), on the local
 * DynamoDB with the reports under {@code DATA/reports}. One run at a time; later requests wait their turn (queued).
 */
public final class LocalReportRunner implements ReportRunner, AutoCloseable {
    private static final Log LOG = Log.get(LocalReportRunner.class);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-runner");
        t.setDaemon(true);
        return t;
    });
    private final DynamoDbClient dynamo;
    private final Path data;
    private final Clock clock;
    private ReportJobs jobs;
    private ReportJobHandler handler;

    public LocalReportRunner(DynamoDbClient dynamo, Path data, Clock clock) {
        this.dynamo = dynamo;
        this.data = data;
        this.clock = clock;
    }

    @Override
    public void start(ReportRunRequest run) {
        try {
            thread.execute(() -> {
                try {
                    handler().handleRequest(run.toMap(), null);
                } catch (RuntimeException e) {
                    // recorded as failed in the run record by the handler; nothing else to do here
                    LOG.warn(
                            "local report run failed",
                            "job",
                            run.kind().code(),
                            "runId",
                            String.valueOf(run.runId()),
                            "exception",
                            e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException closed) {
            throw new IllegalStateException("the local report runner is stopped", closed);
        }
    }

    /** Opened on the runner's thread at the first run (the Spring context takes a second or two). */
    private ReportJobHandler handler() {
        if (handler == null) {
            jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), clock);
            handler = new ReportJobHandler(
                    jobs, new ReportRuns(dynamo), DeployedTowns.fromEnvironment(Catalogs.bundled()), clock);
        }
        return handler;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (jobs != null) jobs.close();
    }
}

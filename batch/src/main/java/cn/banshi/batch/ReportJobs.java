package cn.banshi.batch;

import cn.banshi.batch.cases.SegmentScanReader;
import cn.banshi.batch.ogi.OgiJobConfiguration;
import cn.banshi.batch.plan.NextYearPlanJobConfiguration;
import cn.banshi.batch.ruleoflaw.RuleOfLawJobConfiguration;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.Catalogs;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.ReportStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs the report jobs for a year and one town or a county's towns (one job execution: the case table is scanned
 * once, by parallel-scan segments that tally each town apart, then one report step writes every town's report),
 * in this process:
 * {@code ./banshi report}, the local demo and runner, the report function and tests use it. A run whose last
 * execution did not complete (failed, stopped, or its process was killed) is resumed with the same parameters,
 * so it finishes with the same reports; after a completed run, a new run starts. A run that DynamoDB failed (errors
 * that outlasted the client's retries) is resumed in the same call, a few times, after growing pauses. A file lock per
 * town, year and job keeps two processes on this machine from running the same town's report at once.
 *
 * <p>This class checks the request and wires its parts, each with one job: {@link TownLocks} (the file locks),
 * {@link CaseCounts} (the progress bar's total), {@link LatestRun} (which run to resume or start, through
 * {@link RunLookup}), {@link RunStopper} (the time limit), {@link ResumingLaunch} (the launch and resume loop, which
 * takes over interrupted executions with {@link RunRecovery} and {@link UnknownExecutions}) and
 * {@link TownStatuses} (each town's outcome).
 */
public final class ReportJobs implements AutoCloseable {
    public static final int DEFAULT_SEGMENTS = 4;
    /** How many times a run that failed on DynamoDB errors is resumed at once, in the same call (default 3). */
    public static final String RESUMES = "banshi.batch.resumes";

    static final int DEFAULT_RESUMES = 3;

    /**
     * How a run ended. {@code resumed}: it continued an interrupted run. {@code townStatus}: per town, whether
     * its report was written (COMPLETED) or not (the job's status, or the town's report step's).
     * {@code resumedAfterFailures}: how often this call resumed the run after DynamoDB failed it ({@link #RESUMES}).
     */
    public record Result(
            ReportKind kind,
            List<String> towns,
            int year,
            long run,
            boolean resumed,
            BatchStatus status,
            long casesReadInThisRun,
            List<Throwable> failures,
            Map<String, BatchStatus> townStatus,
            int resumedAfterFailures) {
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }

    /**
     * What to run. {@code today} fixes the date the reports are drafted as of; null means the clock's date in
     * China. {@code out}: write the files there (a folder per town for several towns) instead of the report
     * store. {@code stopAfter}: if the run is still going after this long (real time), it is stopped at its next
     * commit, so that it can be resumed at once by another process (a function stops itself before its
     * timeout); null: no limit.
     */
    public record Request(
            ReportKind kind,
            List<String> towns,
            int year,
            Set<ReportFormat> formats,
            Path out,
            LocalDate today,
            Progress progress,
            Duration stopAfter) {
        public Request {
            towns = ReportParameters.normalized(towns);
            if (progress == null) progress = Progress.NONE;
        }

        public static Request of(ReportKind kind, List<String> towns, int year) {
            return new Request(kind, towns, year, EnumSet.allOf(ReportFormat.class), null, null, Progress.NONE, null);
        }

        public Request stopAfter(Duration limit) {
            return new Request(kind, towns, year, formats, out, today, progress, limit);
        }

        public Request today(LocalDate day) {
            return new Request(kind, towns, year, formats, out, day, progress, stopAfter);
        }
    }

    /**
     * The settings of a process that runs report jobs. {@code singleMachine}: only this machine runs report
     * jobs on this repository (locally: H2, or dynalite), so the file lock proves that a still-running
     * execution belongs to a dead process. Otherwise (AWS) an execution is taken for dead only when nothing
     * of it was updated for {@code staleAfter} (at least the function's timeout). {@code reports}: where the
     * reports go (null: {@code DATA/reports} on this machine).
     */
    public record Settings(
            Path dataDir,
            int segments,
            Map<String, Object> properties,
            boolean singleMachine,
            Duration staleAfter,
            ReportStore reports) {
        public static Settings of(Path dataDir) {
            return new Settings(dataDir, DEFAULT_SEGMENTS, Map.of(), true, Duration.ofMinutes(15), null);
        }

        public Settings withReports(ReportStore store) {
            return new Settings(dataDir, segments, properties, singleMachine, staleAfter, store);
        }

        public Settings onSeveralMachines(Duration staleAfterLastUpdate) {
            return new Settings(dataDir, segments, properties, false, staleAfterLastUpdate, reports);
        }

        public Settings withProperties(Map<String, Object> more) {
            Map<String, Object> all = new HashMap<>(properties);
            all.putAll(more);
            return new Settings(dataDir, segments, Map.copyOf(all), singleMachine, staleAfter, reports);
        }
    }

    private final AnnotationConfigApplicationContext context;
    private final Settings settings;
    private final Clock clock;

    private ReportJobs(AnnotationConfigApplicationContext context, Settings settings, Clock clock) {
        this.context = context;
        this.settings = settings;
        this.clock = clock;
    }

    public static ReportJobs open(DynamoDbClient dynamo, Settings settings, Clock clock) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        Map<String, Object> properties = new HashMap<>(settings.properties());
        properties.put(
                BatchConfiguration.DATA_DIR, settings.dataDir().toAbsolutePath().toString());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("banshi", properties));
        ReportStore reports = settings.reports() != null
                ? settings.reports()
                : new FileReportStore(settings.dataDir().resolve("reports"));
        context.registerBean(DynamoDbClient.class, () -> dynamo);
        context.registerBean(ReportStore.class, () -> reports);
        context.register(
                BatchConfiguration.class,
                RuleOfLawJobConfiguration.class,
                OgiJobConfiguration.class,
                NextYearPlanJobConfiguration.class);
        context.refresh();
        return new ReportJobs(context, settings, clock);
    }

    /** Runs (or resumes) one town's report; see {@link #run(Request)}. */
    public Result run(
            ReportKind kind,
            String town,
            int year,
            Set<ReportFormat> formats,
            Path out,
            LocalDate today,
            Progress progress) {
        return run(new Request(kind, List.of(town), year, formats, out, today, progress, null));
    }

    /** Runs (or resumes) the reports of one job for the request's towns, in one job execution. */
    public Result run(Request request) {
        if (request.towns().size() > SegmentScanReader.MAX_TOWNS) {
            throw new IllegalArgumentException("一次最多 " + SegmentScanReader.MAX_TOWNS + " 个乡镇 / at most "
                    + SegmentScanReader.MAX_TOWNS + " towns in one run");
        }
        for (String town : request.towns()) {
            if (context.getBean(Catalogs.class).town(town).isEmpty()) {
                throw new IllegalArgumentException("未知乡镇 unknown town: " + town);
            }
        }
        return TownLocks.holding(
                settings.dataDir(), request.kind(), request.towns(), request.year(), () -> runLocked(request));
    }

    private Result runLocked(Request request) {
        long started = System.nanoTime();
        ReportKind kind = request.kind();
        List<String> towns = request.towns();
        Progress progress = request.progress();
        JobRepository repository = context.getBean(JobRepository.class);
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(kind.code(), Job.class);
        ScanProgress scan = context.getBean(ScanProgress.class);
        scan.start(progress, new CaseCounts(context.getBean(DynamoDbClient.class)).total(progress, towns));
        progress.phase("扫描案件");
        RunLookup runs = new RunLookup(repository, kind, towns, request.year());
        RunStopper stopper = null;
        try {
            LatestRun latest = LatestRun.find(runs);
            long run = latest.runToLaunch();
            if (request.stopAfter() != null) stopper = RunStopper.after(request.stopAfter(), operator, runs, run);
            ResumingLaunch launch = new ResumingLaunch(
                    operator,
                    job,
                    runs,
                    new RunRecovery(operator, runs, settings.singleMachine(), settings.staleAfter()),
                    context.getEnvironment().getProperty(RESUMES, Integer.class, DEFAULT_RESUMES),
                    request.stopAfter(),
                    started);
            ResumingLaunch.Outcome outcome = latest.unfinished()
                    ? launch.restart(run, latest.last())
                    : launch.start(run, startParameters(request, run));
            JobExecution execution = outcome.execution();
            List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
            progress.phase(execution.getStatus() == BatchStatus.COMPLETED ? "完成" : "失败");
            return new Result(
                    kind,
                    towns,
                    request.year(),
                    run,
                    latest.unfinished(),
                    execution.getStatus(),
                    outcome.read(),
                    failures,
                    TownStatuses.of(repository, execution, towns),
                    outcome.resumedAfterFailures());
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        } finally {
            if (stopper != null) stopper.close();
        }
    }

    /** The parameters of a new run: today's date in China unless the request fixes it. */
    private JobParameters startParameters(Request request, long run) {
        return new ReportParameters(
                        request.towns(),
                        request.year(),
                        run,
                        request.today() != null ? request.today() : ChinaTime.today(clock),
                        settings.segments(),
                        request.formats(),
                        request.out() == null
                                ? null
                                : request.out().toAbsolutePath().toString())
                .toJobParameters();
    }

    @Override
    public void close() {
        context.close();
    }
}

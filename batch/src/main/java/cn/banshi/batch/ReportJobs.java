package cn.banshi.batch;

import cn.banshi.batch.cases.SegmentScanReader;
import cn.banshi.batch.ogi.OgiJobConfiguration;
import cn.banshi.batch.plan.NextYearPlanJobConfiguration;
import cn.banshi.batch.ruleoflaw.RuleOfLawJobConfiguration;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.Catalogs;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
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
 * that outlasted the client's retries) is resumed in the same call, a few times, after growing pauses. A file lock per town, year
 * and job keeps two processes on this machine from running the same town's report at once.
 */
public final class ReportJobs implements AutoCloseable {
    public static final int DEFAULT_SEGMENTS = 4;
    /** How many times a run that failed on DynamoDB errors is resumed at once, in the same call (default 3). */
    public static final String RESUMES = "banshi.batch.resumes";
    static final int DEFAULT_RESUMES = 3;
    /** The pause before the first of those resumes; it doubles before each next one. */
    static final Duration RESUME_PAUSE = Duration.ofSeconds(1);

    /**
     * How a run ended. {@code resumed}: it continued an interrupted run. {@code townStatus}: per town, whether
     * its report was written (COMPLETED) or not (the job's status, or the town's report step's).
     * {@code resumedAfterFailures}: how often this call resumed the run after DynamoDB failed it ({@link #RESUMES}).
     */
    public record Result(ReportKind kind, List<String> towns, int year, long run, boolean resumed, BatchStatus status,
                         long casesReadInThisRun, List<Throwable> failures, Map<String, BatchStatus> townStatus,
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
    public record Request(ReportKind kind, List<String> towns, int year, Set<ReportFormat> formats, Path out,
                          LocalDate today, Progress progress, Duration stopAfter) {
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
    public record Settings(Path dataDir, int segments, Map<String, Object> properties, boolean singleMachine,
                           Duration staleAfter, ReportStore reports) {
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
        properties.put(BatchConfiguration.DATA_DIR, settings.dataDir().toAbsolutePath().toString());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("banshi", properties));
        ReportStore reports = settings.reports() != null ? settings.reports()
                : new FileReportStore(settings.dataDir().resolve("reports"));
        context.registerBean(DynamoDbClient.class, () -> dynamo);
        context.registerBean(ReportStore.class, () -> reports);
        context.register(BatchConfiguration.class, RuleOfLawJobConfiguration.class, OgiJobConfiguration.class,
                NextYearPlanJobConfiguration.class);
        context.refresh();
        return new ReportJobs(context, settings, clock);
    }

    /** Runs (or resumes) one town's report; see {@link #run(Request)}. */
    public Result run(ReportKind kind, String town, int year, Set<ReportFormat> formats, Path out, LocalDate today,
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
        List<FileChannel> channels = new ArrayList<>();
        try {
            for (String town : request.towns()) {
                Path lockFile = settings.dataDir().resolve("batch").resolve("locks")
                        .resolve(town + "-" + request.year() + "-" + request.kind().code() + ".lock");
                Files.createDirectories(lockFile.getParent());
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channels.add(channel);
                if (channel.tryLock() == null) {
                    throw new IllegalStateException("该报告正在另一进程中生成 / this report is being generated by another process: "
                            + request.kind().code() + " " + town + " " + request.year());
                }
            }
            return runLocked(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (FileChannel channel : channels) {
                try {
                    channel.close(); // releases its lock
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
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
        scan.start(progress, progress == Progress.NONE ? 0 : progress.wantsTotal() ? townCases(towns) : estimatedCases());
        progress.phase("扫描案件");
        ScheduledExecutorService stopper = null;
        try {
            // the latest run (instance) of this job for these towns and year; only its last execution is loaded,
            // with its steps and contexts (a county run's are large): earlier runs are complete by construction
            Map<Long, JobInstance> found = new HashMap<>();
            long run = lastPresent(r -> {
                JobInstance instance = repository.getJobInstance(kind.code(), probe(towns, request.year(), r).toJobParameters());
                if (instance != null) found.put(r, instance);
                return instance != null;
            });
            JobInstance latest = found.get(run);
            JobExecution last = latest == null ? null : repository.getLastJobExecution(latest);
            boolean resumed = last != null && last.getStatus() != BatchStatus.COMPLETED
                    && last.getStatus() != BatchStatus.ABANDONED;
            if (!resumed) run = run + 1;
            if (request.stopAfter() != null) {
                stopper = stopAfter(request.stopAfter(), repository, operator, kind, probe(towns, request.year(), run));
            }
            JobExecution execution = null;
            RuntimeException launchFailure = null;
            JobParameters startParameters = null;
            if (resumed) {
                if (last.isRunning() || last.getStatus() == BatchStatus.STOPPING) {
                    requireAbandoned(repository, last, kind, towns, request.year());
                    // its process is gone: mark the execution and its running steps failed, then restart
                    last = operator.recover(last);
                }
                if (last.getStatus() == BatchStatus.UNKNOWN) last = failUnknown(repository, last);
            } else {
                startParameters = new ReportParameters(towns, request.year(), run,
                        request.today() != null ? request.today() : ChinaTime.today(clock), settings.segments(),
                        request.formats(), request.out() == null ? null : request.out().toAbsolutePath().toString())
                        .toJobParameters();
            }
            LocalDateTime launchedAt = LocalDateTime.now();
            try {
                execution = resumed ? operator.restart(last) : operator.start(job, startParameters);
            } catch (RuntimeException e) {
                // the job's own final status update can fail too, and then Spring Batch throws instead of returning
                if (!isTransient(e)) throw e;
                launchFailure = e;
            }
            long read = execution == null ? 0 : countReadInThisRun(execution);
            int resumedAfterFailures = 0;
            int resumes = context.getEnvironment().getProperty(RESUMES, Integer.class, DEFAULT_RESUMES);
            for (int attempt = 1; attempt <= resumes
                    && (execution == null || (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.UNKNOWN)
                            && execution.getAllFailureExceptions().stream().anyMatch(ReportJobs::isTransient))
                    // a function that is to stop by now leaves the resume to its next invocation
                    && (request.stopAfter() == null || System.nanoTime() - started < request.stopAfter().toNanos()); attempt++) {
                // DynamoDB failed longer than the client's retries lasted: resume from the last commits, after a pause
                Thread.sleep(RESUME_PAUSE.toMillis() << (attempt - 1));
                try {
                    JobInstance instance = repository.getJobInstance(kind.code(), probe(towns, request.year(), run).toJobParameters());
                    JobExecution current = instance == null ? null : repository.getLastJobExecution(instance);
                    if (current == null) {
                        // the launch failed before its execution was recorded, perhaps after its instance was: an
                        // instance without executions cannot be started again (Spring Batch refuses it), so it goes
                        if (instance != null) repository.deleteJobInstance(instance);
                        execution = operator.start(job, startParameters);
                    } else if (current.getStatus() == BatchStatus.COMPLETED) {
                        execution = current; // it ended; only its answer was lost
                        continue;
                    } else {
                        if (current.isRunning() || current.getStatus() == BatchStatus.STOPPING) {
                            // its final status could not be written: ours if it is the execution this call ran (or,
                            // when the launch itself threw, one created since); anyone else's only once abandoned
                            boolean ours = execution != null ? execution.getId() == current.getId()
                                    : !current.getCreateTime().isBefore(launchedAt);
                            if (!ours) requireAbandoned(repository, current, kind, towns, request.year());
                            current = operator.recover(current);
                        }
                        if (current.getStatus() == BatchStatus.UNKNOWN) current = failUnknown(repository, current);
                        execution = operator.restart(current);
                    }
                } catch (RuntimeException stillFailing) {
                    if (!isTransient(stillFailing)) throw stillFailing;
                    launchFailure = stillFailing;
                    continue; // DynamoDB still fails: wait longer
                }
                read += countReadInThisRun(execution);
                resumedAfterFailures++;
            }
            if (execution == null) throw launchFailure;
            List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
            progress.phase(execution.getStatus() == BatchStatus.COMPLETED ? "完成" : "失败");
            return new Result(kind, towns, request.year(), run, resumed, execution.getStatus(),
                    read, failures, townStatus(repository, execution, towns), resumedAfterFailures);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        } finally {
            if (stopper != null) stopper.shutdownNow();
        }
    }

    /**
     * Spring Batch marks an execution and a step UNKNOWN when a commit's write to the job repository failed, and
     * will not restart them ("manual intervention"). For these jobs restarting is safe: a scan segment's position
     * and tallies are one context item, written whole or not at all, so the segment resumes from a consistent
     * commit; a town's report step only reads and overwrites. So the UNKNOWN ones are marked FAILED, and restarted.
     */
    private static JobExecution failUnknown(JobRepository repository, JobExecution execution) {
        JobExecution current = repository.getJobExecution(execution.getId());
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : current.getStepExecutions()) {
            if (step.getStatus() != BatchStatus.UNKNOWN && !step.getStatus().isRunning()) continue;
            step.setStatus(BatchStatus.FAILED);
            step.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(
                    "its last commit could not be recorded (DynamoDB failed); resumed from its last saved context"));
            if (step.getEndTime() == null) step.setEndTime(now);
            repository.update(step);
        }
        current.setStatus(BatchStatus.FAILED);
        current.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED);
        if (current.getEndTime() == null) current.setEndTime(now);
        repository.update(current);
        return current;
    }

    /**
     * A failure that waiting can cure: DynamoDB's throttling or server errors, or a connection problem, still
     * there after the client's own retries ({@link cn.banshi.store.DynamoClients#forBatchJobs}).
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service) {
                return service.isThrottlingException() || service.statusCode() >= 500;
            }
            if (t instanceof software.amazon.awssdk.core.exception.SdkClientException) return true;
        }
        return false;
    }

    /** After {@code limit}, asks the run's execution (found by its identifying parameters) to stop at its next commit. */
    private static ScheduledExecutorService stopAfter(Duration limit, JobRepository repository, JobOperator operator,
                                                      ReportKind kind, ReportParameters identifying) {
        ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-stopper");
            t.setDaemon(true);
            return t;
        });
        long delay = Math.max(0, limit.toMillis());
        AtomicBoolean asked = new AtomicBoolean();
        stopper.scheduleWithFixedDelay(() -> {
            if (asked.get()) return;
            try {
                JobInstance instance = repository.getJobInstance(kind.code(), identifying.toJobParameters());
                JobExecution running = instance == null ? null : repository.getLastJobExecution(instance);
                if (running == null || !running.isRunning()) return; // not launched yet: look again shortly
                operator.stop(running);
                asked.set(true);
            } catch (org.springframework.batch.core.launch.JobExecutionNotRunningException ended) {
                asked.set(true);
            } catch (RuntimeException transientFailure) {
                // a failed read or update (throttling, a version race with a commit): try again shortly
            }
        }, delay, 200, TimeUnit.MILLISECONDS);
        return stopper;
    }

    /**
     * Per town: COMPLETED if its report is written in this job instance (the report step's context lists it), else
     * FAILED if the report step ran, else the job's status.
     */
    private static Map<String, BatchStatus> townStatus(JobRepository repository, JobExecution execution, List<String> towns) {
        StepExecution step = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(BatchConfiguration.REPORT_STEP)).findFirst()
                .orElseGet(() -> repository.getLastStepExecution(execution.getJobInstance(), BatchConfiguration.REPORT_STEP));
        Set<String> written = step == null ? Set.of() : ReportStep.written(step.getExecutionContext());
        Map<String, BatchStatus> statuses = new LinkedHashMap<>();
        for (String town : towns) {
            BatchStatus status;
            if (written.contains(town)) status = BatchStatus.COMPLETED;
            else if (step != null) status = step.getStatus() == BatchStatus.COMPLETED ? BatchStatus.FAILED : step.getStatus();
            else status = execution.getStatus() == BatchStatus.COMPLETED ? BatchStatus.FAILED : execution.getStatus();
            statuses.put(town, status);
        }
        return statuses;
    }

    /** When the execution or any of its steps last recorded progress (each chunk commit updates its step). */
    /** Refuses to take over a running execution that shows recent progress, unless this is the only machine. */
    private void requireAbandoned(JobRepository repository, JobExecution running, ReportKind kind, List<String> towns, int year) {
        LocalDateTime lastActivity = lastActivity(repository, running);
        if (!settings.singleMachine() && lastActivity.plus(settings.staleAfter()).isAfter(LocalDateTime.now())) {
            throw new IllegalStateException("该报告正在生成中（最近一次进展：" + lastActivity + "）/ this report is "
                    + "being generated elsewhere: " + kind.code() + " " + towns + " " + year);
        }
    }

    private static LocalDateTime lastActivity(JobRepository repository, JobExecution execution) {
        JobExecution current = repository.getJobExecution(execution.getId());
        LocalDateTime latest = current.getLastUpdated() != null ? current.getLastUpdated() : current.getCreateTime();
        for (var step : current.getStepExecutions()) {
            if (step.getLastUpdated() != null && step.getLastUpdated().isAfter(latest)) latest = step.getLastUpdated();
        }
        return latest;
    }

    private static ReportParameters probe(List<String> towns, int year, long run) {
        return new ReportParameters(towns, year, run, LocalDate.EPOCH, 1, Set.of(ReportFormat.JSON), null);
    }

    private static long countReadInThisRun(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("scanSegment:"))
                .mapToLong(s -> s.getExecutionContext().getLong(SegmentScanReader.READ_IN_EXECUTION, 0L)).sum();
    }

    /** The towns' cases, counted by COUNT scans (no data returned), for an exact progress bar. */
    private long townCases(List<String> towns) {
        long count = 0;
        for (String town : towns) count += townCases(town);
        return count;
    }

    private long townCases(String town) {
        DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
        long count = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var request = software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder()
                    .tableName(Tables.physical(Tables.CASES)).select("COUNT")
                    .filterExpression("#town = :town").expressionAttributeNames(Map.of("#town", "town"))
                    .expressionAttributeValues(Map.of(":town", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(town)));
            if (start != null) request.exclusiveStartKey(start);
            var page = dynamo.scan(request.build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** The table's approximate item count, for the progress bar (all towns; 0 if unknown). */
    private long estimatedCases() {
        try {
            Long count = context.getBean(DynamoDbClient.class)
                    .describeTable(b -> b.tableName(Tables.physical(Tables.CASES))).table().itemCount();
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The largest n ≥ 1 for which {@code present} holds, 0 if it does not hold for 1; {@code present} must hold for
     * 1…n and for nothing after (runs are numbered without gaps). Doubling then bisecting takes about 2·log₂(n)
     * lookups: a job run daily for years would otherwise cost one lookup per earlier run at every launch.
     */
    static long lastPresent(LongPredicate present) {
        if (!present.test(1)) return 0;
        long found = 1;
        long missing = 2;
        while (present.test(missing)) {
            found = missing;
            missing *= 2;
        }
        while (missing - found > 1) {
            long middle = found + (missing - found) / 2;
            if (present.test(middle)) found = middle;
            else missing = middle;
        }
        return found;
    }

}

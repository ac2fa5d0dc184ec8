package cn.banshi.batch;

import cn.banshi.batch.ogi.OgiJobConfiguration;
import cn.banshi.batch.plan.NextYearPlanJobConfiguration;
import cn.banshi.batch.ruleoflaw.RuleOfLawJobConfiguration;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs the report jobs for a town and year, in this process: {@code ./banshi report}, the local demo and
 * tests use it. A run whose last execution did not complete (failed, or its process was killed) is resumed
 * with the same parameters, so it finishes with the same report; after a completed run, a new run starts.
 * A file lock per town, year and job keeps two processes from running the same report at once.
 */
public final class ReportJobs implements AutoCloseable {
    public static final int DEFAULT_SEGMENTS = 4;

    /** How a run ended. {@code resumed}: it continued an interrupted run. */
    public record Result(ReportKind kind, String town, int year, long run, boolean resumed, BatchStatus status,
                         long casesReadInThisRun, List<Throwable> failures) {
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }

    /**
     * The settings of a process that runs report jobs. {@code singleMachine}: only this machine runs report
     * jobs on this repository (locally: H2, or dynalite), so the file lock proves that a still-running
     * execution belongs to a dead process. Otherwise (AWS) an execution is taken for dead only when nothing
     * of it was updated for {@code staleAfter} (at least the function's timeout).
     */
    public record Settings(Path dataDir, int segments, Map<String, Object> properties, boolean singleMachine,
                           Duration staleAfter) {
        public static Settings of(Path dataDir) {
            return new Settings(dataDir, DEFAULT_SEGMENTS, Map.of(), true, Duration.ofMinutes(15));
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
        context.registerBean(DynamoDbClient.class, () -> dynamo);
        context.register(BatchConfiguration.class, RuleOfLawJobConfiguration.class, OgiJobConfiguration.class,
                NextYearPlanJobConfiguration.class);
        context.refresh();
        return new ReportJobs(context, settings, clock);
    }

    /**
     * Runs (or resumes) one report. {@code today} fixes the date the report is drafted as of; null means the
     * clock's date in China. {@code out}: write the files there instead of the report store.
     */
    public Result run(ReportKind kind, String town, int year, Set<ReportFormat> formats, Path out, LocalDate today,
                      Progress progress) {
        Path lockFile = settings.dataDir().resolve("batch").resolve("locks").resolve(town + "-" + year + "-" + kind.code() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new IllegalStateException("该报告正在另一进程中生成 / this report is being generated by another process: "
                            + kind.code() + " " + town + " " + year);
                }
                return runLocked(kind, town, year, formats, out, today, progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result runLocked(ReportKind kind, String town, int year, Set<ReportFormat> formats, Path out,
                             LocalDate today, Progress progress) {
        JobRepository repository = context.getBean(JobRepository.class);
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(kind.code(), Job.class);
        ScanProgress scan = context.getBean(ScanProgress.class);
        scan.start(progress, progress.wantsTotal() ? townCases(town) : estimatedCases());
        progress.phase("扫描案件");
        try {
            JobExecution last = null;
            long run = 0;
            for (long r = 1; ; r++) {
                JobInstance instance = repository.getJobInstance(kind.code(), probe(town, year, r).toJobParameters());
                if (instance == null) break;
                run = r;
                last = repository.getLastJobExecution(instance);
            }
            JobExecution execution;
            boolean resumed = false;
            if (last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                if (last.isRunning() || last.getStatus() == BatchStatus.STOPPING) {
                    LocalDateTime lastActivity = lastActivity(repository, last);
                    if (!settings.singleMachine() && lastActivity.plus(settings.staleAfter()).isAfter(LocalDateTime.now())) {
                        throw new IllegalStateException("该报告正在生成中（最近一次进展：" + lastActivity + "）/ this report is "
                                + "being generated elsewhere: " + kind.code() + " " + town + " " + year);
                    }
                    // its process is gone: mark the execution and its running steps failed, then restart
                    last = operator.recover(last);
                }
                execution = operator.restart(last);
                resumed = true;
            } else {
                ReportParameters p = new ReportParameters(town, year, run + 1,
                        today != null ? today : ChinaTime.today(clock), settings.segments(), formats,
                        out == null ? null : out.toAbsolutePath().toString());
                execution = operator.start(job, p.toJobParameters());
                run = run + 1;
            }
            List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
            progress.phase(execution.getStatus() == BatchStatus.COMPLETED ? "完成" : "失败");
            return new Result(kind, town, year, run, resumed, execution.getStatus(),
                    countReadInThisRun(execution), failures);
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    /** When the execution or any of its steps last recorded progress (each chunk commit updates its step). */
    private static LocalDateTime lastActivity(JobRepository repository, JobExecution execution) {
        JobExecution current = repository.getJobExecution(execution.getId());
        LocalDateTime latest = current.getLastUpdated() != null ? current.getLastUpdated() : current.getCreateTime();
        for (var step : current.getStepExecutions()) {
            if (step.getLastUpdated() != null && step.getLastUpdated().isAfter(latest)) latest = step.getLastUpdated();
        }
        return latest;
    }

    private static ReportParameters probe(String town, int year, long run) {
        return new ReportParameters(town, year, run, LocalDate.EPOCH, 1, Set.of(ReportFormat.JSON), null);
    }

    private static long countReadInThisRun(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("scanSegment:"))
                .mapToLong(s -> s.getReadCount()).sum();
    }

    /** The town's cases, counted by a COUNT scan (no data returned), for an exact progress bar. */
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
}

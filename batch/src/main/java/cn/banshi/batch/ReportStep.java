package cn.banshi.batch;

import cn.banshi.activities.ActivityStore;
import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.batch.report.ReportWriter;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.duty.LeadersDutyStore;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.ReportMember;
import cn.banshi.reports.ReportStore;
import cn.banshi.reports.drafts.DraftSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The last step of every report job, one step for all the run's towns: for each town, merges its segment tallies,
 * loads what its staff entered, drafts the report and writes its files. Each {@code execute} writes the next
 * {@value #TOWNS_PER_COMMIT_PER_THREAD} × concurrency towns ({@code banshi.batch.concurrency}, default 4, at a time: a
 * town starts as soon as another is done, the executor's limit holding the rest back) and commits, recording in the
 * step's context which towns are written; a restart writes only the rest. A town whose report fails does not stop the others: the
 * step fails at the end, naming the towns and their causes, and a restart retries just them. Writing only reads
 * and overwrites, so writing a town again gives the same files. (Before, each town was a partition of its own:
 * each town cost about 13 more job-repository calls per job; a 50-town county run took 62 s instead of 56.)
 */
public final class ReportStep implements Tasklet {
    /** The step's context: the towns whose reports are written, comma-separated. */
    public static final String WRITTEN = "reports.written";
    /**
     * Towns per commit and thread: each commit waits for its slowest town and costs three job-repository calls, so
     * a 50-town run's report step commits 6 times per job instead of 14, and a restart rewrites at most 12 towns.
     */
    static final int TOWNS_PER_COMMIT_PER_THREAD = 3;
    /** The towns that failed in this step execution (town: cause), and which execution that was. */
    static final String FAILED = "reports.failed";

    static final String FAILED_IN = "reports.failedIn";

    /** What a job's last step needs. */
    public record Services(
            JobRepository jobRepository,
            Catalogs catalogs,
            ActivityStore activities,
            PlanItemStore plans,
            DisclosureStore disclosure,
            LeadersDutyStore duty,
            ReportStore reports,
            ScanProgress progress,
            ScanTallies tallies,
            TaskExecutor executor,
            int concurrency) {
        public Services(
                JobRepository jobRepository,
                Catalogs catalogs,
                ActivityStore activities,
                PlanItemStore plans,
                DisclosureStore disclosure,
                LeadersDutyStore duty,
                ReportStore reports,
                ScanProgress progress,
                TaskExecutor executor,
                int concurrency) {
            this(
                    jobRepository,
                    catalogs,
                    activities,
                    plans,
                    disclosure,
                    duty,
                    reports,
                    progress,
                    new ScanTallies(jobRepository),
                    executor,
                    concurrency);
        }
    }

    /** How a report kind drafts one town's report from the merged figures and the inputs. */
    @FunctionalInterface
    public interface Draft {
        Report draft(ReportParameters parameters, String town, CaseFigures figures, ReportInputs inputs);
    }

    private final ReportKind kind;
    private final Set<ReportInputs.Part> inputs;
    private final Services services;
    private final Draft draft;

    /** {@code inputs}: what {@code draft} reads of the staff's inputs (only those are loaded). */
    ReportStep(ReportKind kind, Set<ReportInputs.Part> inputs, Services services, Draft draft) {
        this.kind = kind;
        this.inputs = Set.copyOf(inputs);
        this.services = services;
        this.draft = draft;
    }

    /** A report job: scan each town's cases by segment ({@code scanCases}), then draft and write each town's report. */
    public static Job job(ReportKind kind, JobRepository jobRepository, Step scanCases, Step report) {
        return new JobBuilder(kind.code(), jobRepository)
                .start(scanCases)
                .next(report)
                .build();
    }

    /** The last step of {@code kind}'s job, reading {@code inputs} of the staff's inputs. */
    public static Step step(
            ReportKind kind,
            Set<ReportInputs.Part> inputs,
            Services services,
            PlatformTransactionManager transactionManager,
            Draft draft) {
        return new StepBuilder(BatchConfiguration.REPORT_STEP, services.jobRepository())
                .tasklet(new ReportStep(kind, inputs, services, draft), transactionManager)
                .build();
    }

    /** The towns a step execution's context records as written. */
    public static Set<String> written(ExecutionContext context) {
        String list = context.containsKey(WRITTEN) ? context.getString(WRITTEN) : "";
        return list.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(List.of(list.split(",")));
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        ReportParameters p = ReportParameters.of(step.getJobParameters());
        services.progress().listener().phase("生成报告");
        if (!context.containsKey(FAILED_IN) || context.getLong(FAILED_IN) != step.getId()) {
            context.putLong(FAILED_IN, step.getId()); // a new execution (a restart) tries the failed towns again
            context.putString(FAILED, "");
        }
        Set<String> written = written(context);
        Map<String, String> failed = new LinkedHashMap<>();
        for (String entry : context.getString(FAILED).split("\n")) {
            if (!entry.isEmpty())
                failed.put(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1));
        }
        List<String> next = p.towns().stream()
                .filter(t -> !written.contains(t) && !failed.containsKey(t))
                .limit((long) Math.max(1, services.concurrency()) * TOWNS_PER_COMMIT_PER_THREAD)
                .toList();
        if (next.isEmpty()) {
            if (failed.isEmpty()) return RepeatStatus.FINISHED;
            throw new TownReportsFailedException(failed, firstCause.remove(step.getId()));
        }
        // the scan's partition executor (the segments are done by now); its concurrency limit makes runAsync wait
        // for a free thread, so the towns go through `concurrency` at a time without a pause between groups
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (String town : next)
            runs.add(CompletableFuture.runAsync(() -> writeTown(step, p, town), services.executor()));
        for (int i = 0; i < next.size(); i++) {
            try {
                runs.get(i).join();
                written.add(next.get(i));
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                failed.put(next.get(i), String.valueOf(cause.getMessage()).replace('\n', ' '));
                firstCause.putIfAbsent(step.getId(), cause);
            }
        }
        context.putString(WRITTEN, String.join(",", written));
        StringBuilder failures = new StringBuilder();
        failed.forEach((town, message) ->
                failures.append(town).append(':').append(message).append('\n'));
        context.putString(FAILED, failures.toString());
        return RepeatStatus.CONTINUABLE; // commits the context, then writes the next towns
    }

    /** The first failure of each step execution, kept as the cause of its summary (retries look for DynamoDB errors). */
    private final Map<Long, Throwable> firstCause = new ConcurrentHashMap<>();

    private void writeTown(StepExecution step, ReportParameters p, String town) {
        Catalog catalog = services.catalogs()
                .town(town)
                .orElseThrow(() -> new IllegalArgumentException("未知乡镇 unknown town: " + town));
        CaseFigures figures = new CaseFigures(
                services.tallies().town(step.getJobExecution(), p.towns(), town, p.segments()), catalog, p.period());
        ReportInputs loaded = ReportInputs.load(
                catalog,
                p.year(),
                inputs,
                services.activities(),
                services.plans(),
                services.disclosure(),
                services.duty());
        Report report = draft.draft(p, town, figures, loaded);
        Path out = p.outFor(town);
        ReportWriter.write(report, p.formats(), p.today(), (format, content) -> {
            if (out == null) services.reports().put(town, p.year(), kind, format, content);
            else writeFile(out.resolve(format.fileName()), content);
        });
        // the draft the legal office edits starts from this run's document (drafts.md in docs/reports.md)
        if (out == null)
            services.reports()
                    .putMember(
                            town,
                            p.year(),
                            kind,
                            ReportMember.draftDocument(),
                            new DraftSource(report.doc(), p.today(), ReportWriter.json(report)).toBytes());
    }

    /** Some towns' reports failed; the others are written. */
    public static final class TownReportsFailedException extends RuntimeException {
        TownReportsFailedException(Map<String, String> failed, Throwable first) {
            super("以下乡镇的报告未能生成 / reports not written for: " + failed, first);
        }
    }

    private static void writeFile(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", "-" + file.getFileName());
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

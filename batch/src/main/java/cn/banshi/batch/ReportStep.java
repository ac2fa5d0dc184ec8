package cn.banshi.batch;

import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.cases.SegmentPartitioner;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.batch.report.ReportWriter;
import cn.banshi.activities.ActivityStore;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.ReportStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of every report job, once per town (a partition named by the town): merges the town's
 * segment tallies, loads what its staff entered, drafts the report and writes its files. It only reads and
 * overwrites, so running it again gives the same files.
 */
public abstract class ReportStep implements Tasklet {
    /** What a job's last step needs. */
    public record Services(JobRepository jobRepository, Catalogs catalogs, ActivityStore activities,
                           PlanItemStore plans, DisclosureStore disclosure, ReportStore reports, ScanProgress progress,
                           ScanTallies tallies) {
        public Services(JobRepository jobRepository, Catalogs catalogs, ActivityStore activities, PlanItemStore plans,
                        DisclosureStore disclosure, ReportStore reports, ScanProgress progress) {
            this(jobRepository, catalogs, activities, plans, disclosure, reports, progress, new ScanTallies(jobRepository));
        }
    }

    private final ReportKind kind;
    protected final Services services;

    protected ReportStep(ReportKind kind, Services services) {
        this.kind = kind;
        this.services = services;
    }

    /** Drafts the town's report from the merged figures and the inputs. */
    protected abstract Report draft(ReportParameters parameters, String town, CaseFigures figures, ReportInputs inputs);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ReportParameters p = ReportParameters.of(step.getJobParameters());
        String town = step.getExecutionContext().getString(SegmentPartitioner.TOWN);
        services.progress().listener().phase("生成报告");
        Catalog catalog = services.catalogs().town(town)
                .orElseThrow(() -> new IllegalArgumentException("未知乡镇 unknown town: " + town));
        CaseFigures figures = new CaseFigures(services.tallies().town(step.getJobExecution(), p.towns(), town, p.segments()), catalog, p.period());
        ReportInputs inputs = ReportInputs.load(catalog, p.year(), services.activities(), services.plans(),
                services.disclosure());
        Report report = draft(p, town, figures, inputs);
        Path out = p.outFor(town);
        ReportWriter.write(report, p.formats(), p.today(), (format, content) -> {
            if (out == null) services.reports().put(town, p.year(), kind, format, content);
            else writeFile(out.resolve(format.fileName()), content);
        });
        return RepeatStatus.FINISHED;
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

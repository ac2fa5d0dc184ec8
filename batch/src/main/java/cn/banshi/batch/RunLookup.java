package cn.banshi.batch;

import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Finds a run of one job for some towns and a year in the job repository: its job instance (by the identifying
 * parameters: towns, year, run number) and that instance's last execution.
 */
record RunLookup(JobRepository repository, ReportKind kind, List<String> towns, int year) {

    /** The run's job instance; null if it was never launched. */
    JobInstance instance(long run) {
        return repository.getJobInstance(kind.code(), identifying(run).toJobParameters());
    }

    /** The instance's last execution; null for no instance, or one without executions. */
    JobExecution lastExecution(JobInstance instance) {
        return instance == null ? null : repository.getLastJobExecution(instance);
    }

    /** Parameters that equal the run's in everything identifying; the others are placeholders. */
    private ReportParameters identifying(long run) {
        return new ReportParameters(towns, year, run, LocalDate.EPOCH, 1, Set.of(ReportFormat.JSON), null);
    }

    /** The run's job, towns and year, for messages. */
    String describe() {
        return kind.code() + " " + towns + " " + year;
    }
}

package cn.banshi.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Tells per town whether a run wrote its report: COMPLETED if its report is written in this job instance (the report
 * step's context lists it), else FAILED if the report step ran, else the job's status.
 */
final class TownStatuses {
    private TownStatuses() {}

    /** The towns' statuses, in the towns' order. */
    static Map<String, BatchStatus> of(JobRepository repository, JobExecution execution, List<String> towns) {
        StepExecution step = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(BatchConfiguration.REPORT_STEP))
                .findFirst()
                .orElseGet(() ->
                        repository.getLastStepExecution(execution.getJobInstance(), BatchConfiguration.REPORT_STEP));
        Set<String> written = step == null ? Set.of() : ReportStep.written(step.getExecutionContext());
        Map<String, BatchStatus> statuses = new LinkedHashMap<>();
        for (String town : towns) {
            BatchStatus status;
            if (written.contains(town)) status = BatchStatus.COMPLETED;
            else if (step != null) status = failedIfCompleted(step.getStatus());
            else status = failedIfCompleted(execution.getStatus());
            statuses.put(town, status);
        }
        return statuses;
    }

    /** A town whose report is missing after a COMPLETED step or job failed; otherwise it shares their status. */
    private static BatchStatus failedIfCompleted(BatchStatus status) {
        return status == BatchStatus.COMPLETED ? BatchStatus.FAILED : status;
    }
}

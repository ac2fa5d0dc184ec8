package cn.banshi.batch;

import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Marks an UNKNOWN execution and its UNKNOWN or running steps FAILED, so that it can be restarted. Spring Batch
 * marks them UNKNOWN when a commit's write to the job repository failed, and will not restart them ("manual
 * intervention"). For these jobs restarting is safe: a scan segment's position and tallies are one context item,
 * written whole or not at all, so the segment resumes from a consistent commit; a town's report step only reads and
 * overwrites.
 */
final class UnknownExecutions {
    private UnknownExecutions() {}

    /** Marks the execution (as stored now) and those steps FAILED; returns the stored execution. */
    static JobExecution markFailed(JobRepository repository, JobExecution execution) {
        JobExecution current = repository.getJobExecution(execution.getId());
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : current.getStepExecutions()) {
            if (step.getStatus() != BatchStatus.UNKNOWN && !step.getStatus().isRunning()) continue;
            step.setStatus(BatchStatus.FAILED);
            step.setExitStatus(ExitStatus.FAILED.addExitDescription(
                    "its last commit could not be recorded (DynamoDB failed); resumed from its last saved context"));
            if (step.getEndTime() == null) step.setEndTime(now);
            repository.update(step);
        }
        current.setStatus(BatchStatus.FAILED);
        current.setExitStatus(ExitStatus.FAILED);
        if (current.getEndTime() == null) current.setEndTime(now);
        repository.update(current);
        return current;
    }
}

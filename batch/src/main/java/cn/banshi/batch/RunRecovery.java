package cn.banshi.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.BooleanSupplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Makes an interrupted execution of a run restartable. One still marked running (its process is gone, or could not
 * record its end) is taken over only when it is ours or abandoned, and recovered (it and its running steps marked
 * FAILED); an UNKNOWN one is marked FAILED ({@link UnknownExecutions}).
 */
final class RunRecovery {
    private final JobOperator operator;
    private final RunLookup runs;
    private final boolean singleMachine;
    private final Duration staleAfter;

    /**
     * {@code singleMachine}: the file lock proves that a running execution belongs to a dead process. Otherwise one
     * is taken for dead only when nothing of it was updated for {@code staleAfter}.
     */
    RunRecovery(JobOperator operator, RunLookup runs, boolean singleMachine, Duration staleAfter) {
        this.operator = operator;
        this.runs = runs;
        this.singleMachine = singleMachine;
        this.staleAfter = staleAfter;
    }

    /** The execution, recovered and marked FAILED where needed; {@code ours}: it is this call's own execution. */
    JobExecution restartable(JobExecution execution, BooleanSupplier ours) {
        JobExecution current = execution;
        if (current.isRunning() || current.getStatus() == BatchStatus.STOPPING) {
            if (!ours.getAsBoolean()) requireAbandoned(current);
            current = operator.recover(current);
        }
        if (current.getStatus() == BatchStatus.UNKNOWN)
            current = UnknownExecutions.markFailed(runs.repository(), current);
        return current;
    }

    /** Refuses to take over a running execution that shows recent progress, unless this is the only machine. */
    private void requireAbandoned(JobExecution running) {
        LocalDateTime lastActivity = lastActivity(running);
        if (!singleMachine && lastActivity.plus(staleAfter).isAfter(LocalDateTime.now())) {
            throw new IllegalStateException("该报告正在生成中（最近一次进展：" + lastActivity + "）/ this report is "
                    + "being generated elsewhere: " + runs.describe());
        }
    }

    /** When the execution or any of its steps last recorded progress (each chunk commit updates its step). */
    private LocalDateTime lastActivity(JobExecution execution) {
        JobExecution current = runs.repository().getJobExecution(execution.getId());
        LocalDateTime latest = current.getLastUpdated() != null ? current.getLastUpdated() : current.getCreateTime();
        for (StepExecution step : current.getStepExecutions()) {
            if (step.getLastUpdated() != null && step.getLastUpdated().isAfter(latest)) latest = step.getLastUpdated();
        }
        return latest;
    }
}

package cn.banshi.batch;

import cn.banshi.batch.cases.SegmentScanReader;
import cn.banshi.store.DynamoClients;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Launches a run (starts a new one, or restarts an interrupted one) and, when DynamoDB failed it (errors that
 * outlasted the client's retries), resumes it in the same call a few times, after growing pauses.
 */
final class ResumingLaunch {
    /** The pause before the first resume; it doubles before each next one. */
    static final Duration RESUME_PAUSE = Duration.ofSeconds(1);

    /** How it ended: the last execution, the cases its scans read in this call, how often it was resumed. */
    record Outcome(JobExecution execution, long read, int resumedAfterFailures) {}

    private final JobOperator operator;
    private final Job job;
    private final RunLookup runs;
    private final RunRecovery recovery;
    private final int resumes;
    private final Duration stopAfter;
    private final long started;

    /**
     * {@code resumes}: at most so many resumes. {@code stopAfter} (null: none), counted from {@code started}
     * ({@link System#nanoTime()}): a call that is to stop by now leaves the resume to its next invocation.
     */
    ResumingLaunch(
            JobOperator operator,
            Job job,
            RunLookup runs,
            RunRecovery recovery,
            int resumes,
            Duration stopAfter,
            long started) {
        this.operator = operator;
        this.job = job;
        this.runs = runs;
        this.recovery = recovery;
        this.resumes = resumes;
        this.stopAfter = stopAfter;
        this.started = started;
    }

    /** Starts the new run {@code run} with these parameters. */
    Outcome start(long run, JobParameters parameters) throws JobExecutionException, InterruptedException {
        return launch(run, null, parameters);
    }

    /** Restarts the run {@code run} from its last execution, after taking it over if it was left running. */
    Outcome restart(long run, JobExecution last) throws JobExecutionException, InterruptedException {
        return launch(run, recovery.restartable(last, () -> false), null);
    }

    private Outcome launch(long run, JobExecution last, JobParameters startParameters)
            throws JobExecutionException, InterruptedException {
        JobExecution execution = null;
        RuntimeException launchFailure = null;
        LocalDateTime launchedAt = LocalDateTime.now();
        try {
            execution = last != null ? operator.restart(last) : operator.start(job, startParameters);
        } catch (RuntimeException e) {
            // the job's own final status update can fail too, and then Spring Batch throws instead of returning
            if (!isTransient(e)) throw e;
            launchFailure = e;
        }
        long read = execution == null ? 0 : readInThisRun(execution);
        int resumedAfterFailures = 0;
        for (int attempt = 1; attempt <= resumes && failedOnDynamoDb(execution) && !dueToStop(); attempt++) {
            // DynamoDB failed longer than the client's retries lasted: resume from the last commits, after a pause
            Thread.sleep(RESUME_PAUSE.toMillis() << (attempt - 1));
            try {
                JobInstance instance = runs.instance(run);
                JobExecution current = runs.lastExecution(instance);
                if (current == null) {
                    // the launch failed before its execution was recorded, perhaps after its instance was: an
                    // instance without executions cannot be started again (Spring Batch refuses it), so it goes
                    if (instance != null) runs.repository().deleteJobInstance(instance);
                    execution = operator.start(job, startParameters);
                } else if (current.getStatus() == BatchStatus.COMPLETED) {
                    execution = current; // it ended; only its answer was lost
                    continue;
                } else {
                    // one left running could not write its final status: ours if it is the execution this call ran
                    // (or, when the launch itself threw, one created since); anyone else's only once abandoned
                    JobExecution ran = execution;
                    execution = operator.restart(recovery.restartable(
                            current,
                            () -> ran != null
                                    ? ran.getId() == current.getId()
                                    : !current.getCreateTime().isBefore(launchedAt)));
                }
            } catch (RuntimeException stillFailing) {
                if (!isTransient(stillFailing)) throw stillFailing;
                launchFailure = stillFailing;
                continue; // DynamoDB still fails: wait longer
            }
            read += readInThisRun(execution);
            resumedAfterFailures++;
        }
        if (execution == null) throw launchFailure;
        return new Outcome(execution, read, resumedAfterFailures);
    }

    /** No execution (its launch threw), or one that failed (or went UNKNOWN) on an error that waiting can cure. */
    private static boolean failedOnDynamoDb(JobExecution execution) {
        return execution == null
                || (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.UNKNOWN)
                        && execution.getAllFailureExceptions().stream().anyMatch(ResumingLaunch::isTransient);
    }

    private boolean dueToStop() {
        return stopAfter != null && System.nanoTime() - started >= stopAfter.toNanos();
    }

    /**
     * A failure that waiting can cure: DynamoDB's throttling or server errors, or a connection problem, still
     * there after the client's own retries ({@link DynamoClients#forBatchJobs}).
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service) {
                return service.isThrottlingException() || service.statusCode() >= 500;
            }
            if (t instanceof SdkClientException) return true;
        }
        return false;
    }

    /** The cases the execution's scan segments read in it (each segment's context counts them). */
    private static long readInThisRun(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("scanSegment:"))
                .mapToLong(s -> s.getExecutionContext().getLong(SegmentScanReader.READ_IN_EXECUTION, 0L))
                .sum();
    }
}

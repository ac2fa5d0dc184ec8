package cn.banshi.batch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;

/**
 * A daemon thread that, after a time limit, asks a run's execution to stop at its next commit, so that another
 * process can resume it at once (a function stops itself before its timeout). Closing it ends the thread.
 */
final class RunStopper implements AutoCloseable {
    private final ScheduledExecutorService executor;

    private RunStopper(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** After {@code limit}, looks for the run's running execution (found by its identifying parameters) and stops it. */
    static RunStopper after(Duration limit, JobOperator operator, RunLookup runs, long run) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-stopper");
            t.setDaemon(true);
            return t;
        });
        long delay = Math.max(0, limit.toMillis());
        AtomicBoolean asked = new AtomicBoolean();
        executor.scheduleWithFixedDelay(
                () -> {
                    if (asked.get()) return;
                    try {
                        JobInstance instance = runs.instance(run);
                        JobExecution running = runs.lastExecution(instance);
                        if (running == null || !running.isRunning()) return; // not launched yet: look again shortly
                        operator.stop(running);
                        asked.set(true);
                    } catch (JobExecutionNotRunningException ended) {
                        asked.set(true);
                    } catch (RuntimeException transientFailure) {
                        // a failed read or update (throttling, a version race with a commit): try again shortly
                    }
                },
                delay,
                200,
                TimeUnit.MILLISECONDS);
        return new RunStopper(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

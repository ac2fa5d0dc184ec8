package cn.banshi.batch;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;

/**
 * The latest run (job instance) of a job for some towns and a year, found by run number, with its last execution.
 * Only that execution is loaded, with its steps and contexts (a county run's are large): earlier runs are complete
 * by construction. {@code run} is 0 and {@code last} null when the job never ran for them.
 */
record LatestRun(long run, JobExecution last) {

    static LatestRun find(RunLookup runs) {
        Map<Long, JobInstance> found = new HashMap<>();
        long run = lastPresent(r -> {
            JobInstance instance = runs.instance(r);
            if (instance != null) found.put(r, instance);
            return instance != null;
        });
        return new LatestRun(run, runs.lastExecution(found.get(run)));
    }

    /** Whether its last execution did not complete (failed, stopped, or its process was killed): it is resumed. */
    boolean unfinished() {
        return last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED;
    }

    /** The run to launch now: this one if unfinished, else the next. */
    long runToLaunch() {
        return unfinished() ? run : run + 1;
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

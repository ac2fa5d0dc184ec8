package cn.banshi.batch;

import cn.banshi.batch.cases.CaseTally;
import cn.banshi.batch.cases.SegmentPartitioner;
import cn.banshi.batch.cases.TallyWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The scan's tallies merged across its segments, per town: read once per job execution from the segments' last
 * step executions and shared by the report step's towns (a county run has up to 100 towns, each
 * segment's context holds all of them; reading them once per town would cost towns × segments context reads).
 */
final class ScanTallies {
    private record Merged(long jobExecutionId, Map<String, CaseTally> byTown) {}

    private final JobRepository repository;
    private Merged latest;

    ScanTallies(JobRepository repository) {
        this.repository = repository;
    }

    /** The town's merged tally (a copy: callers may keep it). Fails if a segment has not completed. */
    synchronized CaseTally town(JobExecution execution, List<String> towns, String town, int segments) {
        if (latest == null || latest.jobExecutionId() != execution.getId()) {
            latest = new Merged(execution.getId(), merge(execution, towns, segments));
        }
        CaseTally copy = new CaseTally();
        copy.merge(latest.byTown().getOrDefault(town, new CaseTally()));
        return copy;
    }

    private Map<String, CaseTally> merge(JobExecution execution, List<String> towns, int segments) {
        Map<String, CaseTally> byTown = new HashMap<>();
        for (int i = 0; i < segments; i++) {
            String name = "scanSegment:" + SegmentPartitioner.partitionName(i);
            StepExecution last = repository.getLastStepExecution(execution.getJobInstance(), name);
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("scan segment " + i + " has not completed");
            }
            for (String town : towns) {
                String key = TallyWriter.key(town);
                if (!last.getExecutionContext().containsKey(key)) continue;
                byTown.computeIfAbsent(town, t -> new CaseTally())
                        .merge(CaseTally.fromJson(last.getExecutionContext().getString(key)));
            }
        }
        return byTown;
    }
}

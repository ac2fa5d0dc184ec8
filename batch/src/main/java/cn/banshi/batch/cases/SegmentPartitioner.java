package cn.banshi.batch.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The case scan's partitions: one per parallel-scan segment ({@code segment-0} … {@code segment-(n-1)}). Each
 * segment is read once for all the run's towns (one town, or a county's) and keeps a tally per town, so a county
 * run reads the table once, not once per town. The names depend only on the job's parameters, as a restart needs.
 */
public final class SegmentPartitioner implements Partitioner {
    public static final String SEGMENT = "segment";
    public static final String TOTAL_SEGMENTS = "totalSegments";

    private final int segments;

    public SegmentPartitioner(int segments) {
        this.segments = segments;
    }

    /** The grid size Spring Batch passes is ignored: the partitions are the run's segments. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < segments; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(SEGMENT, i);
            context.putInt(TOTAL_SEGMENTS, segments);
            partitions.put(partitionName(i), context);
        }
        return partitions;
    }

    public static String partitionName(int segment) {
        return "segment-" + segment;
    }
}

package cn.banshi.batch.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The case scan's partitions: one per town and parallel-scan segment ({@code gaocheng-segment-0} …
 * {@code gaocheng-segment-(n-1)}, then the next town's). Each partition keeps its own reader position and
 * tally, so a restart resumes every town and segment where it stopped. The names depend only on the job's
 * parameters, as a restart needs.
 */
public final class SegmentPartitioner implements Partitioner {
    public static final String TOWN = "town";
    public static final String SEGMENT = "segment";
    public static final String TOTAL_SEGMENTS = "totalSegments";

    private final List<String> towns;
    private final int segments;

    public SegmentPartitioner(List<String> towns, int segments) {
        this.towns = List.copyOf(towns);
        this.segments = segments;
    }

    /** The grid size Spring Batch passes is ignored: the partitions are the run's towns × segments. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String town : towns) {
            for (int i = 0; i < segments; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putString(TOWN, town);
                context.putInt(SEGMENT, i);
                context.putInt(TOTAL_SEGMENTS, segments);
                partitions.put(partitionName(town, i), context);
            }
        }
        return partitions;
    }

    public static String partitionName(String town, int segment) {
        return town + "-segment-" + segment;
    }
}

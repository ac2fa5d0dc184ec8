package cn.banshi.batch.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per parallel-scan segment: {@code segment-0} … {@code segment-(n-1)}. */
public final class SegmentPartitioner implements Partitioner {
    public static final String SEGMENT = "segment";
    public static final String TOTAL_SEGMENTS = "totalSegments";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(SEGMENT, i);
            context.putInt(TOTAL_SEGMENTS, gridSize);
            partitions.put(partitionName(i), context);
        }
        return partitions;
    }

    public static String partitionName(int segment) {
        return "segment-" + segment;
    }
}

package cn.banshi.batch;

import cn.banshi.batch.cases.SegmentPartitioner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The report-writing step's partitions: one per town, named by the town. A town whose report fails fails its
 * partition only; the other towns' reports are written, and a restart writes just the failed ones.
 */
final class TownPartitioner implements Partitioner {
    private final List<String> towns;

    TownPartitioner(List<String> towns) {
        this.towns = List.copyOf(towns);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String town : towns) {
            ExecutionContext context = new ExecutionContext();
            context.putString(SegmentPartitioner.TOWN, town);
            partitions.put(town, context);
        }
        return partitions;
    }
}

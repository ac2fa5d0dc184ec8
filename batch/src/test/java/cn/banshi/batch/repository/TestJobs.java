package cn.banshi.batch.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SyncTaskExecutor;

/** Small real jobs for the repository tests: a restartable chunk-oriented step over the numbers 1..n. */
final class TestJobs {
    private TestJobs() {}

    /**
     * Reads 1..count. Restart state is Spring Batch's own read count in the step's execution context; jumping
     * to it reads nothing, so every call of {@code onRead} is an item really read.
     */
    static class NumberReader extends AbstractItemCountingItemStreamItemReader<Integer> {
        private final IntConsumer onRead;

        NumberReader(int count, IntConsumer onRead) {
            this.onRead = onRead;
            setName("numbers");
            setMaxItemCount(count);
        }

        @Override
        protected Integer doRead() {
            int item = getCurrentItemCount();
            onRead.accept(item);
            return item;
        }

        @Override
        protected void jumpToItem(int itemIndex) {
            // the next item is derived from the restored count
        }

        @Override
        protected void doOpen() {}

        @Override
        protected void doClose() {}
    }

    /** A job with one chunk-oriented step: numbers → times ten → writer. */
    static Job numbersJob(
            String name,
            JobRepository repository,
            int count,
            int chunkSize,
            IntConsumer onRead,
            ItemWriter<Integer> writer) {
        return new JobBuilder(name, repository)
                .start(new StepBuilder("numbers", repository)
                        .<Integer, Integer>chunk(chunkSize)
                        .transactionManager(new ResourcelessTransactionManager())
                        .reader(new NumberReader(count, onRead))
                        .processor(item -> item * 10)
                        .writer(writer)
                        .build())
                .build();
    }

    /** Reads its partition's range (from, to in the step context) and keeps its position there. */
    static final class RangeReader implements ItemStreamReader<Integer> {
        private final IntConsumer onRead;
        private int next;
        private int to;

        RangeReader(IntConsumer onRead) {
            this.onRead = onRead;
        }

        @Override
        public void open(ExecutionContext context) {
            to = context.getInt("to");
            next = context.getInt("position", context.getInt("from"));
        }

        @Override
        public Integer read() {
            if (next > to) return null;
            onRead.accept(next);
            return next++;
        }

        @Override
        public void update(ExecutionContext context) {
            context.putInt("position", next);
        }
    }

    /** Three partitions over 1..60 (20 items each), run one after the other, chunks of five. */
    static Job partitionedJob(String name, JobRepository repository, IntConsumer onRead, ItemWriter<Integer> writer) {
        Step worker = new StepBuilder("range", repository)
                .<Integer, Integer>chunk(5)
                .transactionManager(new ResourcelessTransactionManager())
                .reader(new RangeReader(onRead))
                .processor(item -> item * 10)
                .writer(writer)
                .build();
        Partitioner partitioner = gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (int p = 0; p < 3; p++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("from", p * 20 + 1);
                context.putInt("to", p * 20 + 20);
                partitions.put("p" + p, context);
            }
            return partitions;
        };
        return new JobBuilder(name, repository)
                .start(new StepBuilder("manager", repository)
                        .partitioner("range", partitioner)
                        .step(worker)
                        .gridSize(3)
                        .taskExecutor(new SyncTaskExecutor())
                        .build())
                .build();
    }

    static JobOperator operator(JobRepository repository, Job... jobs) throws Exception {
        MapJobRegistry registry = new MapJobRegistry();
        for (Job job : jobs) registry.register(job);
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setJobRegistry(registry);
        operator.afterPropertiesSet();
        return operator;
    }

    /** A writer that records what it writes and fails (before writing) on a chunk containing {@code failOn}. */
    static ItemWriter<Integer> failingOnceAt(int failOn, List<Integer> written, boolean[] failed) {
        return chunk -> {
            if (!failed[0] && chunk.getItems().contains(failOn * 10)) {
                failed[0] = true;
                throw new IllegalStateException("simulated failure at item " + failOn);
            }
            chunk.getItems().forEach(item -> written.add(item / 10));
        };
    }
}

package cn.banshi.batch.repository;

import java.util.List;
import java.util.function.IntConsumer;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;

/** Small real jobs for the repository tests: a restartable chunk-oriented step over the numbers 1..n. */
final class TestJobs {
    private TestJobs() {}

    /**
     * Reads 1..count. Restart state is Spring Batch's own read count in the step's execution context; jumping
     * to it reads nothing, so every call of {@code onRead} is an item really read.
     */
    static final class NumberReader extends AbstractItemCountingItemStreamItemReader<Integer> {
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
    static Job numbersJob(String name, JobRepository repository, int count, int chunkSize, IntConsumer onRead,
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

package cn.banshi.batch.repository;

import cn.banshi.testkit.LocalDynamo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Repository overhead per chunk commit: the same chunk-oriented job (reader, processor, no-op writer) on
 * Spring Batch's in-memory ResourcelessJobRepository and on the DynamoDB repository against dynalite, at two
 * job sizes; the difference of the slopes (ms per extra commit) is the repository's cost per commit, free of
 * the per-job costs. Not a test: run it by hand (see docs/batch-job-repository.md).
 */
public final class JobRepositoryBenchmark {
    private static final int CHUNK = 10;
    private static final int SMALL_COMMITS = 50;
    private static final int LARGE_COMMITS = 250;
    private static final int RUNS = 7;

    private JobRepositoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
        DynamoDbClient ignored = LocalDynamo.freshTables();
        ignored.close();
        DynamoDbClient dynamo = LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(
                new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        requests.computeIfAbsent(context.request().getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    }
                }));
        JobRepository dynamoRepository = DynamoDbJobRepositories.create(dynamo);

        // warm-up: class loading, JIT, dynalite
        for (int i = 0; i < 3; i++) {
            run(ResourcelessJobRepository::new, SMALL_COMMITS);
            run(() -> dynamoRepository, SMALL_COMMITS);
        }

        double memorySmall = median(ResourcelessJobRepository::new, SMALL_COMMITS);
        double memoryLarge = median(ResourcelessJobRepository::new, LARGE_COMMITS);
        double dynamoSmall = median(() -> dynamoRepository, SMALL_COMMITS);
        requests.clear();
        double dynamoLarge = median(() -> dynamoRepository, LARGE_COMMITS);
        Map<String, Long> perRun = new TreeMap<>();
        requests.forEach((k, v) -> perRun.put(k, v.get() / RUNS));

        int extra = LARGE_COMMITS - SMALL_COMMITS;
        double memoryPerCommit = (memoryLarge - memorySmall) / extra;
        double dynamoPerCommit = (dynamoLarge - dynamoSmall) / extra;
        long total = perRun.values().stream().mapToLong(Long::longValue).sum();

        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s (%s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
        System.out.printf(Locale.ROOT, "job: chunk size %d, %d vs %d commits, median of %d runs each%n",
                CHUNK, SMALL_COMMITS, LARGE_COMMITS, RUNS);
        System.out.printf(Locale.ROOT, "in-memory (Resourceless): %.1f ms / %.1f ms per job -> %.3f ms per commit%n",
                memorySmall, memoryLarge, memoryPerCommit);
        System.out.printf(Locale.ROOT, "DynamoDB on dynalite:     %.1f ms / %.1f ms per job -> %.3f ms per commit%n",
                dynamoSmall, dynamoLarge, dynamoPerCommit);
        System.out.printf(Locale.ROOT, "repository overhead per chunk commit: %.2f ms%n", dynamoPerCommit - memoryPerCommit);
        System.out.printf(Locale.ROOT, "fixed overhead per job (create instance, execution, step; final updates): %.1f ms%n",
                (dynamoSmall - SMALL_COMMITS * dynamoPerCommit) - (memorySmall - SMALL_COMMITS * memoryPerCommit));
        System.out.printf(Locale.ROOT, "DynamoDB requests per %d-commit job: %d (%.2f per commit) %s%n",
                LARGE_COMMITS, total, (double) total / LARGE_COMMITS, perRun);
        System.exit(0);
    }

    private static double median(Supplier<JobRepository> repository, int commits) throws Exception {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) times[i] = run(repository, commits);
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static final AtomicLong RUN_IDS = new AtomicLong();

    /** One job run; returns its wall time in ms. */
    private static double run(Supplier<JobRepository> repositories, int commits) throws Exception {
        JobRepository repository = repositories.get();
        List<Integer> sink = new ArrayList<>();
        Job job = TestJobs.numbersJob("bench", repository, commits * CHUNK, CHUNK, item -> {}, chunk -> sink.add(chunk.size()));
        var operator = TestJobs.operator(repository, job);
        var parameters = new JobParametersBuilder().addLong("run", RUN_IDS.incrementAndGet()).toJobParameters();
        long start = System.nanoTime();
        JobExecution execution = operator.start(job, parameters);
        double millis = (System.nanoTime() - start) / 1e6;
        if (execution.getStatus() != BatchStatus.COMPLETED || sink.size() != commits) {
            throw new IllegalStateException("benchmark job did not complete: " + execution.getStatus());
        }
        return millis;
    }
}

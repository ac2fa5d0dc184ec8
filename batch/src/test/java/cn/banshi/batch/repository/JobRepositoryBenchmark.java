package cn.banshi.batch.repository;

import cn.banshi.testkit.LocalDynamo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * Spring Batch's in-memory ResourcelessJobRepository and on the DynamoDB repository against dynalite, run
 * alternately (so that the machine's load affects both alike); per pair, (DynamoDB time - in-memory time) /
 * commits. The job's fixed launch cost (a few dozen requests) is spread over its commits. Not a test: run it
 * by hand (see docs/batch-job-repository.md).
 */
public final class JobRepositoryBenchmark {
    private static final int CHUNK = 10;
    private static final int COMMITS = 300;
    private static final int RUNS = 9;
    private static final AtomicLong RUN_IDS = new AtomicLong();

    private JobRepositoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
        LocalDynamo.freshTables().close();
        DynamoDbClient dynamo = LocalDynamo.client(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        requests.computeIfAbsent(context.request().getClass().getSimpleName(), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                }));
        JobRepository dynamoRepository = DynamoDbJobRepositories.create(dynamo);
        String loadBefore = loadAverage();

        for (int i = 0; i < 3; i++) { // warm-up: class loading, JIT, dynalite
            run(new ResourcelessJobRepository(), COMMITS / 5);
            run(dynamoRepository, COMMITS / 5);
        }
        requests.clear();
        double[] memory = new double[RUNS];
        double[] dynamoDb = new double[RUNS];
        double[] overhead = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            memory[i] = run(new ResourcelessJobRepository(), COMMITS);
            dynamoDb[i] = run(dynamoRepository, COMMITS);
            overhead[i] = (dynamoDb[i] - memory[i]) / COMMITS;
        }
        Map<String, Long> perJob = new TreeMap<>();
        requests.forEach((k, v) -> perJob.put(k, v.get() / RUNS));
        long total = perJob.values().stream().mapToLong(Long::longValue).sum();
        double[] sorted = overhead.clone();
        Arrays.sort(sorted);

        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s %s, Java %s; load average before %s, after %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                loadBefore,
                loadAverage());
        System.out.printf(
                Locale.ROOT,
                "job: %d commits of %d items; %d alternating runs on each repository%n",
                COMMITS,
                CHUNK,
                RUNS);
        System.out.printf(
                Locale.ROOT,
                "in-memory (Resourceless): median %.0f ms per job (%.3f ms per commit)%n",
                median(memory),
                median(memory) / COMMITS);
        System.out.printf(
                Locale.ROOT,
                "DynamoDB on dynalite:     median %.0f ms per job (%.3f ms per commit)%n",
                median(dynamoDb),
                median(dynamoDb) / COMMITS);
        System.out.printf(
                Locale.ROOT,
                "repository overhead per chunk commit: median %.2f ms (min %.2f, max %.2f)%n",
                sorted[RUNS / 2],
                sorted[0],
                sorted[RUNS - 1]);
        System.out.printf(
                Locale.ROOT,
                "DynamoDB requests per job: %d (%.2f per commit) %s%n",
                total,
                (double) total / COMMITS,
                perJob);
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception unknown) {
            return "unknown";
        }
    }

    /** One job run; returns its wall time in ms. */
    private static double run(JobRepository repository, int commits) throws Exception {
        List<Integer> sink = new ArrayList<>();
        Job job = TestJobs.numbersJob(
                "bench", repository, commits * CHUNK, CHUNK, item -> {}, chunk -> sink.add(chunk.size()));
        var operator = TestJobs.operator(repository, job);
        var parameters = new JobParametersBuilder()
                .addLong("run", RUN_IDS.incrementAndGet())
                .toJobParameters();
        long start = System.nanoTime();
        JobExecution execution = operator.start(job, parameters);
        double millis = (System.nanoTime() - start) / 1e6;
        if (execution.getStatus() != BatchStatus.COMPLETED || sink.size() != commits) {
            throw new IllegalStateException("benchmark job did not complete: " + execution.getStatus());
        }
        return millis;
    }
}

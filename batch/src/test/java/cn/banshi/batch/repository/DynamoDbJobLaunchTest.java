package cn.banshi.batch.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.banshi.testkit.LocalDynamo;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Real jobs launched by Spring Batch's job operator on the DynamoDB repository (dynalite). */
class DynamoDbJobLaunchTest {
    private static DynamoDbClient dynamo;
    private static JobRepository repository;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void tables() {
        dynamo = LocalDynamo.freshTables();
        repository = DynamoDbJobRepositories.create(dynamo);
    }

    @AfterAll
    static void stop() {
        THREADS.shutdownNow();
    }

    private static JobParameters params(String town) {
        return new JobParametersBuilder()
                .addString("town", town)
                .addLong("year", 2026L)
                .toJobParameters();
    }

    @Test
    void aFailedChunkJobRestartsFromTheLastCommittedChunk() throws Exception {
        String name = "numbers-" + UUID.randomUUID();
        List<Integer> firstReads = new ArrayList<>();
        List<Integer> secondReads = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        boolean[] failed = {false};
        Job first = TestJobs.numbersJob(
                name, repository, 40, 5, firstReads::add, TestJobs.failingOnceAt(23, written, failed));
        JobExecution failedRun = TestJobs.operator(repository, first).start(first, params("gaocheng"));

        assertEquals(BatchStatus.FAILED, failedRun.getStatus());
        assertEquals(
                IntStream.rangeClosed(1, 25).boxed().toList(), firstReads, "read up to the end of the failing chunk");
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), written);
        StepExecution failedStep = repository.getLastStepExecution(failedRun.getJobInstance(), "numbers");
        assertEquals(4, failedStep.getCommitCount());
        assertEquals(20, failedStep.getExecutionContext().getInt("numbers.read.count"));

        // a new process: new repository object, new job object, same tables
        JobRepository restartRepository = DynamoDbJobRepositories.create(dynamo);
        Job second = TestJobs.numbersJob(
                name, restartRepository, 40, 5, secondReads::add, TestJobs.failingOnceAt(23, written, failed));
        JobExecution restarted = TestJobs.operator(restartRepository, second).start(second, params("gaocheng"));

        assertEquals(BatchStatus.COMPLETED, restarted.getStatus());
        assertEquals(
                failedRun.getJobInstance().getId(), restarted.getJobInstance().getId());
        assertEquals(
                IntStream.rangeClosed(21, 40).boxed().toList(),
                secondReads,
                "the restart reads from item 21: the four committed chunks are not read again");
        assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(), written, "every item written exactly once");
        StepExecution restartedStep = restartRepository.getLastStepExecution(restarted.getJobInstance(), "numbers");
        assertEquals(20, restartedStep.getReadCount());
        assertEquals(40, restartedStep.getExecutionContext().getInt("numbers.read.count"));
        assertEquals(
                2,
                restartRepository.getJobExecutions(restarted.getJobInstance()).size());
    }

    /** Partitions (as the report jobs scan segments): on restart only the failed partition runs, from its last commit. */
    @Test
    void aPartitionedJobRestartsOnlyTheFailedPartition() throws Exception {
        String name = "partitioned-" + UUID.randomUUID();
        List<Integer> firstReads = new ArrayList<>();
        List<Integer> secondReads = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        boolean[] failed = {false};
        JobExecution first = TestJobs.operator(repository)
                .start(
                        TestJobs.partitionedJob(
                                name, repository, firstReads::add, TestJobs.failingOnceAt(27, written, failed)),
                        params("gaocheng"));
        assertEquals(BatchStatus.FAILED, first.getStatus());
        assertEquals(
                IntStream.concat(IntStream.rangeClosed(1, 30), IntStream.rangeClosed(41, 60))
                        .boxed()
                        .toList(),
                firstReads.stream().sorted().toList(),
                "partition 2 failed in its second chunk, the others completed");
        assertEquals(
                4,
                repository.getJobExecution(first.getId()).getStepExecutions().size(),
                "manager and three partitions");

        JobRepository restartRepository = DynamoDbJobRepositories.create(dynamo);
        JobExecution second = TestJobs.operator(restartRepository)
                .start(
                        TestJobs.partitionedJob(
                                name, restartRepository, secondReads::add, TestJobs.failingOnceAt(27, written, failed)),
                        params("gaocheng"));

        assertEquals(BatchStatus.COMPLETED, second.getStatus());
        assertEquals(
                IntStream.rangeClosed(26, 40).boxed().toList(),
                secondReads,
                "only partition 2 runs again, from its first uncommitted chunk");
        assertEquals(
                IntStream.rangeClosed(1, 60).boxed().toList(),
                written.stream().sorted().toList());
        assertEquals(
                2, restartRepository.getJobExecutions(second.getJobInstance()).size());
    }

    /** A step whose state outgrows one item fails with the repository's message; the last good context stays. */
    @Test
    void aStepWhoseContextOutgrowsAnItemFailsClearly() throws Exception {
        String name = "bloated-" + UUID.randomUUID();
        byte[] noise = new byte[450_000];
        new Random(3).nextBytes(noise);
        List<Integer> written = new ArrayList<>();
        Job job = new JobBuilder(name, repository)
                .start(new StepBuilder("bloat", repository)
                        .<Integer, Integer>chunk(5)
                        .transactionManager(new ResourcelessTransactionManager())
                        .reader(new TestJobs.NumberReader(20, item -> {}) {
                            @Override
                            public void update(ExecutionContext context) {
                                super.update(context);
                                if (getCurrentItemCount() > 10) context.put("cache", noise);
                            }
                        })
                        .writer(chunk -> chunk.forEach(written::add))
                        .build())
                .build();
        JobExecution execution = TestJobs.operator(repository, job).start(job, params("gaocheng"));

        assertEquals(BatchStatus.FAILED, execution.getStatus());
        String description = execution.getExitStatus().getExitDescription();
        assertTrue(
                description.contains("ExecutionContextTooLargeException") && description.contains("(step 'bloat')"),
                description);
        StepExecution step = repository.getLastStepExecution(execution.getJobInstance(), "bloat");
        assertEquals(10, step.getExecutionContext().getInt("numbers.read.count"), "the last context that fitted");
        assertTrue(!step.getExecutionContext().containsKey("cache"));
    }

    @Test
    void aCompletedInstanceCannotBeRestarted() throws Exception {
        String name = "numbers-" + UUID.randomUUID();
        List<Integer> written = new ArrayList<>();
        Job job = TestJobs.numbersJob(name, repository, 7, 3, item -> {}, chunk -> chunk.forEach(i -> written.add(i)));
        JobOperator operator = TestJobs.operator(repository, job);
        assertEquals(
                BatchStatus.COMPLETED, operator.start(job, params("meijiadu")).getStatus());

        assertThrows(JobInstanceAlreadyCompleteException.class, () -> operator.start(job, params("meijiadu")));
        assertEquals(7, written.size());
        assertEquals(
                BatchStatus.COMPLETED,
                operator.start(job, params("other")).getStatus(),
                "other parameters, other instance");
    }

    @Test
    void anAbandonedExecutionIsNotRestarted() throws Exception {
        String name = "numbers-" + UUID.randomUUID();
        boolean[] failed = {false};
        Job job = TestJobs.numbersJob(
                name, repository, 10, 5, item -> {}, TestJobs.failingOnceAt(2, new ArrayList<>(), failed));
        JobOperator operator = TestJobs.operator(repository, job);
        JobExecution execution = operator.start(job, params("gaocheng"));
        assertEquals(BatchStatus.FAILED, execution.getStatus());

        JobExecution abandoned = operator.abandon(execution.getId());
        assertEquals(BatchStatus.ABANDONED, abandoned.getStatus());
        assertEquals(
                BatchStatus.ABANDONED,
                repository.getJobExecution(execution.getId()).getStatus());
        assertThrows(JobInstanceAlreadyCompleteException.class, () -> operator.start(job, params("gaocheng")));
    }

    @Test
    void aStartedExecutionBlocksTheInstanceUntilRecovered() throws Exception {
        String name = "numbers-" + UUID.randomUUID();
        List<Integer> reads = new ArrayList<>();
        Job job = TestJobs.numbersJob(name, repository, 12, 4, reads::add, chunk -> {});
        JobOperator operator = TestJobs.operator(repository, job);
        // what a process killed in the middle of a step leaves behind
        JobInstance instance = repository.createJobInstance(name, params("gaocheng"));
        JobExecution crashed = repository.createJobExecution(instance, params("gaocheng"), new ExecutionContext());
        crashed.setStatus(BatchStatus.STARTED);
        crashed.setStartTime(LocalDateTime.now());
        repository.update(crashed);
        StepExecution step = repository.createStepExecution("numbers", crashed);
        step.setStatus(BatchStatus.STARTED);
        step.getExecutionContext().putInt("numbers.read.count", 8);
        repository.updateExecutionContext(step);
        repository.update(step);

        assertThrows(JobExecutionAlreadyRunningException.class, () -> operator.start(job, params("gaocheng")));
        assertEquals(1, repository.findRunningJobExecutions(name).size());

        operator.recover(repository.getJobExecution(crashed.getId()));
        assertTrue(repository.findRunningJobExecutions(name).isEmpty());
        JobExecution restarted = operator.start(job, params("gaocheng"));
        assertEquals(BatchStatus.COMPLETED, restarted.getStatus());
        assertEquals(List.of(9, 10, 11, 12), reads);
    }

    /** Two processes (two repository objects) launch the same instance at the same moment, several times over. */
    @Test
    void twoLaunchesOfOneInstanceAtOnceRunExactlyOnce() throws Exception {
        for (int round = 0; round < 6; round++) {
            boolean restart = round % 2 == 1;
            String name = "race-" + UUID.randomUUID();
            JobParameters parameters = params("round-" + round);
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch loserDone = new CountDownLatch(1);
            boolean[] failFirst = {restart};
            JobRepository[] repositories = {
                DynamoDbJobRepositories.create(dynamo), DynamoDbJobRepositories.create(dynamo)
            };
            JobOperator[] operators = new JobOperator[2];
            Job[] jobs = new Job[2];
            for (int i = 0; i < 2; i++) {
                jobs[i] = new JobBuilder(name, repositories[i])
                        .start(new StepBuilder("work", repositories[i])
                                .tasklet(
                                        (contribution, context) -> {
                                            if (failFirst[0]) {
                                                failFirst[0] = false;
                                                throw new IllegalStateException("first run fails");
                                            }
                                            runs.incrementAndGet();
                                            if (!loserDone.await(20, TimeUnit.SECONDS))
                                                fail("the other launch neither ran nor failed");
                                            return RepeatStatus.FINISHED;
                                        },
                                        new ResourcelessTransactionManager())
                                .build())
                        .build();
                operators[i] = TestJobs.operator(repositories[i], jobs[i]);
            }
            if (restart) {
                assertEquals(
                        BatchStatus.FAILED,
                        operators[0].start(jobs[0], parameters).getStatus());
            }

            CyclicBarrier barrier = new CyclicBarrier(2);
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int which = i;
                outcomes.add(THREADS.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        return operators[which].start(jobs[which], parameters);
                    } catch (Exception refused) {
                        loserDone.countDown();
                        return refused;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) results.add(outcome.get(30, TimeUnit.SECONDS));

            List<JobExecution> ran = results.stream()
                    .filter(JobExecution.class::isInstance)
                    .map(JobExecution.class::cast)
                    .toList();
            List<Object> refused =
                    results.stream().filter(r -> !(r instanceof JobExecution)).toList();
            assertEquals(1, ran.size(), "round " + round + ": " + results);
            assertEquals(BatchStatus.COMPLETED, ran.get(0).getStatus());
            assertEquals(1, refused.size());
            assertTrue(
                    refused.get(0) instanceof JobExecutionAlreadyRunningException
                            || refused.get(0) instanceof ConcurrentJobLaunchException,
                    "round " + round + ": " + refused.get(0));
            assertEquals(1, runs.get(), "round " + round);
            JobInstance instance = repository.getJobInstance(name, parameters);
            assertEquals(restart ? 2 : 1, repository.getJobExecutions(instance).size(), "round " + round);
            assertEquals(1, repository.findJobInstances(name).size());
        }
    }
}

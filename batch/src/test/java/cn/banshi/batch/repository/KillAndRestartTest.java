package cn.banshi.batch.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A job process killed with SIGKILL in the middle of its step, then recovered and restarted by another
 * process: the restart resumes after the last committed chunk, and the output is complete.
 */
class KillAndRestartTest {
    private static final int ITEMS = 60;
    private static final int CHUNK = 5;

    @Test
    void aKilledJobResumesAfterItsLastCommittedChunk(@TempDir Path dir) throws Exception {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        JobRepository repository = DynamoDbJobRepositories.create(dynamo);
        String jobName = "killable-" + UUID.randomUUID();
        Path readLog = dir.resolve("reads.txt");

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillableNumbersJob.class.getName(),
                        LocalDynamo.endpoint(),
                        System.getProperty("banshi.tablePrefix"),
                        jobName,
                        String.valueOf(ITEMS),
                        String.valueOf(CHUNK),
                        "150",
                        readLog.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            awaitCommits(repository, jobName, 3, child);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        JobInstance instance = repository.getJobInstance(jobName, KillableNumbersJob.parameters());
        JobExecution killed = repository.getLastJobExecution(instance);
        assertEquals(BatchStatus.STARTED, killed.getStatus(), "a killed process cannot record its end");
        int committed = repository
                .getLastStepExecution(instance, "numbers")
                .getExecutionContext()
                .getInt("numbers.read.count");
        assertTrue(committed >= 15 && committed < ITEMS, "killed mid-step after " + committed + " items");
        List<Integer> childReads =
                Files.readAllLines(readLog).stream().map(Integer::parseInt).toList();
        assertEquals(IntStream.rangeClosed(1, childReads.size()).boxed().toList(), childReads);
        assertTrue(childReads.size() >= committed);

        List<Integer> reads = new ArrayList<>();
        Job job = TestJobs.numbersJob(
                jobName, repository, ITEMS, CHUNK, reads::add, KillableNumbersJob.recordsWriter(dynamo, jobName, 0));
        JobOperator operator = TestJobs.operator(repository, job);
        assertThrows(
                JobExecutionAlreadyRunningException.class,
                () -> operator.start(job, KillableNumbersJob.parameters()),
                "the dead execution still holds the instance");

        operator.recover(killed);
        JobExecution restarted = operator.start(job, KillableNumbersJob.parameters());

        assertEquals(BatchStatus.COMPLETED, restarted.getStatus());
        assertEquals(
                IntStream.rangeClosed(committed + 1, ITEMS).boxed().toList(),
                reads,
                "the restart reads only what no committed chunk covered");
        List<String> written = dynamo
                .query(b -> b.tableName(Tables.physical(Tables.RECORDS))
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("killtest#" + jobName))))
                .items()
                .stream()
                .map(item -> item.get("sk").s())
                .toList();
        assertEquals(
                IntStream.rangeClosed(1, ITEMS)
                        .mapToObj(i -> String.format("%06d", i))
                        .toList(),
                written);
        StepExecution last = repository.getLastStepExecution(instance, "numbers");
        assertEquals(ITEMS, last.getExecutionContext().getInt("numbers.read.count"));
        assertEquals(ITEMS - committed, last.getReadCount());
    }

    private static void awaitCommits(JobRepository repository, String jobName, int commits, Process child)
            throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive())
                throw new AssertionError("the job process ended before it was killed: " + child.exitValue());
            JobInstance instance = repository.getJobInstance(jobName, KillableNumbersJob.parameters());
            StepExecution step = instance == null ? null : repository.getLastStepExecution(instance, "numbers");
            if (step != null && step.getCommitCount() >= commits) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the job process committed fewer than " + commits + " chunks");
    }
}

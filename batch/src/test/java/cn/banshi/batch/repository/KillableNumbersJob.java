package cn.banshi.batch.repository;

import cn.banshi.store.DynamoClients;
import cn.banshi.store.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ItemWriter;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The numbers job as a separate process, to be killed: it writes each item to the records table (an
 * idempotent put) and logs each item it reads to a file. Arguments: endpoint, table prefix, job name, item
 * count, chunk size, pause per chunk (ms), read log path.
 */
public final class KillableNumbersJob {
    private KillableNumbersJob() {}

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        System.setProperty("banshi.tablePrefix", args[1]);
        String jobName = args[2];
        int count = Integer.parseInt(args[3]);
        int chunkSize = Integer.parseInt(args[4]);
        long pauseMillis = Long.parseLong(args[5]);
        Path readLog = Path.of(args[6]);

        DynamoDbClient dynamo = DynamoClients.forEndpoint(endpoint, ClientOverrideConfiguration.builder());
        JobRepository repository = DynamoDbJobRepositories.create(dynamo);
        Job job = TestJobs.numbersJob(
                jobName,
                repository,
                count,
                chunkSize,
                item -> appendLine(readLog, item),
                recordsWriter(dynamo, jobName, pauseMillis));
        TestJobs.operator(repository, job).start(job, parameters());
    }

    static JobParameters parameters() {
        return new JobParametersBuilder()
                .addString("town", "gaocheng")
                .addLong("year", 2026L)
                .toJobParameters();
    }

    static ItemWriter<Integer> recordsWriter(DynamoDbClient dynamo, String jobName, long pauseMillis) {
        String table = Tables.physical(Tables.RECORDS);
        return chunk -> {
            for (Integer value : chunk) {
                dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "pk", AttributeValue.fromS("killtest#" + jobName),
                                "sk", AttributeValue.fromS(String.format("%06d", value / 10)))));
            }
            Thread.sleep(pauseMillis);
        };
    }

    private static void appendLine(Path file, int item) {
        try {
            Files.writeString(
                    file,
                    item + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

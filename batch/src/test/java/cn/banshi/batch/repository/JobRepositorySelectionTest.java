package cn.banshi.batch.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.testkit.LocalDynamo;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** banshi.batch.repository chooses the repository: DynamoDB by default, the embedded one on request. */
class JobRepositorySelectionTest {
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void tables() {
        dynamo = LocalDynamo.freshTables();
    }

    /** The shape of the report jobs' JobRepositoryConfiguration, with a stand-in for their H2 repository. */
    @Configuration
    static class ReportJobs {
        @Bean
        DynamoDbClient dynamoDbClient() {
            return dynamo;
        }

        @Bean
        JobRepository jobRepository(Environment env, DynamoDbClient dynamo) {
            return switch (JobRepositoryKind.configured(env)) {
                case DYNAMODB -> DynamoDbJobRepositories.create(dynamo);
                case H2 -> new ResourcelessJobRepository();
            };
        }

        @Bean
        JobOperator jobOperator(JobRepository jobRepository) throws Exception {
            return TestJobs.operator(jobRepository);
        }

        @Bean
        Job hello(JobRepository jobRepository) {
            return new JobBuilder("hello", jobRepository)
                    .start(new StepBuilder("say", jobRepository)
                            .tasklet(
                                    (contribution, context) -> RepeatStatus.FINISHED,
                                    new ResourcelessTransactionManager())
                            .build())
                    .build();
        }
    }

    @Test
    void theKindIsReadFromTheProperty() {
        assertEquals(JobRepositoryKind.DYNAMODB, JobRepositoryKind.parse(null));
        assertEquals(JobRepositoryKind.DYNAMODB, JobRepositoryKind.parse(" DynamoDB "));
        assertEquals(JobRepositoryKind.H2, JobRepositoryKind.parse("h2"));
        IllegalArgumentException wrong =
                assertThrows(IllegalArgumentException.class, () -> JobRepositoryKind.parse("mongodb"));
        assertTrue(wrong.getMessage().contains("banshi.batch.repository"));
    }

    @Test
    void aSpringConfigurationUsesDynamoDbByDefault() throws Exception {
        JobParameters parameters = run(null);
        JobRepository fromTables = DynamoDbJobRepositories.create(dynamo);
        assertNotNull(fromTables.getLastJobExecution("hello", parameters), "the run is recorded in DynamoDB");
    }

    @Test
    void theEmbeddedRepositoryIsUsedOnRequest() throws Exception {
        JobParameters parameters = run("h2");
        assertNull(
                DynamoDbJobRepositories.create(dynamo).getJobInstance("hello", parameters),
                "nothing written to DynamoDB");
    }

    private static JobParameters run(String kind) throws Exception {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            if (kind != null) {
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("test", Map.of(JobRepositoryKind.PROPERTY, kind)));
            }
            context.register(ReportJobs.class);
            context.refresh();
            JobParameters parameters = new JobParametersBuilder()
                    .addString("run", UUID.randomUUID().toString())
                    .toJobParameters();
            JobOperator operator = context.getBean(JobOperator.class);
            assertEquals(
                    BatchStatus.COMPLETED,
                    operator.start(context.getBean("hello", Job.class), parameters)
                            .getStatus());
            return parameters;
        }
    }
}

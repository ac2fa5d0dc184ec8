package cn.banshi.batch.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.store.DynamoClients;
import cn.banshi.store.Tables;
import cn.banshi.testkit.FaultInjector;
import cn.banshi.testkit.LocalDynamo;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.ConfigurableConversionService;
import org.springframework.dao.OptimisticLockingFailureException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The repository contract Spring Batch's JDBC and MongoDB repository tests check, against dynalite: create,
 * find, last execution, running executions, versions, step executions, contexts and parameter round trips.
 */
class DynamoDbJobRepositoryTest {
    private static DynamoDbClient dynamo;
    private static JobRepository repository;

    /** A custom parameter type, stored through the converters registered below. */
    record TownCode(String value) {}

    @BeforeAll
    static void tables() throws Exception {
        dynamo = LocalDynamo.freshTables();
        repository = repository(dynamo);
    }

    static JobRepository repository(DynamoDbClient client) throws Exception {
        DynamoDbJobRepositoryFactoryBean factory = new DynamoDbJobRepositoryFactoryBean();
        factory.setDynamoDbClient(client);
        ConfigurableConversionService conversions = JobParameterItemConverter.defaultConversionService();
        conversions.addConverter(TownCode.class, String.class, (Converter<TownCode, String>) TownCode::value);
        conversions.addConverter(String.class, TownCode.class, (Converter<String, TownCode>) TownCode::new);
        factory.setConversionService(conversions);
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    private static String job() {
        return "job-" + UUID.randomUUID();
    }

    private static JobParameters params(String run) {
        return new JobParametersBuilder().addString("run", run).toJobParameters();
    }

    @Test
    void createsAndFindsJobInstances() throws Exception {
        String job = job();
        JobInstance first = repository.createJobInstance(job, params("a"));
        JobInstance second = repository.createJobInstance(job, params("b"));

        assertEquals(first, repository.getJobInstance(job, params("a")));
        assertEquals(second, repository.getJobInstance(second.getId()));
        assertEquals(job, repository.getJobInstance(second.getId()).getJobName());
        assertNull(repository.getJobInstance(job, params("c")));
        assertNull(repository.getJobInstance(job + "-other", params("a")));
        assertEquals(second, repository.getLastJobInstance(job));
        assertEquals(List.of(second, first), repository.getJobInstances(job, 0, 10));
        assertEquals(List.of(first), repository.getJobInstances(job, 1, 10));
        assertEquals(List.of(second), repository.getJobInstances(job, 0, 1));
        assertEquals(2, repository.getJobInstanceCount(job));
        assertTrue(repository.getJobNames().contains(job));
        assertThrows(NoSuchJobException.class, () -> repository.getJobInstanceCount(job + "-never"));
    }

    @Test
    void aSecondInstanceWithTheSameIdentifyingParametersIsRefused() {
        String job = job();
        repository.createJobInstance(job, params("x"));
        assertThrows(ConcurrentJobLaunchException.class, () -> repository.createJobInstance(job, params("x")));
        assertEquals(1, repository.findJobInstances(job).size());
    }

    @Test
    void createsExecutionsAndFindsTheLastOne() {
        String job = job();
        JobInstance instance = repository.createJobInstance(job, params("a"));
        assertNull(repository.getLastJobExecution(instance));

        JobExecution first = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        first.setStatus(BatchStatus.FAILED);
        first.setEndTime(LocalDateTime.now());
        repository.update(first);
        JobExecution second = repository.createJobExecution(instance, params("a"), new ExecutionContext());

        assertEquals(second.getId(), repository.getLastJobExecution(instance).getId());
        assertEquals(
                second.getId(), repository.getLastJobExecution(job, params("a")).getId());
        assertEquals(
                List.of(second.getId(), first.getId()),
                repository.getJobExecutions(instance).stream()
                        .map(JobExecution::getId)
                        .toList());
        JobExecution read = repository.getJobExecution(first.getId());
        assertEquals(BatchStatus.FAILED, read.getStatus());
        assertEquals(instance, read.getJobInstance());
        assertEquals(params("a"), read.getJobParameters());
        assertEquals(first.getCreateTime(), read.getCreateTime());
        assertNull(repository.getJobExecution(second.getId() + 1000));
    }

    @Test
    void runningExecutionsAreThoseNotYetEnded() {
        String job = job();
        JobInstance a = repository.createJobInstance(job, params("a"));
        JobInstance b = repository.createJobInstance(job, params("b"));
        JobExecution running = repository.createJobExecution(a, params("a"), new ExecutionContext());
        running.setStatus(BatchStatus.STARTED);
        running.setStartTime(LocalDateTime.now());
        repository.update(running);
        JobExecution done = repository.createJobExecution(b, params("b"), new ExecutionContext());
        done.setStatus(BatchStatus.COMPLETED);
        done.setEndTime(LocalDateTime.now());
        repository.update(done);

        Set<JobExecution> found = repository.findRunningJobExecutions(job);
        assertEquals(
                Set.of(running.getId()), found.stream().map(JobExecution::getId).collect(Collectors.toSet()));

        running.setStatus(BatchStatus.COMPLETED);
        running.setEndTime(LocalDateTime.now());
        repository.update(running);
        assertTrue(repository.findRunningJobExecutions(job).isEmpty());
    }

    @Test
    void aStaleJobExecutionUpdateFailsLikeJdbc() throws Exception {
        JobInstance instance = repository.createJobInstance(job(), params("a"));
        JobExecution execution = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        JobExecution copy = repository.getJobExecution(execution.getId());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        assertEquals(1, execution.getVersion());

        copy.setStatus(BatchStatus.FAILED);
        // the repository's update first synchronises the status; a DAO-level update with the old version fails
        DynamoDbJobExecutionDao dao = jobExecutionDao();
        OptimisticLockingFailureException stale =
                assertThrows(OptimisticLockingFailureException.class, () -> dao.updateJobExecution(copy));
        assertTrue(stale.getMessage().contains("wrong version (0)"), stale.getMessage());
        assertEquals(
                BatchStatus.STARTED,
                repository.getJobExecution(execution.getId()).getStatus());
    }

    @Test
    void aStopRequestedElsewhereReachesTheRunningExecution() throws Exception {
        JobInstance instance = repository.createJobInstance(job(), params("a"));
        JobExecution execution = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        StepExecution step = repository.createStepExecution("step", execution);

        JobRepository operator = repository(dynamo); // another process
        JobExecution seenByOperator = operator.getJobExecution(execution.getId());
        seenByOperator.setStatus(BatchStatus.STOPPING);
        operator.update(seenByOperator);

        repository.update(step); // synchronises the job execution, as every chunk commit does
        assertEquals(BatchStatus.STOPPING, execution.getStatus());
        assertTrue(step.isTerminateOnly());
        execution.setStatus(BatchStatus.STOPPED);
        repository.update(execution); // the synchronised version makes this update succeed
        assertEquals(
                BatchStatus.STOPPED,
                repository.getJobExecution(execution.getId()).getStatus());
    }

    /**
     * DynamoDB applied a conditional write but answered 500; the SDK sent it again, and that attempt failed its
     * own condition. The DAOs recognise their own write in the stored item (a token, or an id only they drew from
     * the sequence) instead of taking it for a lost race: no OptimisticLockingFailureException, no
     * ConcurrentJobLaunchException, nothing written twice.
     */
    @Test
    void aConditionalWriteThatWasAppliedButAnsweredWithAnErrorCountsAsDone() throws Exception {
        FaultInjector faults = new FaultInjector(0, 1L);
        JobRepository flaky = repository(DynamoClients.forEndpoint(
                LocalDynamo.endpoint(), ClientOverrideConfiguration.builder().addExecutionInterceptor(faults)));
        String job = job();
        faults.failNextAfterWrite(PutItemRequest.class, 2); // the instance item and the (name, key) item
        JobInstance instance = flaky.createJobInstance(job, params("a"));
        assertEquals(instance, repository.getJobInstance(job, params("a")));
        assertEquals(1, repository.getJobInstanceCount(job));

        faults.failNextAfterWrite(UpdateItemRequest.class, 2); // the id sequence's ADD, then the claim on the instance
        JobExecution execution = flaky.createJobExecution(instance, params("a"), new ExecutionContext());
        assertEquals(
                List.of(execution.getId()),
                repository.getJobExecutions(instance).stream()
                        .map(JobExecution::getId)
                        .toList());

        execution.setStatus(BatchStatus.STARTED);
        faults.failNextAfterWrite(UpdateItemRequest.class, 1); // the versioned update
        flaky.update(execution);
        assertEquals(1, execution.getVersion());
        assertEquals(1, repository.getJobExecution(execution.getId()).getVersion());
        assertEquals(
                BatchStatus.STARTED,
                repository.getJobExecution(execution.getId()).getStatus());

        faults.failNextAfterWrite(PutItemRequest.class, 1); // the step execution's conditional put
        StepExecution step = flaky.createStepExecution("load", execution);
        step.setReadCount(42);
        faults.failNextAfterWrite(UpdateItemRequest.class, 1); // the step's versioned update
        flaky.update(step);
        assertEquals(1, step.getVersion());
        StepExecution stored = repository.getStepExecution(execution.getId(), step.getId());
        assertEquals(42, stored.getReadCount());
        assertEquals(1, stored.getVersion());
        assertEquals(
                List.of(step.getId()),
                repository.getJobExecution(execution.getId()).getStepExecutions().stream()
                        .map(StepExecution::getId)
                        .toList());
        assertEquals(7, faults.failedAfterWrite.get(), "every planned fault was injected");

        // a real lost race is still one: another writer's update in between
        StepExecution stale = repository.getStepExecution(execution.getId(), step.getId());
        repository.update(step);
        faults.failNextAfterWrite(UpdateItemRequest.class, 1);
        assertThrows(OptimisticLockingFailureException.class, () -> flaky.update(stale));
    }

    @Test
    void stepExecutionsAreCreatedUpdatedAndFound() {
        JobInstance instance = repository.createJobInstance(job(), params("a"));
        JobExecution execution = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        StepExecution load = repository.createStepExecution("load", execution);
        StepExecution report = repository.createStepExecution("report", execution);
        assertEquals(0, load.getVersion());

        load.setStatus(BatchStatus.STARTED);
        load.setReadCount(42);
        load.setWriteCount(40);
        load.setFilterCount(2);
        load.setCommitCount(5);
        load.setRollbackCount(1);
        load.setReadSkipCount(3);
        load.setProcessSkipCount(4);
        load.setWriteSkipCount(6);
        load.setExitStatus(new ExitStatus("CUSTOM", "x".repeat(3000)));
        load.setStartTime(LocalDateTime.of(2026, 11, 28, 9, 30, 1, 123_000_000));
        repository.update(load);
        assertEquals(1, load.getVersion());

        StepExecution read = repository.getStepExecution(execution.getId(), load.getId());
        assertEquals(42, read.getReadCount());
        assertEquals(40, read.getWriteCount());
        assertEquals(2, read.getFilterCount());
        assertEquals(5, read.getCommitCount());
        assertEquals(1, read.getRollbackCount());
        assertEquals(3, read.getReadSkipCount());
        assertEquals(4, read.getProcessSkipCount());
        assertEquals(6, read.getWriteSkipCount());
        assertEquals("CUSTOM", read.getExitStatus().getExitCode());
        assertEquals(
                DynamoDbJobRepositoryFactoryBean.DEFAULT_EXIT_MESSAGE_LENGTH,
                read.getExitStatus().getExitDescription().length());
        assertEquals(load.getStartTime(), read.getStartTime());
        assertEquals(1, read.getVersion());
        assertEquals(load.getId(), repository.getStepExecution(load.getId()).getId());
        assertEquals(
                execution.getId(), repository.getStepExecution(load.getId()).getJobExecutionId());
        assertEquals(
                List.of(load.getId(), report.getId()),
                repository.getJobExecution(execution.getId()).getStepExecutions().stream()
                        .map(StepExecution::getId)
                        .toList());

        StepExecution stale = repository.getStepExecution(execution.getId(), load.getId());
        repository.update(load);
        assertThrows(OptimisticLockingFailureException.class, () -> repository.update(stale));
    }

    @Test
    void theLastStepExecutionSpansTheInstancesExecutions() throws Exception {
        JobInstance instance = repository.createJobInstance(job(), params("a"));
        JobExecution first = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        StepExecution firstLoad = repository.createStepExecution("load", first);
        firstLoad.getExecutionContext().putLong("read.count", 20);
        repository.updateExecutionContext(firstLoad);
        first.setStatus(BatchStatus.FAILED);
        repository.update(first);
        Thread.sleep(2); // create times must differ for the ordering to be meaningful
        JobExecution second = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        StepExecution secondLoad = repository.createStepExecution("load", second);
        repository.createStepExecution("report", second);

        StepExecution last = repository.getLastStepExecution(instance, "load");
        assertEquals(secondLoad.getId(), last.getId());
        assertEquals(second.getId(), last.getJobExecutionId());
        assertEquals(2, repository.getStepExecutionCount(instance, "load"));
        assertEquals(1, repository.getStepExecutionCount(instance, "report"));
        assertNull(repository.getLastStepExecution(instance, "absent"));
        assertEquals(
                20,
                repository
                        .getStepExecution(first.getId(), firstLoad.getId())
                        .getExecutionContext()
                        .getLong("read.count"));
    }

    @Test
    void executionContextsRoundTripAndLargeOnesAreCompressed() {
        JobInstance instance = repository.createJobInstance(job(), params("a"));
        ExecutionContext jobContext = new ExecutionContext();
        jobContext.putString("town", "gaocheng");
        JobExecution execution = repository.createJobExecution(instance, params("a"), jobContext);
        StepExecution step = repository.createStepExecution("load", execution);
        step.getExecutionContext().putLong("reader.read.count", 1234);
        step.getExecutionContext().put("when", LocalDate.of(2026, 12, 31));
        step.getExecutionContext().putString("big", "办事".repeat(20_000));
        repository.updateExecutionContext(step);

        JobExecution read = repository.getJobExecution(execution.getId());
        assertEquals("gaocheng", read.getExecutionContext().getString("town"));
        ExecutionContext stepContext =
                repository.getStepExecution(execution.getId(), step.getId()).getExecutionContext();
        assertEquals(1234, stepContext.getLong("reader.read.count"));
        assertEquals(LocalDate.of(2026, 12, 31), stepContext.get("when"));
        assertEquals("办事".repeat(20_000), stepContext.getString("big"));

        Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(
                                Tables.physical(Tables.BATCH_EXECUTION_CONTEXTS))
                        .key(Map.of("pk", AttributeValue.fromS("step#" + step.getId()))))
                .item();
        assertEquals("deflate", stored.get("encoding").s());
        assertTrue(
                stored.get("context").b().asByteArray().length < 20_000, "a repetitive context is stored compressed");
    }

    @Test
    void aContextTooLargeForOneItemIsRefusedWholeAndTheStoredOneKept() {
        JobInstance instance = repository.createJobInstance(job(), params("a"));
        JobExecution execution = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        StepExecution step = repository.createStepExecution("load", execution);
        step.getExecutionContext().putLong("reader.read.count", 10);
        repository.updateExecutionContext(step);

        byte[] noise = new byte[500_000];
        new Random(8).nextBytes(noise); // incompressible
        step.getExecutionContext().put("noise", noise);
        step.getExecutionContext().putLong("reader.read.count", 20);
        ExecutionContextTooLargeException refused =
                assertThrows(ExecutionContextTooLargeException.class, () -> repository.updateExecutionContext(step));
        assertTrue(
                refused.getMessage().contains("step execution " + step.getId() + " (step 'load')"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("409,600"), refused.getMessage());

        ExecutionContext stored =
                repository.getStepExecution(execution.getId(), step.getId()).getExecutionContext();
        assertEquals(10, stored.getLong("reader.read.count"));
        assertFalse(stored.containsKey("noise"));

        step.getExecutionContext().put("noise", new byte[1000]);
        repository.updateExecutionContext(step);
        assertArrayEquals(new byte[1000], (byte[]) repository
                .getStepExecution(execution.getId(), step.getId())
                .getExecutionContext()
                .get("noise"));
    }

    @Test
    void parametersOfEveryTypeRoundTrip() {
        Date date = new Date(1_796_000_000_123L);
        JobParameters parameters = new JobParametersBuilder()
                .addString("town", "高城镇")
                .addString("note", "non-identifying 说明", false)
                .addLong("year", 2026L)
                .addLong("attempt", 3L, false)
                .addDouble("ratio", 0.125)
                .addDouble("threshold", 1e-9, false)
                .addLocalDate("from", LocalDate.of(2026, 1, 1))
                .addLocalDateTime("cutoff", LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_000_000))
                .addLocalTime("at", LocalTime.of(2, 30), false)
                .addDate("issued", date)
                .addJobParameter("code", new TownCode("320582-101"), TownCode.class)
                .addJobParameter("alias", new TownCode("gaocheng"), TownCode.class, false)
                .toJobParameters();
        String job = job();
        JobInstance instance = repository.createJobInstance(job, parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());

        JobParameters read = repository.getJobExecution(execution.getId()).getJobParameters();
        assertEquals(parameters, read);
        assertEquals("高城镇", read.getString("town"));
        assertEquals(2026L, read.getLong("year"));
        assertEquals(0.125, read.getDouble("ratio"));
        assertEquals(1e-9, read.getDouble("threshold"));
        assertEquals(LocalDate.of(2026, 1, 1), read.getLocalDate("from"));
        assertEquals(LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_000_000), read.getLocalDateTime("cutoff"));
        assertEquals(LocalTime.of(2, 30), read.getLocalTime("at"));
        assertEquals(date, read.getDate("issued"));
        assertEquals(new TownCode("320582-101"), read.getParameter("code").value());
        assertTrue(read.getParameter("code").identifying());
        assertFalse(read.getParameter("alias").identifying());
        assertFalse(read.getParameter("note").identifying());
        assertEquals(parameters.getIdentifyingParameters(), read.getIdentifyingParameters());
        // the instance is found again by its identifying parameters only
        JobParameters otherNonIdentifying = new JobParametersBuilder(parameters)
                .addString("note", "changed", false)
                .toJobParameters();
        assertEquals(instance, repository.getJobInstance(job, otherNonIdentifying));
    }

    @Test
    void aParameterWithoutAConverterIsRefusedBeforeAnythingIsWritten() {
        record NoConverter(int x) {}
        String job = job();
        JobParameters parameters = new JobParametersBuilder()
                .addJobParameter("odd", new NoConverter(1), NoConverter.class)
                .toJobParameters();
        JobInstance instance = repository.createJobInstance(job, parameters);
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> repository.createJobExecution(instance, parameters, new ExecutionContext()));
        assertTrue(refused.getMessage().contains("odd"), refused.getMessage());
        assertNull(repository.getLastJobExecution(instance));
        // and the instance was not claimed by the refused launch
        JobExecution ok = repository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
        assertNotNull(ok);
    }

    @Test
    void deletingAnInstanceDeletesItsExecutionsStepsAndContexts() {
        String job = job();
        JobInstance instance = repository.createJobInstance(job, params("a"));
        JobExecution first = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        repository.createStepExecution("load", first);
        first.setStatus(BatchStatus.FAILED);
        repository.update(first);
        JobExecution second = repository.createJobExecution(instance, params("a"), new ExecutionContext());
        second.setStatus(BatchStatus.COMPLETED);
        repository.update(second);

        repository.deleteJobInstance(repository.getJobInstance(instance.getId()));
        assertNull(repository.getJobInstance(instance.getId()));
        assertNull(repository.getJobInstance(job, params("a")));
        assertNull(repository.getJobExecution(first.getId()));
        assertNull(repository.getJobExecution(second.getId()));
        assertFalse(repository.getJobNames().contains(job));
        // and the same parameters can start a new instance
        assertNotNull(repository.createJobInstance(job, params("a")));
    }

    @Test
    void deletingAMiddleExecutionKeepsTheChain() {
        JobInstance instance = repository.createJobInstance(job(), params("a"));
        JobExecution[] executions = new JobExecution[3];
        for (int i = 0; i < 3; i++) {
            executions[i] = repository.createJobExecution(instance, params("a"), new ExecutionContext());
            executions[i].setStatus(BatchStatus.FAILED);
            repository.update(executions[i]);
        }
        repository.deleteJobExecution(repository.getJobExecution(executions[1].getId()));
        assertEquals(
                List.of(executions[2].getId(), executions[0].getId()),
                repository.getJobExecutions(instance).stream()
                        .map(JobExecution::getId)
                        .toList());
    }

    private static DynamoDbJobExecutionDao jobExecutionDao() {
        DynamoDbJobInstanceDao instances = new DynamoDbJobInstanceDao(dynamo, BatchTables.fromConfiguration());
        DynamoDbJobExecutionDao dao = new DynamoDbJobExecutionDao(
                dynamo,
                BatchTables.fromConfiguration(),
                new JobExecutionItemConverter(
                        new JobParameterItemConverter(JobParameterItemConverter.defaultConversionService()), 2500));
        dao.setJobInstanceDao(instances);
        return dao;
    }
}

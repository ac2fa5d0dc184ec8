package cn.banshi.batch;

import cn.banshi.activities.ActivityStore;
import cn.banshi.batch.cases.FactPage;
import cn.banshi.batch.cases.SegmentPartitioner;
import cn.banshi.batch.cases.SegmentScanReader;
import cn.banshi.batch.cases.TallyWriter;
import cn.banshi.catalog.Catalogs;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.duty.LeadersDutyStore;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.ReportStore;
import cn.banshi.store.Tables;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the three report jobs share: the stores they read, the report store they write, the job operator,
 * and the partitioned scan of the case table (one partition per parallel-scan segment, each aggregating
 * its cases into a tally kept in its execution context).
 */
@Configuration
@Import(JobRepositoryConfiguration.class)
public class BatchConfiguration {
    public static final String DATA_DIR = "banshi.dataDir";
    /** Cases per Scan call (DynamoDB's Limit; default 500). */
    public static final String PAGE_SIZE = "banshi.batch.pageSize";
    /**
     * Scan pages per commit (default 10: 5,000 cases evaluated per segment and commit). A commit writes the
     * segment's tallies and position to the job repository; a restart redoes at most this much.
     */
    public static final String PAGES_PER_COMMIT = "banshi.batch.pagesPerCommit";
    /** How many scan segments, and how many towns' reports, are worked on at once. */
    public static final String CONCURRENCY = "banshi.batch.concurrency";
    /** Tests only: a pause after each chunk, so that a test can kill the process halfway. */
    public static final String CHUNK_PAUSE_MILLIS = "banshi.batch.chunkPauseMillis";
    /** The last step of every job: the towns' reports. */
    public static final String REPORT_STEP = "writeReports";

    /** The step scope's bean (named in full: its class shares its simple name with the imported annotation). */
    @Bean
    public static org.springframework.batch.core.scope.StepScope stepScope() {
        return new org.springframework.batch.core.scope.StepScope();
    }

    /** Registers every job bean of the context (restarts find their job by name here). */
    @Bean
    public MapJobRegistry jobRegistry() {
        return new MapJobRegistry();
    }

    @Bean
    public JobOperator jobOperator(JobRepository jobRepository, MapJobRegistry jobRegistry) throws Exception {
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        operator.setJobRegistry(jobRegistry);
        operator.afterPropertiesSet();
        return operator;
    }

    @Bean
    public ActivityStore activityStore(DynamoDbClient dynamo) {
        return new ActivityStore(dynamo);
    }

    @Bean
    public PlanItemStore planItemStore(DynamoDbClient dynamo) {
        return new PlanItemStore(dynamo);
    }

    @Bean
    public DisclosureStore disclosureStore(DynamoDbClient dynamo) {
        return new DisclosureStore(dynamo);
    }

    @Bean
    public Catalogs catalogs() {
        return Catalogs.bundled();
    }

    @Bean
    public ScanProgress scanProgress() {
        return new ScanProgress();
    }

    @Bean
    public LeadersDutyStore leadersDutyStore(DynamoDbClient dynamo) {
        return new LeadersDutyStore(dynamo);
    }

    @Bean
    public ReportStep.Services reportServices(
            JobRepository jobRepository,
            Catalogs catalogs,
            ActivityStore activities,
            PlanItemStore plans,
            DisclosureStore disclosure,
            LeadersDutyStore duty,
            ReportStore reports,
            ScanProgress progress,
            TaskExecutor partitionExecutor,
            Environment env) {
        return new ReportStep.Services(
                jobRepository,
                catalogs,
                activities,
                plans,
                disclosure,
                duty,
                reports,
                progress,
                partitionExecutor,
                env.getProperty(CONCURRENCY, Integer.class, 4));
    }

    @Bean
    public TaskExecutor partitionExecutor(Environment env) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("partition-");
        executor.setConcurrencyLimit(env.getProperty(CONCURRENCY, Integer.class, 4));
        executor.setDaemon(true);
        return executor;
    }

    /**
     * The manager step: one worker per segment, run in parallel, each tallying every town of the run; the report
     * step merges each town's tallies afterwards.
     */
    @Bean
    public Step scanCases(
            JobRepository jobRepository,
            Step scanSegment,
            TaskExecutor partitionExecutor,
            Partitioner segmentPartitioner) {
        return new StepBuilder("scanCases", jobRepository)
                .partitioner("scanSegment", segmentPartitioner)
                .step(scanSegment)
                .taskExecutor(partitionExecutor)
                .build();
    }

    /** As many partitions as the run's {@code segments} parameter, whatever grid size the step passes. */
    @Bean
    @StepScope
    public Partitioner segmentPartitioner(@Value("#{jobParameters['segments']}") Long segments) {
        return new SegmentPartitioner(segments.intValue());
    }

    @Bean
    public Step scanSegment(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            ItemStreamReader<FactPage> caseReader,
            ItemStreamWriter<FactPage> tallyWriter,
            Environment env) {
        long pause = env.getProperty(CHUNK_PAUSE_MILLIS, Long.class, 0L);
        return new StepBuilder("scanSegment", jobRepository)
                .<FactPage, FactPage>chunk(env.getProperty(PAGES_PER_COMMIT, Integer.class, 10))
                .transactionManager(transactionManager)
                .reader(caseReader)
                .writer(tallyWriter)
                .listener(new ItemWriteListener<FactPage>() {
                    @Override
                    public void afterWrite(Chunk<? extends FactPage> items) {
                        if (pause > 0) {
                            try {
                                Thread.sleep(pause);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    public ItemStreamReader<FactPage> caseReader(
            DynamoDbClient dynamo,
            ScanProgress progress,
            Environment env,
            @Value("#{jobParameters['towns']}") String towns,
            @Value("#{stepExecutionContext['segment']}") Integer segment,
            @Value("#{stepExecutionContext['totalSegments']}") Integer total) {
        return new SegmentScanReader(
                dynamo,
                Tables.physical(Tables.CASES),
                ReportParameters.towns(towns),
                segment,
                total,
                env.getProperty(PAGE_SIZE, Integer.class, 500),
                progress);
    }

    @Bean
    @StepScope
    public ItemStreamWriter<FactPage> tallyWriter(
            @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
        ReportParameters p = ReportParameters.of(parameters);
        return new TallyWriter(p.period(), p.towns());
    }
}

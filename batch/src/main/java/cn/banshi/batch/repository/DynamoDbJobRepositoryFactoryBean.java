package cn.banshi.batch.repository;

import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.core.repository.support.AbstractJobRepositoryFactoryBean;
import org.springframework.batch.core.repository.support.SimpleJobRepository;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.convert.support.ConfigurableConversionService;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates a job repository backed by DynamoDB (the counterpart of MongoJobRepositoryFactoryBean): the four
 * DAOs and the id sequences on the tables of {@link cn.banshi.store.Tables}, behind Spring Batch's own
 * {@link SimpleJobRepository}. DynamoDB writes take part in no transaction, so the transaction manager
 * defaults to a {@link ResourcelessTransactionManager}.
 *
 * <pre>
 * DynamoDbJobRepositoryFactoryBean factory = new DynamoDbJobRepositoryFactoryBean();
 * factory.setDynamoDbClient(DynamoClients.fromEnvironment());
 * factory.afterPropertiesSet();
 * JobRepository jobRepository = factory.getObject();
 * </pre>
 */
public class DynamoDbJobRepositoryFactoryBean extends AbstractJobRepositoryFactoryBean {
    /** As the JDBC repository: exit descriptions (stack traces) are cut to this length. */
    public static final int DEFAULT_EXIT_MESSAGE_LENGTH = 2500;

    private DynamoDbClient dynamoDbClient;
    private BatchTables tables;
    private ExecutionContextSerializer serializer;
    private ConfigurableConversionService conversionService;
    private DataFieldMaxValueIncrementer jobInstanceIncrementer;
    private DataFieldMaxValueIncrementer jobExecutionIncrementer;
    private DataFieldMaxValueIncrementer stepExecutionIncrementer;
    private int exitMessageLength = DEFAULT_EXIT_MESSAGE_LENGTH;

    public void setDynamoDbClient(DynamoDbClient dynamoDbClient) {
        this.dynamoDbClient = dynamoDbClient;
    }

    /** Defaults to the names of {@link cn.banshi.store.Tables} with the configured prefix. */
    public void setTables(BatchTables tables) {
        this.tables = tables;
    }

    /** Defaults to Spring Batch's {@link DefaultExecutionContextSerializer}. */
    public void setSerializer(ExecutionContextSerializer serializer) {
        this.serializer = serializer;
    }

    /** Converts job parameter values to and from text; add converters here for custom parameter types. */
    public void setConversionService(ConfigurableConversionService conversionService) {
        this.conversionService = conversionService;
    }

    public void setJobInstanceIncrementer(DataFieldMaxValueIncrementer jobInstanceIncrementer) {
        this.jobInstanceIncrementer = jobInstanceIncrementer;
    }

    public void setJobExecutionIncrementer(DataFieldMaxValueIncrementer jobExecutionIncrementer) {
        this.jobExecutionIncrementer = jobExecutionIncrementer;
    }

    public void setStepExecutionIncrementer(DataFieldMaxValueIncrementer stepExecutionIncrementer) {
        this.stepExecutionIncrementer = stepExecutionIncrementer;
    }

    public void setExitMessageLength(int exitMessageLength) {
        this.exitMessageLength = exitMessageLength;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        if (getTransactionManager() == null) setTransactionManager(new ResourcelessTransactionManager());
        super.afterPropertiesSet();
        Assert.notNull(dynamoDbClient, "DynamoDbClient must not be null.");
        if (tables == null) tables = BatchTables.fromConfiguration();
        if (serializer == null) serializer = new DefaultExecutionContextSerializer();
        if (conversionService == null) conversionService = JobParameterItemConverter.defaultConversionService();
        if (jobInstanceIncrementer == null) {
            jobInstanceIncrementer = new DynamoDbSequenceIncrementer(
                    dynamoDbClient, tables.sequences(), DynamoDbJobInstanceDao.SEQUENCE_NAME);
        }
        if (jobExecutionIncrementer == null) {
            jobExecutionIncrementer = new DynamoDbSequenceIncrementer(
                    dynamoDbClient, tables.sequences(), DynamoDbJobExecutionDao.SEQUENCE_NAME);
        }
        if (stepExecutionIncrementer == null) {
            stepExecutionIncrementer = new DynamoDbSequenceIncrementer(
                    dynamoDbClient, tables.sequences(), DynamoDbStepExecutionDao.SEQUENCE_NAME);
        }
    }

    @Override
    protected Object getTarget() throws Exception {
        DynamoDbJobInstanceDao jobInstanceDao = createJobInstanceDao();
        DynamoDbJobExecutionDao jobExecutionDao = createJobExecutionDao();
        jobExecutionDao.setJobInstanceDao(jobInstanceDao);
        DynamoDbStepExecutionDao stepExecutionDao = createStepExecutionDao();
        stepExecutionDao.setJobExecutionDao(jobExecutionDao);
        DynamoDbExecutionContextDao executionContextDao = createExecutionContextDao();
        return new SimpleJobRepository(jobInstanceDao, jobExecutionDao, stepExecutionDao, executionContextDao);
    }

    @Override
    protected DynamoDbJobInstanceDao createJobInstanceDao() {
        DynamoDbJobInstanceDao dao = new DynamoDbJobInstanceDao(dynamoDbClient, tables);
        dao.setJobKeyGenerator(jobKeyGenerator);
        dao.setJobInstanceIncrementer(jobInstanceIncrementer);
        return dao;
    }

    @Override
    protected DynamoDbJobExecutionDao createJobExecutionDao() {
        DynamoDbJobExecutionDao dao = new DynamoDbJobExecutionDao(dynamoDbClient, tables, jobExecutionConverter());
        dao.setJobExecutionIncrementer(jobExecutionIncrementer);
        return dao;
    }

    @Override
    protected DynamoDbStepExecutionDao createStepExecutionDao() {
        DynamoDbStepExecutionDao dao = new DynamoDbStepExecutionDao(
                dynamoDbClient, tables, new StepExecutionItemConverter(exitMessageLength), jobExecutionConverter());
        dao.setStepExecutionIncrementer(stepExecutionIncrementer);
        return dao;
    }

    @Override
    protected DynamoDbExecutionContextDao createExecutionContextDao() {
        return new DynamoDbExecutionContextDao(dynamoDbClient, tables, new ExecutionContextItemConverter(serializer));
    }

    private JobExecutionItemConverter jobExecutionConverter() {
        return new JobExecutionItemConverter(new JobParameterItemConverter(conversionService), exitMessageLength);
    }
}

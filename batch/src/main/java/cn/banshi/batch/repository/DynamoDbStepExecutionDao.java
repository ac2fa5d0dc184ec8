package cn.banshi.batch.repository;

import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.dao.NoSuchObjectException;
import org.springframework.batch.core.repository.dao.StepExecutionDao;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Step executions (the counterpart of MongoStepExecutionDao). Every chunk commit ends in
 * {@link #updateStepExecution}: one conditional update on the step's version.
 */
public class DynamoDbStepExecutionDao implements StepExecutionDao {
    static final String SEQUENCE_NAME = "BATCH_STEP_EXECUTION_SEQ";

    private final DynamoDbClient dynamo;
    private final String table;
    private final StepExecutionItemConverter converter;
    private final JobExecutionItemConverter jobExecutionConverter;
    private DataFieldMaxValueIncrementer stepExecutionIncrementer;
    private DynamoDbJobExecutionDao jobExecutionDao;

    public DynamoDbStepExecutionDao(
            DynamoDbClient dynamo,
            BatchTables tables,
            StepExecutionItemConverter converter,
            JobExecutionItemConverter jobExecutionConverter) {
        this.dynamo = dynamo;
        this.table = tables.stepExecutions();
        this.converter = converter;
        this.jobExecutionConverter = jobExecutionConverter;
        this.stepExecutionIncrementer = new DynamoDbSequenceIncrementer(dynamo, tables.sequences(), SEQUENCE_NAME);
    }

    public void setStepExecutionIncrementer(DataFieldMaxValueIncrementer stepExecutionIncrementer) {
        this.stepExecutionIncrementer = stepExecutionIncrementer;
    }

    public void setJobExecutionDao(DynamoDbJobExecutionDao jobExecutionDao) {
        this.jobExecutionDao = jobExecutionDao;
    }

    @Override
    public StepExecution createStepExecution(String stepName, JobExecution jobExecution) {
        Assert.notNull(stepName, "Step name must not be null.");
        Assert.notNull(jobExecution, "JobExecution must not be null.");
        long id = stepExecutionIncrementer.nextLongValue();
        StepExecution step = new StepExecution(id, stepName, jobExecution);
        step.incrementVersion();
        validate(step);
        Map<String, AttributeValue> item = converter.toItem(step);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // the id comes from a sequence: an item under it can only be this put, applied by an earlier attempt
            if (!AppliedWrites.holds(
                    getItem(StepExecutionItemConverter.key(jobExecution.getId(), id)),
                    StepExecutionItemConverter.NAME,
                    Attributes.s(stepName))) throw exists;
        }
        return step;
    }

    @Override
    public void updateStepExecution(StepExecution stepExecution) {
        validate(stepExecution);
        Integer version = stepExecution.getVersion();
        Assert.notNull(
                version, "StepExecution version cannot be null. StepExecution must be saved before it can be updated");
        UpdateExpression update = new UpdateExpression();
        converter.mutableValues(stepExecution).forEach(update::set);
        AttributeValue token = AppliedWrites.newToken();
        update.set(StepExecutionItemConverter.VERSION, Attributes.n(version + 1L))
                .set(AppliedWrites.TOKEN, token)
                .condition("? = ?", StepExecutionItemConverter.VERSION, Attributes.n(version));
        Map<String, AttributeValue> key =
                StepExecutionItemConverter.key(stepExecution.getJobExecutionId(), stepExecution.getId());
        try {
            dynamo.updateItem(update.request(table, key));
        } catch (ConditionalCheckFailedException stale) {
            Map<String, AttributeValue> current = getItem(key);
            if (current == null) {
                throw new NoSuchObjectException("Invalid StepExecution, ID " + stepExecution.getId() + " not found.");
            }
            if (!AppliedWrites.holds(current, AppliedWrites.TOKEN, token))
                throw new OptimisticLockingFailureException(
                        "Attempt to update step execution id=" + stepExecution.getId()
                                + " with wrong version (" + version + "), where current version is "
                                + Attributes.intValue(current, StepExecutionItemConverter.VERSION));
        }
        stepExecution.incrementVersion();
    }

    @Override
    public StepExecution getStepExecution(long stepExecutionId) {
        QueryResponse response = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(Tables.BATCH_STEP_EXECUTIONS_BY_ID)
                .keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", StepExecutionItemConverter.ID_KEY))
                .expressionAttributeValues(Map.of(":id", Attributes.s(Long.toString(stepExecutionId))))
                .build());
        if (response.items().isEmpty()) return null;
        long jobExecutionId =
                Attributes.longValue(response.items().get(0), StepExecutionItemConverter.JOB_EXECUTION_ID);
        JobExecution jobExecution = jobExecutionDao.getJobExecution(jobExecutionId);
        return jobExecution == null ? null : getStepExecution(jobExecution, stepExecutionId);
    }

    @Override
    public StepExecution getStepExecution(JobExecution jobExecution, long stepExecutionId) {
        Map<String, AttributeValue> item =
                getItem(StepExecutionItemConverter.key(jobExecution.getId(), stepExecutionId));
        return item == null ? null : converter.toStepExecution(item, jobExecution);
    }

    @Override
    public void synchronizeStatus(StepExecution stepExecution) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(StepExecutionItemConverter.key(stepExecution.getJobExecutionId(), stepExecution.getId()))
                        .projectionExpression("#s, #v")
                        .expressionAttributeNames(Map.of(
                                "#s", StepExecutionItemConverter.STATUS, "#v", StepExecutionItemConverter.VERSION))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) return;
        int currentVersion = Attributes.intValue(item, StepExecutionItemConverter.VERSION);
        if (stepExecution.getVersion() == null || currentVersion != stepExecution.getVersion()) {
            stepExecution.upgradeStatus(
                    BatchStatus.valueOf(Attributes.string(item, StepExecutionItemConverter.STATUS)));
            stepExecution.setVersion(currentVersion);
        }
    }

    /** The latest execution of the step in any execution of the instance (by create time, then id), as JDBC orders it. */
    @Override
    public StepExecution getLastStepExecution(JobInstance jobInstance, String stepName) {
        return stepExecutionsOf(jobInstance, stepName).stream()
                .max(Comparator.comparing(
                                StepExecution::getCreateTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(StepExecution::getId))
                .orElse(null);
    }

    @Override
    public List<StepExecution> getStepExecutions(JobExecution jobExecution) {
        return stepItems(jobExecution.getId()).stream()
                .map(item -> converter.toStepExecution(item, jobExecution))
                .toList();
    }

    @Override
    public long countStepExecutions(JobInstance jobInstance, String stepName) {
        return stepExecutionsOf(jobInstance, stepName).size();
    }

    @Override
    public void deleteStepExecution(StepExecution stepExecution) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(StepExecutionItemConverter.key(stepExecution.getJobExecutionId(), stepExecution.getId()))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", StepExecutionItemConverter.VERSION))
                    .expressionAttributeValues(Map.of(":v", Attributes.n(stepExecution.getVersion()))));
        } catch (ConditionalCheckFailedException stale) {
            // gone: deleted by an earlier attempt of this call whose answer was lost
            if (getItem(StepExecutionItemConverter.key(stepExecution.getJobExecutionId(), stepExecution.getId()))
                    == null) return;
            throw new OptimisticLockingFailureException("Attempt to delete step execution id=" + stepExecution.getId()
                    + " with wrong version (" + stepExecution.getVersion() + ")");
        }
    }

    private List<StepExecution> stepExecutionsOf(JobInstance jobInstance, String stepName) {
        List<StepExecution> steps = new ArrayList<>();
        for (Map<String, AttributeValue> executionItem : jobExecutionDao.executionItems(jobInstance.getId())) {
            JobExecution jobExecution = null;
            for (Map<String, AttributeValue> item :
                    stepItems(Attributes.longValue(executionItem, JobExecutionItemConverter.ID), stepName)) {
                if (jobExecution == null)
                    jobExecution = jobExecutionConverter.toJobExecution(executionItem, jobInstance);
                steps.add(converter.toStepExecution(item, jobExecution));
            }
        }
        return steps;
    }

    /** The step items of one job execution in id order: one strongly consistent Query. */
    private List<Map<String, AttributeValue>> stepItems(long jobExecutionId) {
        return stepItems(jobExecutionId, null);
    }

    /**
     * The same, only the steps named {@code stepName} (null: all): a partitioned step has a step execution per
     * partition (the scan's segments), and each partition's restart check asks for its own.
     */
    private List<Map<String, AttributeValue>> stepItems(long jobExecutionId, String stepName) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .consistentRead(true);
            if (stepName == null) {
                query.expressionAttributeValues(Map.of(":pk", Attributes.s(Long.toString(jobExecutionId))));
            } else {
                query.filterExpression("#name = :name")
                        .expressionAttributeNames(Map.of("#name", StepExecutionItemConverter.NAME))
                        .expressionAttributeValues(Map.of(
                                ":pk", Attributes.s(Long.toString(jobExecutionId)), ":name", Attributes.s(stepName)));
            }
            if (startKey != null) query.exclusiveStartKey(startKey);
            QueryResponse response = dynamo.query(query.build());
            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        return items;
    }

    private Map<String, AttributeValue> getItem(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static void validate(StepExecution stepExecution) {
        Assert.notNull(stepExecution, "stepExecution is required");
        Assert.notNull(stepExecution.getStepName(), "StepExecution step name cannot be null.");
        Assert.notNull(stepExecution.getCreateTime(), "StepExecution create time cannot be null.");
        Assert.notNull(stepExecution.getStatus(), "StepExecution status cannot be null.");
    }
}

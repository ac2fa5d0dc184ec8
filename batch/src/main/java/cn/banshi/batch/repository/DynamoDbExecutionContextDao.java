package cn.banshi.batch.repository;

import java.util.Collection;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.dao.ExecutionContextDao;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Execution contexts, one item each (the counterpart of MongoExecutionContextDao). A save replaces the item
 * whole, so a reader sees either the previous context or the new one.
 */
public class DynamoDbExecutionContextDao implements ExecutionContextDao {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ExecutionContextItemConverter converter;

    public DynamoDbExecutionContextDao(
            DynamoDbClient dynamo, BatchTables tables, ExecutionContextItemConverter converter) {
        this.dynamo = dynamo;
        this.table = tables.executionContexts();
        this.converter = converter;
    }

    @Override
    public ExecutionContext getExecutionContext(JobExecution jobExecution) {
        return converter.toExecutionContext(get(ExecutionContextItemConverter.jobKey(jobExecution.getId())));
    }

    @Override
    public ExecutionContext getExecutionContext(StepExecution stepExecution) {
        return converter.toExecutionContext(get(ExecutionContextItemConverter.stepKey(stepExecution.getId())));
    }

    @Override
    public void saveExecutionContext(JobExecution jobExecution) {
        put(
                ExecutionContextItemConverter.jobKey(jobExecution.getId()),
                jobExecution.getExecutionContext(),
                "job execution " + jobExecution.getId());
    }

    @Override
    public void saveExecutionContext(StepExecution stepExecution) {
        put(
                ExecutionContextItemConverter.stepKey(stepExecution.getId()),
                stepExecution.getExecutionContext(),
                "step execution " + stepExecution.getId() + " (step '" + stepExecution.getStepName() + "')");
    }

    @Override
    public void saveExecutionContexts(Collection<StepExecution> stepExecutions) {
        Assert.notNull(stepExecutions, "Attempt to save an null collection of step executions");
        for (StepExecution stepExecution : stepExecutions) saveExecutionContext(stepExecution);
    }

    @Override
    public void updateExecutionContext(JobExecution jobExecution) {
        saveExecutionContext(jobExecution);
    }

    @Override
    public void updateExecutionContext(StepExecution stepExecution) {
        saveExecutionContext(stepExecution);
    }

    @Override
    public void deleteExecutionContext(JobExecution jobExecution) {
        dynamo.deleteItem(b ->
                b.tableName(table).key(Attributes.key(ExecutionContextItemConverter.jobKey(jobExecution.getId()))));
    }

    @Override
    public void deleteExecutionContext(StepExecution stepExecution) {
        dynamo.deleteItem(b ->
                b.tableName(table).key(Attributes.key(ExecutionContextItemConverter.stepKey(stepExecution.getId()))));
    }

    private void put(String pk, ExecutionContext context, String owner) {
        Assert.notNull(context, "The ExecutionContext must not be null.");
        Map<String, AttributeValue> item = converter.toItem(pk, context, owner);
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> get(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Attributes.key(pk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }
}

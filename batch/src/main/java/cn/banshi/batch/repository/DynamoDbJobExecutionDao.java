package cn.banshi.batch.repository;

import static cn.banshi.batch.repository.JobInstanceItemConverter.LAST_EXECUTION;
import static cn.banshi.batch.repository.JobInstanceItemConverter.RUNNING_EXECUTION;
import static cn.banshi.batch.repository.JobInstanceItemConverter.RUNNING_JOB_NAME;

import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.dao.JobExecutionDao;
import org.springframework.batch.core.repository.dao.NoSuchObjectException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Job executions (the counterpart of MongoJobExecutionDao). Creating an execution claims the instance: one
 * conditional update of the instance item sets the running-execution marker and the last-execution pointer
 * and increments the instance version, on condition that no execution is running and nobody launched the
 * instance since the caller read it. Updates are version-checked like the JDBC DAO's.
 */
public class DynamoDbJobExecutionDao implements JobExecutionDao {
    static final String SEQUENCE_NAME = "BATCH_JOB_EXECUTION_SEQ";
    private static final int CLAIM_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String instanceTable;
    private final JobExecutionItemConverter converter;
    private DataFieldMaxValueIncrementer jobExecutionIncrementer;
    private DynamoDbJobInstanceDao jobInstanceDao;

    public DynamoDbJobExecutionDao(DynamoDbClient dynamo, BatchTables tables, JobExecutionItemConverter converter) {
        this.dynamo = dynamo;
        this.table = tables.jobExecutions();
        this.instanceTable = tables.jobInstances();
        this.converter = converter;
        this.jobExecutionIncrementer = new DynamoDbSequenceIncrementer(dynamo, tables.sequences(), SEQUENCE_NAME);
    }

    public void setJobExecutionIncrementer(DataFieldMaxValueIncrementer jobExecutionIncrementer) {
        this.jobExecutionIncrementer = jobExecutionIncrementer;
    }

    public void setJobInstanceDao(DynamoDbJobInstanceDao jobInstanceDao) {
        this.jobInstanceDao = jobInstanceDao;
    }

    @Override
    public JobExecution createJobExecution(JobInstance jobInstance, JobParameters jobParameters) {
        Assert.notNull(jobInstance, "JobInstance must not be null.");
        Assert.notNull(jobParameters, "JobParameters must not be null.");
        long id = jobExecutionIncrementer.nextLongValue();
        JobExecution execution = new JobExecution(id, jobInstance, jobParameters);
        execution.incrementVersion();
        converter.toItem(execution, null); // fails on an unconvertible parameter before anything is written
        Integer expectedVersion = jobInstance.getVersion();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> instance = jobInstanceDao.getInstanceItem(jobInstance.getId());
            if (instance == null) {
                throw new NoSuchObjectException("Job instance " + jobInstance.getId() + " does not exist");
            }
            int version = Attributes.intValue(instance, JobInstanceItemConverter.VERSION);
            if (expectedVersion != null && version != expectedVersion) {
                throw concurrentLaunch(jobInstance, "was launched by someone else since it was read");
            }
            Long running = Attributes.optionalLong(instance, RUNNING_EXECUTION);
            if (running != null) {
                Map<String, AttributeValue> runningItem = getItem(running);
                if (runningItem != null
                        && JobExecutionItemConverter.status(runningItem).isRunning()) {
                    throw concurrentLaunch(jobInstance, "already has a running execution " + running);
                }
                clearRunningMarker(jobInstance.getId(), running); // left behind by a crash after the final update
                continue;
            }
            Long previous = Attributes.optionalLong(instance, LAST_EXECUTION);
            dynamo.putItem(b -> b.tableName(table).item(converter.toItem(execution, previous)));
            UpdateExpression claim = new UpdateExpression()
                    .set(RUNNING_EXECUTION, Attributes.n(id))
                    .set(RUNNING_JOB_NAME, Attributes.s(jobInstance.getJobName()))
                    .set(LAST_EXECUTION, Attributes.n(id))
                    .set(JobInstanceItemConverter.VERSION, Attributes.n(version + 1L))
                    .condition("attribute_exists(pk)")
                    .condition("attribute_not_exists(?)", RUNNING_EXECUTION)
                    .condition("? = ?", JobInstanceItemConverter.VERSION, Attributes.n(version));
            try {
                dynamo.updateItem(claim.request(
                        instanceTable, Attributes.key(JobInstanceItemConverter.instanceKey(jobInstance.getId()))));
            } catch (ConditionalCheckFailedException raced) {
                if (!AppliedWrites.holds(
                        jobInstanceDao.getInstanceItem(jobInstance.getId()), RUNNING_EXECUTION, Attributes.n(id))) {
                    dynamo.deleteItem(b -> b.tableName(table).key(Attributes.key(JobExecutionItemConverter.key(id))));
                    continue;
                }
                // the claim was applied by an attempt whose answer was lost: the execution id is ours alone
            }
            jobInstance.setVersion(version + 1);
            return execution;
        }
        throw concurrentLaunch(jobInstance, "could not be claimed: other launches kept changing it");
    }

    @Override
    public void updateJobExecution(JobExecution jobExecution) {
        validate(jobExecution);
        Integer version = jobExecution.getVersion();
        Assert.notNull(
                version, "JobExecution version cannot be null. JobExecution must be saved before it can be updated");
        UpdateExpression update = new UpdateExpression();
        converter.mutableValues(jobExecution).forEach(update::set);
        AttributeValue token = AppliedWrites.newToken();
        update.set(JobExecutionItemConverter.VERSION, Attributes.n(version + 1L))
                .set(AppliedWrites.TOKEN, token)
                .condition("? = ?", JobExecutionItemConverter.VERSION, Attributes.n(version));
        try {
            dynamo.updateItem(
                    update.request(table, Attributes.key(JobExecutionItemConverter.key(jobExecution.getId()))));
        } catch (ConditionalCheckFailedException stale) {
            Map<String, AttributeValue> current = getItem(jobExecution.getId());
            if (current == null) {
                throw new NoSuchObjectException("Invalid JobExecution, ID " + jobExecution.getId() + " not found.");
            }
            if (!AppliedWrites.holds(current, AppliedWrites.TOKEN, token))
                throw new OptimisticLockingFailureException("Attempt to update job execution id=" + jobExecution.getId()
                        + " with wrong version (" + version + "), where current version is "
                        + Attributes.intValue(current, JobExecutionItemConverter.VERSION));
        }
        jobExecution.incrementVersion();
        if (!jobExecution.getStatus().isRunning()) {
            clearRunningMarker(jobExecution.getJobInstanceId(), jobExecution.getId());
        }
    }

    @Override
    public List<JobExecution> findJobExecutions(JobInstance jobInstance) {
        Assert.notNull(jobInstance, "Job instance cannot be null.");
        return executionItems(jobInstance.getId()).stream()
                .map(item -> converter.toJobExecution(item, jobInstance))
                .toList();
    }

    /**
     * The executions of an instance, newest first, by following the chain from the instance's last-execution
     * pointer: every read is strongly consistent, unlike an index.
     */
    List<Map<String, AttributeValue>> executionItems(long jobInstanceId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> instance = jobInstanceDao.getInstanceItem(jobInstanceId);
        if (instance == null) return items;
        Set<Long> seen = new HashSet<>();
        Long next = Attributes.optionalLong(instance, LAST_EXECUTION);
        while (next != null && seen.add(next)) {
            Map<String, AttributeValue> item = getItem(next);
            if (item == null) break;
            items.add(item);
            next = Attributes.optionalLong(item, JobExecutionItemConverter.PREVIOUS_EXECUTION);
        }
        return items;
    }

    @Override
    public JobExecution getLastJobExecution(JobInstance jobInstance) {
        Map<String, AttributeValue> instance = jobInstanceDao.getInstanceItem(jobInstance.getId());
        Long last = instance == null ? null : Attributes.optionalLong(instance, LAST_EXECUTION);
        if (last == null) return null;
        Map<String, AttributeValue> item = getItem(last);
        return item == null ? null : converter.toJobExecution(item, jobInstance);
    }

    @Override
    public Set<JobExecution> findRunningJobExecutions(String jobName) {
        Set<JobExecution> running = new HashSet<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(instanceTable)
                    .indexName(Tables.BATCH_RUNNING_BY_JOB_NAME)
                    .keyConditionExpression("#name = :name")
                    .expressionAttributeNames(Map.of("#name", RUNNING_JOB_NAME))
                    .expressionAttributeValues(Map.of(":name", Attributes.s(jobName)));
            if (startKey != null) query.exclusiveStartKey(startKey);
            QueryResponse response = dynamo.query(query.build());
            for (Map<String, AttributeValue> instanceItem : response.items()) {
                Long executionId = Attributes.optionalLong(instanceItem, RUNNING_EXECUTION);
                Map<String, AttributeValue> item = executionId == null ? null : getItem(executionId);
                if (item != null && JobExecutionItemConverter.status(item).isRunning()) {
                    running.add(converter.toJobExecution(item, JobInstanceItemConverter.toJobInstance(instanceItem)));
                }
            }
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        return running;
    }

    @Override
    public JobExecution getJobExecution(long executionId) {
        Map<String, AttributeValue> item = getItem(executionId);
        if (item == null) return null;
        JobInstance instance =
                jobInstanceDao.getJobInstance(Attributes.longValue(item, JobExecutionItemConverter.JOB_INSTANCE_ID));
        return converter.toJobExecution(item, instance);
    }

    @Override
    public void synchronizeStatus(JobExecution jobExecution) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(Attributes.key(JobExecutionItemConverter.key(jobExecution.getId())))
                        .projectionExpression("#s, #v")
                        .expressionAttributeNames(
                                Map.of("#s", JobExecutionItemConverter.STATUS, "#v", JobExecutionItemConverter.VERSION))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) return;
        int currentVersion = Attributes.intValue(item, JobExecutionItemConverter.VERSION);
        if (jobExecution.getVersion() == null || currentVersion != jobExecution.getVersion()) {
            jobExecution.upgradeStatus(JobExecutionItemConverter.status(item));
            jobExecution.setVersion(currentVersion);
        }
    }

    @Override
    public void deleteJobExecution(JobExecution jobExecution) {
        Map<String, AttributeValue> item = getItem(jobExecution.getId());
        if (item == null) return;
        long instanceId = Attributes.longValue(item, JobExecutionItemConverter.JOB_INSTANCE_ID);
        AttributeValue previous = item.get(JobExecutionItemConverter.PREVIOUS_EXECUTION);
        unlink(instanceId, jobExecution.getId(), previous);
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Attributes.key(JobExecutionItemConverter.key(jobExecution.getId())))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", JobExecutionItemConverter.VERSION))
                    .expressionAttributeValues(Map.of(":v", Attributes.n(jobExecution.getVersion()))));
        } catch (ConditionalCheckFailedException stale) {
            if (getItem(jobExecution.getId()) == null) return; // deleted by an earlier attempt whose answer was lost
            throw new OptimisticLockingFailureException("Attempt to delete job execution id=" + jobExecution.getId()
                    + " with wrong version (" + jobExecution.getVersion() + ")");
        }
    }

    @Override
    public void deleteJobExecutionParameters(JobExecution jobExecution) {
        dynamo.updateItem(new UpdateExpression()
                .remove(JobExecutionItemConverter.PARAMETERS)
                .condition("attribute_exists(pk)")
                .request(table, Attributes.key(JobExecutionItemConverter.key(jobExecution.getId()))));
    }

    Map<String, AttributeValue> getItem(long executionId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(Attributes.key(JobExecutionItemConverter.key(executionId)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** Takes an execution out of its instance's chain (and its marker) before it is deleted. */
    private void unlink(long instanceId, long executionId, AttributeValue previous) {
        Map<String, AttributeValue> instanceKey = Attributes.key(JobInstanceItemConverter.instanceKey(instanceId));
        Map<String, AttributeValue> instance = jobInstanceDao.getInstanceItem(instanceId);
        if (instance == null) return;
        clearRunningMarker(instanceId, executionId);
        Long last = Attributes.optionalLong(instance, LAST_EXECUTION);
        if (last != null && last == executionId) {
            try {
                dynamo.updateItem(new UpdateExpression()
                        .set(LAST_EXECUTION, previous)
                        .condition("? = ?", LAST_EXECUTION, Attributes.n(executionId))
                        .request(instanceTable, instanceKey));
                return;
            } catch (ConditionalCheckFailedException moved) {
                // a new execution was created meanwhile: it is now the successor, found below
            }
        }
        for (Map<String, AttributeValue> item : executionItems(instanceId)) {
            Long itemPrevious = Attributes.optionalLong(item, JobExecutionItemConverter.PREVIOUS_EXECUTION);
            if (itemPrevious != null && itemPrevious == executionId) {
                dynamo.updateItem(new UpdateExpression()
                        .set(JobExecutionItemConverter.PREVIOUS_EXECUTION, previous)
                        .request(
                                table,
                                Attributes.key(JobExecutionItemConverter.key(
                                        Attributes.longValue(item, JobExecutionItemConverter.ID)))));
                return;
            }
        }
    }

    private void clearRunningMarker(long instanceId, long executionId) {
        try {
            dynamo.updateItem(new UpdateExpression()
                    .remove(RUNNING_EXECUTION)
                    .remove(RUNNING_JOB_NAME)
                    .condition("? = ?", RUNNING_EXECUTION, Attributes.n(executionId))
                    .request(instanceTable, Attributes.key(JobInstanceItemConverter.instanceKey(instanceId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // the marker names another execution (or none): leave it
        }
    }

    private static ConcurrentJobLaunchException concurrentLaunch(JobInstance instance, String what) {
        return new ConcurrentJobLaunchException("Job instance " + instance.getId() + " of '" + instance.getJobName()
                + "' " + what + "; this launch did not start");
    }

    private static void validate(JobExecution jobExecution) {
        Assert.notNull(jobExecution, "jobExecution cannot be null");
        Assert.notNull(jobExecution.getStatus(), "JobExecution status cannot be null.");
        Assert.notNull(jobExecution.getCreateTime(), "JobExecution create time cannot be null");
    }
}

package cn.banshi.batch.repository;

import static cn.banshi.batch.repository.JobInstanceItemConverter.ID;
import static cn.banshi.batch.repository.JobInstanceItemConverter.JOB_KEY;
import static cn.banshi.batch.repository.JobInstanceItemConverter.JOB_NAME;
import static cn.banshi.batch.repository.JobInstanceItemConverter.JOB_NAMES;
import static cn.banshi.batch.repository.JobInstanceItemConverter.JOB_NAMES_KEY;

import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.dao.JobInstanceDao;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Job instances (the counterpart of MongoJobInstanceDao). (name, job key) is made unique by a conditional put
 * of a key item; the by-name listings read the {@code by-job-name} index.
 */
public class DynamoDbJobInstanceDao implements JobInstanceDao {
    static final String SEQUENCE_NAME = "BATCH_JOB_INSTANCE_SEQ";

    private final DynamoDbClient dynamo;
    private final String table;
    private DataFieldMaxValueIncrementer jobInstanceIncrementer;
    private JobKeyGenerator jobKeyGenerator = new DefaultJobKeyGenerator();

    public DynamoDbJobInstanceDao(DynamoDbClient dynamo, BatchTables tables) {
        Assert.notNull(dynamo, "DynamoDbClient must not be null.");
        this.dynamo = dynamo;
        this.table = tables.jobInstances();
        this.jobInstanceIncrementer = new DynamoDbSequenceIncrementer(dynamo, tables.sequences(), SEQUENCE_NAME);
    }

    public void setJobKeyGenerator(JobKeyGenerator jobKeyGenerator) {
        this.jobKeyGenerator = jobKeyGenerator;
    }

    public void setJobInstanceIncrementer(DataFieldMaxValueIncrementer jobInstanceIncrementer) {
        this.jobInstanceIncrementer = jobInstanceIncrementer;
    }

    @Override
    public JobInstance createJobInstance(String jobName, JobParameters jobParameters) {
        Assert.notNull(jobName, "Job name must not be null.");
        Assert.notNull(jobParameters, "JobParameters must not be null.");
        String jobKey = jobKeyGenerator.generateKey(jobParameters);
        long id = jobInstanceIncrementer.nextLongValue();
        dynamo.updateItem(new UpdateExpression()
                .add(JOB_NAMES, AttributeValue.fromSs(List.of(jobName)))
                .request(table, Attributes.key(JOB_NAMES_KEY)));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(JobInstanceItemConverter.instanceItem(id, jobName, jobKey))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // the id comes from a sequence: only this put, applied by an earlier attempt, can have stored it
            if (!AppliedWrites.holds(getInstanceItem(id), JOB_KEY, Attributes.s(jobKey))) throw exists;
        }
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(JobInstanceItemConverter.keyItem(id, jobName, jobKey))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException lost) {
            if (AppliedWrites.holds(get(JobInstanceItemConverter.uniqueKey(jobName, jobKey)), ID, Attributes.n(id))) {
                JobInstance instance = new JobInstance(id, jobName);
                instance.setVersion(0);
                return instance;
            }
            dynamo.deleteItem(b -> b.tableName(table).key(Attributes.key(JobInstanceItemConverter.instanceKey(id))));
            throw new ConcurrentJobLaunchException("A job instance of '" + jobName
                    + "' with these identifying parameters already exists (created by a concurrent launch)");
        }
        JobInstance instance = new JobInstance(id, jobName);
        instance.setVersion(0);
        return instance;
    }

    @Override
    public JobInstance getJobInstance(String jobName, JobParameters jobParameters) {
        Assert.notNull(jobName, "Job name must not be null.");
        Assert.notNull(jobParameters, "JobParameters must not be null.");
        String jobKey = jobKeyGenerator.generateKey(jobParameters);
        Map<String, AttributeValue> keyItem = get(JobInstanceItemConverter.uniqueKey(jobName, jobKey));
        return keyItem == null ? null : getJobInstance(Attributes.longValue(keyItem, ID));
    }

    @Override
    public JobInstance getJobInstance(long instanceId) {
        Map<String, AttributeValue> item = getInstanceItem(instanceId);
        return item == null ? null : JobInstanceItemConverter.toJobInstance(item);
    }

    @Override
    public JobInstance getJobInstance(JobExecution jobExecution) {
        return getJobInstance(jobExecution.getJobInstanceId());
    }

    /** The instance item with its launch state, read strongly consistently; null if there is none. */
    Map<String, AttributeValue> getInstanceItem(long instanceId) {
        return get(JobInstanceItemConverter.instanceKey(instanceId));
    }

    @Override
    public List<JobInstance> getJobInstances(String jobName, int start, int count) {
        List<JobInstance> page = new ArrayList<>();
        if (count <= 0) return page;
        int skipped = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = dynamo.query(byName(jobName, startKey).build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (skipped < start) {
                    skipped++;
                } else if (page.size() < count) {
                    page.add(JobInstanceItemConverter.toJobInstance(item));
                }
            }
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null && page.size() < count);
        return page;
    }

    @Override
    public List<JobInstance> getJobInstances(String jobName) {
        return getJobInstances(jobName, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<Long> getJobInstanceIds(String jobName) {
        return getJobInstances(jobName).stream().map(JobInstance::getId).toList();
    }

    @Override
    public JobInstance getLastJobInstance(String jobName) {
        List<JobInstance> last = getJobInstances(jobName, 0, 1);
        return last.isEmpty() ? null : last.get(0);
    }

    @Override
    public List<String> getJobNames() {
        Map<String, AttributeValue> item = get(JOB_NAMES_KEY);
        if (item == null || !item.containsKey(JOB_NAMES)) return List.of();
        return item.get(JOB_NAMES).ss().stream().sorted().toList();
    }

    /** @deprecated as in Spring Batch 6.0; use {@link #getJobInstances(String, int, int)}. */
    @Deprecated
    @Override
    public List<JobInstance> findJobInstancesByName(String jobName, int start, int count) {
        return getJobInstances(jobName, start, count);
    }

    @Override
    public long getJobInstanceCount(String jobName) throws NoSuchJobException {
        long count = countByName(jobName);
        if (count == 0) throw new NoSuchJobException("No job instances were found for job name " + jobName);
        return count;
    }

    @Override
    public void deleteJobInstance(JobInstance jobInstance) {
        Map<String, AttributeValue> item = getInstanceItem(jobInstance.getId());
        if (item == null) return;
        String jobName = Attributes.string(item, JOB_NAME);
        // the key item first: a crash in between leaves an unreachable instance item, never a key without instance
        dynamo.deleteItem(b -> b.tableName(table)
                .key(Attributes.key(JobInstanceItemConverter.uniqueKey(jobName, Attributes.string(item, JOB_KEY)))));
        dynamo.deleteItem(
                b -> b.tableName(table).key(Attributes.key(JobInstanceItemConverter.instanceKey(jobInstance.getId()))));
        if (countByName(jobName) == 0) {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Attributes.key(JOB_NAMES_KEY))
                    .updateExpression("DELETE #names :name")
                    .expressionAttributeNames(Map.of("#names", JOB_NAMES))
                    .expressionAttributeValues(Map.of(":name", AttributeValue.fromSs(List.of(jobName)))));
        }
    }

    private long countByName(String jobName) {
        long count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response =
                    dynamo.query(byName(jobName, startKey).select(Select.COUNT).build());
            count += response.count();
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        return count;
    }

    private QueryRequest.Builder byName(String jobName, Map<String, AttributeValue> startKey) {
        QueryRequest.Builder builder = QueryRequest.builder()
                .tableName(table)
                .indexName(Tables.BATCH_INSTANCES_BY_JOB_NAME)
                .keyConditionExpression("#name = :name")
                .expressionAttributeNames(Map.of("#name", JOB_NAME))
                .expressionAttributeValues(Map.of(":name", Attributes.s(jobName)))
                .scanIndexForward(false);
        if (startKey != null) builder.exclusiveStartKey(startKey);
        return builder;
    }

    private Map<String, AttributeValue> get(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Attributes.key(pk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }
}

package cn.banshi.batch.repository;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Job instance items. The instance item (pk {@code instance#<id>}) carries the mutable launch state: the last
 * execution id (head of the execution chain), the running-execution marker and a version that every launch
 * increments. The key item (pk {@code key#<name>#<jobKey>}) makes (name, job key) unique.
 */
final class JobInstanceItemConverter {
    static final String ID = "id";
    static final String JOB_NAME = "jobName";
    static final String JOB_KEY = "jobKey";
    static final String VERSION = "version";
    static final String ORDER = "instanceOrder";
    static final String LAST_EXECUTION = "lastExecutionId";
    static final String RUNNING_EXECUTION = "runningExecutionId";
    static final String RUNNING_JOB_NAME = "runningJobName";
    static final String JOB_NAMES_KEY = "job-names";
    static final String JOB_NAMES = "names";

    private JobInstanceItemConverter() {}

    static String instanceKey(long id) {
        return "instance#" + id;
    }

    static String uniqueKey(String jobName, String jobKey) {
        return "key#" + jobName + "#" + jobKey;
    }

    static Map<String, AttributeValue> instanceItem(long id, String jobName, String jobKey) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", Attributes.s(instanceKey(id)));
        item.put(ID, Attributes.n(id));
        item.put(JOB_NAME, Attributes.s(jobName));
        item.put(JOB_KEY, Attributes.s(jobKey));
        item.put(ORDER, Attributes.s(Attributes.sortable(id)));
        item.put(VERSION, Attributes.n(0));
        return item;
    }

    static Map<String, AttributeValue> keyItem(long id, String jobName, String jobKey) {
        return Map.of(
                "pk", Attributes.s(uniqueKey(jobName, jobKey)), ID, Attributes.n(id), JOB_NAME, Attributes.s(jobName));
    }

    static JobInstance toJobInstance(Map<String, AttributeValue> item) {
        JobInstance instance = new JobInstance(Attributes.longValue(item, ID), Attributes.string(item, JOB_NAME));
        instance.setVersion(Attributes.intValue(item, VERSION));
        return instance;
    }
}

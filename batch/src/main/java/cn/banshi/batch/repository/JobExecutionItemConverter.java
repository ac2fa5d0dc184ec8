package cn.banshi.batch.repository;

import static cn.banshi.batch.repository.Attributes.n;
import static cn.banshi.batch.repository.Attributes.s;
import static cn.banshi.batch.repository.Attributes.time;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Job execution items (pk: the execution id). {@code previousExecutionId} links an instance's executions. */
public final class JobExecutionItemConverter {
    static final String ID = "id";
    static final String JOB_INSTANCE_ID = "jobInstanceId";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String EXIT_CODE = "exitCode";
    static final String EXIT_DESCRIPTION = "exitDescription";
    static final String CREATE_TIME = "createTime";
    static final String START_TIME = "startTime";
    static final String END_TIME = "endTime";
    static final String LAST_UPDATED = "lastUpdated";
    static final String PARAMETERS = "parameters";
    static final String PREVIOUS_EXECUTION = "previousExecutionId";

    private final JobParameterItemConverter parameters;
    private final int exitMessageLength;

    public JobExecutionItemConverter(JobParameterItemConverter parameters, int exitMessageLength) {
        this.parameters = parameters;
        this.exitMessageLength = exitMessageLength;
    }

    static String key(long id) {
        return Long.toString(id);
    }

    Map<String, AttributeValue> toItem(JobExecution execution, Long previousExecutionId) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(key(execution.getId())));
        item.put(ID, n(execution.getId()));
        item.put(JOB_INSTANCE_ID, n(execution.getJobInstanceId()));
        item.put(VERSION, n(execution.getVersion()));
        item.put(PARAMETERS, parameters.toAttribute(execution.getJobParameters()));
        item.put(PREVIOUS_EXECUTION, previousExecutionId == null ? null : n(previousExecutionId));
        mutableValues(execution).forEach(item::put);
        return Attributes.item(item);
    }

    /** The attributes an update rewrites (null: remove). */
    Map<String, AttributeValue> mutableValues(JobExecution execution) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(STATUS, s(execution.getStatus().name()));
        ExitStatus exit = execution.getExitStatus();
        values.put(EXIT_CODE, exit == null ? null : s(exit.getExitCode()));
        values.put(EXIT_DESCRIPTION, exit == null ? null : s(truncate(exit.getExitDescription())));
        values.put(CREATE_TIME, time(execution.getCreateTime()));
        values.put(START_TIME, time(execution.getStartTime()));
        values.put(END_TIME, time(execution.getEndTime()));
        values.put(LAST_UPDATED, time(execution.getLastUpdated()));
        return values;
    }

    JobExecution toJobExecution(Map<String, AttributeValue> item, JobInstance instance) {
        JobExecution execution = new JobExecution(
                Attributes.longValue(item, ID), instance, parameters.toJobParameters(item.get(PARAMETERS)));
        execution.setStatus(BatchStatus.valueOf(Attributes.string(item, STATUS)));
        String exitCode = Attributes.string(item, EXIT_CODE);
        if (exitCode != null) {
            String description = Attributes.string(item, EXIT_DESCRIPTION);
            execution.setExitStatus(new ExitStatus(exitCode, description == null ? "" : description));
        }
        execution.setCreateTime(Attributes.time(item, CREATE_TIME));
        execution.setStartTime(Attributes.time(item, START_TIME));
        execution.setEndTime(Attributes.time(item, END_TIME));
        execution.setLastUpdated(Attributes.time(item, LAST_UPDATED));
        execution.setVersion(Attributes.intValue(item, VERSION));
        return execution;
    }

    static BatchStatus status(Map<String, AttributeValue> item) {
        return BatchStatus.valueOf(Attributes.string(item, STATUS));
    }

    private String truncate(String description) {
        if (description == null) return "";
        return description.length() <= exitMessageLength ? description : description.substring(0, exitMessageLength);
    }
}

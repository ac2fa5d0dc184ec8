package cn.banshi.batch.repository;

import static cn.banshi.batch.repository.Attributes.n;
import static cn.banshi.batch.repository.Attributes.s;
import static cn.banshi.batch.repository.Attributes.time;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Step execution items: pk the job execution id, sk the step execution id (fixed width), so that the steps of
 * one job execution are one strongly consistent Query; {@code stepExecutionKey} feeds the by-id index.
 */
public final class StepExecutionItemConverter {
    static final String ID = "id";
    static final String ID_KEY = "stepExecutionKey";
    static final String JOB_EXECUTION_ID = "jobExecutionId";
    static final String NAME = "name";
    static final String VERSION = "version";
    static final String STATUS = "status";

    private final int exitMessageLength;

    public StepExecutionItemConverter(int exitMessageLength) {
        this.exitMessageLength = exitMessageLength;
    }

    static Map<String, AttributeValue> key(long jobExecutionId, long stepExecutionId) {
        return Attributes.key(Long.toString(jobExecutionId), Attributes.sortable(stepExecutionId));
    }

    Map<String, AttributeValue> toItem(StepExecution step) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(step.getJobExecutionId(), step.getId()));
        item.put(ID, n(step.getId()));
        item.put(ID_KEY, s(Long.toString(step.getId())));
        item.put(JOB_EXECUTION_ID, n(step.getJobExecutionId()));
        item.put(NAME, s(step.getStepName()));
        item.put(VERSION, n(step.getVersion()));
        mutableValues(step).forEach(item::put);
        return Attributes.item(item);
    }

    Map<String, AttributeValue> mutableValues(StepExecution step) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(STATUS, s(step.getStatus().name()));
        values.put("readCount", n(step.getReadCount()));
        values.put("writeCount", n(step.getWriteCount()));
        values.put("commitCount", n(step.getCommitCount()));
        values.put("rollbackCount", n(step.getRollbackCount()));
        values.put("readSkipCount", n(step.getReadSkipCount()));
        values.put("processSkipCount", n(step.getProcessSkipCount()));
        values.put("writeSkipCount", n(step.getWriteSkipCount()));
        values.put("filterCount", n(step.getFilterCount()));
        ExitStatus exit = step.getExitStatus();
        values.put("exitCode", exit == null ? null : s(exit.getExitCode()));
        values.put("exitDescription", exit == null ? null : s(truncate(exit.getExitDescription())));
        values.put("createTime", time(step.getCreateTime()));
        values.put("startTime", time(step.getStartTime()));
        values.put("endTime", time(step.getEndTime()));
        values.put("lastUpdated", time(step.getLastUpdated()));
        values.put("terminateOnly", step.isTerminateOnly() ? AttributeValue.fromBool(true) : null);
        return values;
    }

    StepExecution toStepExecution(Map<String, AttributeValue> item, JobExecution jobExecution) {
        StepExecution step =
                new StepExecution(Attributes.longValue(item, ID), Attributes.string(item, NAME), jobExecution);
        step.setStatus(BatchStatus.valueOf(Attributes.string(item, STATUS)));
        step.setReadCount(Attributes.longValue(item, "readCount"));
        step.setWriteCount(Attributes.longValue(item, "writeCount"));
        step.setCommitCount(Attributes.longValue(item, "commitCount"));
        step.setRollbackCount(Attributes.longValue(item, "rollbackCount"));
        step.setReadSkipCount(Attributes.longValue(item, "readSkipCount"));
        step.setProcessSkipCount(Attributes.longValue(item, "processSkipCount"));
        step.setWriteSkipCount(Attributes.longValue(item, "writeSkipCount"));
        step.setFilterCount(Attributes.longValue(item, "filterCount"));
        String exitCode = Attributes.string(item, "exitCode");
        if (exitCode != null) {
            String description = Attributes.string(item, "exitDescription");
            step.setExitStatus(new ExitStatus(exitCode, description == null ? "" : description));
        }
        step.setCreateTime(Attributes.time(item, "createTime"));
        step.setStartTime(Attributes.time(item, "startTime"));
        step.setEndTime(Attributes.time(item, "endTime"));
        step.setLastUpdated(Attributes.time(item, "lastUpdated"));
        if (Attributes.bool(item, "terminateOnly")) step.setTerminateOnly();
        step.setVersion(Attributes.intValue(item, VERSION));
        return step;
    }

    private String truncate(String description) {
        if (description == null) return "";
        return description.length() <= exitMessageLength ? description : description.substring(0, exitMessageLength);
    }
}

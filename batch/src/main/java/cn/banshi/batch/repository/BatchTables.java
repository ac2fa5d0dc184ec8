package cn.banshi.batch.repository;

import cn.banshi.store.Tables;

/** The physical table and index names of the job repository, resolved once (the prefix is read at creation). */
public record BatchTables(
        String jobInstances, String jobExecutions, String stepExecutions, String executionContexts, String sequences) {

    public static BatchTables fromConfiguration() {
        return new BatchTables(
                Tables.physical(Tables.BATCH_JOB_INSTANCES),
                Tables.physical(Tables.BATCH_JOB_EXECUTIONS),
                Tables.physical(Tables.BATCH_STEP_EXECUTIONS),
                Tables.physical(Tables.BATCH_EXECUTION_CONTEXTS),
                Tables.physical(Tables.BATCH_SEQUENCES));
    }
}

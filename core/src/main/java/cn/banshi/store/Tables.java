package cn.banshi.store;

import cn.banshi.store.TableSpec.IndexSpec;
import java.util.List;

/**
 * The one place that names tables, keys and indexes. The SAM template (infra/template.yaml) declares the
 * same names; a test compares the two. Table names carry a prefix (env BANSHI_TABLE_PREFIX, default
 * "banshi-") so that several stages can share an account.
 */
public final class Tables {
    public static final String PREFIX_ENV = "BANSHI_TABLE_PREFIX";

    /** Cases: one item per case (status, version, history and personal data together: single-item atomicity). */
    public static final String CASES = "cases";

    public static final String CASES_BY_TOWN = "by-town";
    public static final String CASES_BY_VILLAGE = "by-village";
    public static final String CASES_BY_TYPE = "by-type";
    public static final String CASES_BY_STATUS = "by-status";
    /** Sparse: only open cases carry {@code openTown}; sorted by due date, for overdue queries and the sweep. */
    public static final String CASES_OPEN_BY_DUE = "open-by-due";
    /**
     * Sparse: only open cases of the public (hotline) types carry {@code openCategory} ({@code <town>#<category>}),
     * newest first by {@code receivedKey}: the candidates of the similar-case suggestions (issue 19).
     */
    public static final String CASES_OPEN_BY_CATEGORY = "open-by-category";
    /** Sparse: only cases with messages waiting for the dispatcher carry {@code noticeTown} (the outbox). */
    public static final String CASES_WITH_NOTICES = "pending-notices";

    /**
     * Messages to citizens and staff, one item per message (pk: the message id), with their state; read through the
     * sparse {@code pendingTown} index (waiting to be sent, by when), per town and per case.
     */
    public static final String MESSAGES = "messages";

    public static final String MESSAGES_PENDING = "pending";
    public static final String MESSAGES_BY_TOWN = "by-town";
    public static final String MESSAGES_BY_CASE = "by-case";

    /**
     * Short-lived records with an expiry attribute (TTL): idempotency claims, tracking-attempt counters, spam blocks,
     * phone verification codes (as salted hashes) and their rate counters.
     */
    public static final String EPHEMERAL = "ephemeral";

    public static final String EXPIRES_AT = "expiresAt";

    /** Audit log of views of personal data and staff actions, per town. */
    public static final String AUDIT = "audit";

    /** Per-town records: calendars, settings, activities, plan items, disclosure figures, alerts, reports. */
    public static final String RECORDS = "records";

    /**
     * Staff accounts, keyed by username (unique across towns): the directory (role, village, contact details,
     * enabled) in AWS and locally, plus the local credentials; listed per town by {@link #STAFF_BY_TOWN}.
     */
    public static final String STAFF = "staff";

    public static final String STAFF_BY_TOWN = "staff-by-town";

    /**
     * Person lookups by keyed beacon (issue 18): pk {@code <town>#<beacon>}, sk the tracking number. No plaintext:
     * a beacon is a truncated HMAC of a phone or ID number (cn.banshi.personaldata.Beacons).
     */
    public static final String PEOPLE = "people";

    /**
     * The Spring Batch job repository (cn.banshi.batch.repository). Instance items carry the "running
     * execution" marker; only running instances carry {@code runningJobName} (sparse index).
     */
    public static final String BATCH_JOB_INSTANCES = "batch-job-instances";

    public static final String BATCH_INSTANCES_BY_JOB_NAME = "by-job-name";
    public static final String BATCH_RUNNING_BY_JOB_NAME = "running-by-job-name";
    public static final String BATCH_JOB_EXECUTIONS = "batch-job-executions";
    /** Step executions partitioned by job execution (pk) and ordered by id (sk). */
    public static final String BATCH_STEP_EXECUTIONS = "batch-step-executions";

    public static final String BATCH_STEP_EXECUTIONS_BY_ID = "by-step-execution-id";
    public static final String BATCH_EXECUTION_CONTEXTS = "batch-execution-contexts";
    /** Id sequences: one item per sequence, incremented with ADD. */
    public static final String BATCH_SEQUENCES = "batch-sequences";

    private Tables() {}

    public static List<TableSpec> all() {
        return List.of(
                new TableSpec(
                        CASES,
                        "pk",
                        null,
                        List.of(
                                new IndexSpec(CASES_BY_TOWN, "town", "receivedKey"),
                                new IndexSpec(CASES_BY_VILLAGE, "townVillage", "receivedKey"),
                                new IndexSpec(CASES_BY_TYPE, "townType", "receivedKey"),
                                new IndexSpec(CASES_BY_STATUS, "townStatus", "receivedKey"),
                                new IndexSpec(CASES_OPEN_BY_DUE, "openTown", "dueKey"),
                                new IndexSpec(CASES_WITH_NOTICES, "noticeTown", "noticeKey"),
                                new IndexSpec(CASES_OPEN_BY_CATEGORY, "openCategory", "receivedKey")),
                        null),
                new TableSpec(
                        MESSAGES,
                        "pk",
                        null,
                        List.of(
                                new IndexSpec(MESSAGES_PENDING, "pendingTown", "sendAfterKey"),
                                new IndexSpec(MESSAGES_BY_TOWN, "town", "createdKey"),
                                new IndexSpec(MESSAGES_BY_CASE, "trackingNo", "createdKey")),
                        null),
                new TableSpec(EPHEMERAL, "pk", null, List.of(), EXPIRES_AT),
                new TableSpec(AUDIT, "pk", "sk", List.of(), null),
                new TableSpec(RECORDS, "pk", "sk", List.of(), null),
                new TableSpec(STAFF, "username", null, List.of(new IndexSpec(STAFF_BY_TOWN, "town", "username")), null),
                new TableSpec(PEOPLE, "pk", "sk", List.of(), null),
                new TableSpec(
                        BATCH_JOB_INSTANCES,
                        "pk",
                        null,
                        List.of(
                                new IndexSpec(BATCH_INSTANCES_BY_JOB_NAME, "jobName", "instanceOrder"),
                                new IndexSpec(BATCH_RUNNING_BY_JOB_NAME, "runningJobName", "instanceOrder")),
                        null),
                new TableSpec(BATCH_JOB_EXECUTIONS, "pk", null, List.of(), null),
                new TableSpec(
                        BATCH_STEP_EXECUTIONS,
                        "pk",
                        "sk",
                        List.of(new IndexSpec(BATCH_STEP_EXECUTIONS_BY_ID, "stepExecutionKey", null)),
                        null),
                new TableSpec(BATCH_EXECUTION_CONTEXTS, "pk", null, List.of(), null),
                new TableSpec(BATCH_SEQUENCES, "pk", null, List.of(), null));
    }

    public static TableSpec spec(String logicalName) {
        return all().stream()
                .filter(t -> t.name().equals(logicalName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table " + logicalName));
    }

    /** The physical name of a table, with the configured prefix. */
    public static String physical(String logicalName) {
        String prefix = System.getenv(PREFIX_ENV);
        if (prefix == null) prefix = System.getProperty("banshi.tablePrefix", "banshi-");
        return prefix + logicalName;
    }
}

package cn.banshi.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every status a case can have, across the four workflow families. One enum rather than one per family: the families
 * share six of the sixteen codes (submitted, accepted, rejected, resolved, closed, in-progress), and the record, the
 * index keys and the views treat a status the same whatever the family. Which statuses a family uses is the
 * workflow's business ({@code cn.banshi.workflow}). Chinese names: {@link CaseStatuses}.
 */
public enum CaseStatus {
    SUBMITTED("submitted", false),
    ACCEPTED("accepted", false),
    REJECTED("rejected", true),
    ASSIGNED("assigned", false),
    REPLIED("replied", false),
    RESOLVED("resolved", true),
    CLOSED("closed", true),
    MEDIATING("mediating", false),
    REGISTERED("registered", false),
    FORWARDED("forwarded", false),
    IN_PROGRESS("in-progress", false),
    UNDER_REVIEW("under-review", false),
    AWAITING_CORRECTION("awaiting-correction", false),
    CONSULTING_THIRD_PARTY("consulting-third-party", false),
    ANSWERED("answered", true),
    WITHDRAWN("withdrawn", true),
    /** Merged as a duplicate into another case of the same type and town (merge-as-duplicate; docs/duplicates.md). */
    MERGED("merged", true);

    private final String code;
    private final boolean finished;

    CaseStatus(String code, boolean finished) {
        this.code = code;
        this.finished = finished;
    }

    /** The code stored in the item and shown in the API. */
    public String code() {
        return code;
    }

    /** Open statuses are all but rejected, resolved, closed, answered, withdrawn and merged. */
    public boolean isOpen() {
        return !finished;
    }

    public String nameZh() {
        return CaseStatuses.nameZh(code);
    }

    @Override
    public String toString() {
        return code;
    }

    public static Optional<CaseStatus> find(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static CaseStatus fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown case status " + code));
    }
}

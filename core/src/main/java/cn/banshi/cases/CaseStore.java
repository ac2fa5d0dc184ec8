package cn.banshi.cases;

import cn.banshi.calendar.ChinaTime;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/** Port to the case table. */
public interface CaseStore {

    /**
     * Writes a new case. {@code idempotencyRef} names the idempotency claim that owns the tracking number:
     * a retry that took the claim over may overwrite a case written under the same claim, nothing else.
     *
     * @throws TrackingNumberTakenException when the number belongs to another case
     */
    void create(CaseRecord record, String idempotencyRef);

    Optional<CaseRecord> find(String trackingNo);

    /**
     * Replaces the case with its next version if the stored version is still {@code next.version() - 1}.
     *
     * @throws VersionConflictException when someone else changed it first
     */
    void update(CaseRecord next);

    /** A page of a town's cases through the indexes (never a Scan). */
    CaseListPage list(CaseQuery query);

    /**
     * Streams the figures-relevant facts of a town's cases (or one village's when {@code village} is set)
     * received between the two dates inclusive, through the received-date indexes, one page at a time.
     */
    void forEachFacts(String town, String village, LocalDate from, LocalDate to, Consumer<CaseFacts> consumer);

    /** How many open cases of a town (or village) are due before {@code bound}: a COUNT query on the index. */
    int countOpenDueBefore(String town, String village, LocalDate bound);

    /** Streams the open cases of a town whose due date is before {@code bound}, soonest due first. */
    void forEachOpenDueBefore(String town, LocalDate bound, Consumer<CaseRecord> consumer);

    /** Streams the open cases of a town due on or after {@code from} (those a newly loaded year can move). */
    void forEachOpenDueFrom(String town, LocalDate from, Consumer<CaseRecord> consumer);

    /**
     * Streams the cases of a town received on or after {@code receivedFrom} that an earlier version stored without a
     * due date ({@code details.dueDatePending}), through the town index with a filter (never a Scan).
     */
    void forEachDuePending(String town, LocalDate receivedFrom, Consumer<CaseRecord> consumer);

    /**
     * Streams a town's cases merged as duplicates on or after {@code mergedSince} (Beijing date), through the status
     * index (never a Scan): the merge repair's candidates.
     */
    default void forEachMerged(String town, LocalDate mergedSince, Consumer<CaseRecord> consumer) {
        String cursor = null;
        do {
            CaseListPage page = list(new CaseQuery(
                    town, null, CaseStatus.MERGED.code(), null, null, null, null, null, null, false, 100, cursor));
            for (CaseRecord c : page.items()) {
                if (!c.isMergedDuplicate()) continue;
                LocalDate mergedOn = LocalDate.ofInstant(c.links().mergedInto().at(), ChinaTime.ZONE);
                if (!mergedOn.isBefore(mergedSince)) consumer.accept(c);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /**
     * Streams a town's cases in the finished {@code status} received before {@code receivedBefore}, whose personal
     * attributes are not erased and that are not held, through the by-status index with a filter (the retention job;
     * never a Scan).
     */
    void forEachErasable(String town, CaseStatus status, LocalDate receivedBefore, Consumer<CaseRecord> consumer);

    class VersionConflictException extends RuntimeException {
        public VersionConflictException() {
            super("Stale version", null, false, false);
        }
    }

    class TrackingNumberTakenException extends RuntimeException {
        public TrackingNumberTakenException(String trackingNo) {
            super("Tracking number already used", null, false, false);
        }
    }
}

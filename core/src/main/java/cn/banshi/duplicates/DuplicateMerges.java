package cn.banshi.duplicates;

import cn.banshi.auth.Staff;
import cn.banshi.calendar.CalendarService;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.Merge;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.notifications.CaseNotices;
import cn.banshi.validation.Fields;
import cn.banshi.workflow.ActionContext;
import cn.banshi.workflow.Merging;
import cn.banshi.workflow.Workflows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code merge-as-duplicate} and {@code unmerge} across two case items without transactions (docs/duplicates.md).
 *
 * <p>Merge writes, each with the item's version condition: (1) the duplicate, finished as {@code merged} with a
 * <em>pending</em> link to the original; (2) the original, listing the duplicate (and its filer as a follower);
 * (3) the duplicate, its link completed, with the filer's message. A stop after (1) or (2) leaves a pending duplicate,
 * found by the next action on it or by the daily sweep ({@link #repairTown}), which finishes the merge, or undoes it
 * if the original was meanwhile finished. Unmerge writes (1) the original, no longer listing the duplicate; (2) the
 * duplicate, restored. A stop between leaves a completed duplicate its original does not list: that state only an
 * unmerge makes, and the repair finishes the unmerge.
 */
public final class DuplicateMerges {
    /** How long a merge can be undone, in days from the merge's (Beijing) date. */
    public static final int UNMERGE_DAYS = 30;

    private static final Log LOG = Log.get(DuplicateMerges.class);
    private static final int ATTEMPTS = 5;

    private final CaseStore cases;
    private final CalendarService calendars;
    private final Catalogs catalogs;
    private final Clock clock;
    private final DuplicateFollowers followers;

    public DuplicateMerges(
            CaseStore cases, CalendarService calendars, Catalogs catalogs, Clock clock, DuplicateFollowers followers) {
        this.cases = cases;
        this.calendars = calendars;
        this.catalogs = catalogs;
        this.clock = clock;
        this.followers = followers;
    }

    /** Whether {@code staff} may merge {@code c} now (the console offers it then). */
    public static boolean canMerge(Staff staff, CaseRecord c) {
        return staff.canAct()
                && !c.isSpam()
                && Merging.mergeable(c.type())
                && c.status().isOpen()
                && !c.isMergedDuplicate()
                && c.linksOrNone().duplicates().isEmpty();
    }

    /** Whether {@code staff} may unmerge {@code c} now. */
    public boolean canUnmerge(Staff staff, CaseRecord c) {
        return staff.canAct() && c.isMergedDuplicate() && withinWindow(c.links().mergedInto());
    }

    private boolean withinWindow(Merge merge) {
        LocalDate mergedOn = merge.at().atZone(ChinaTime.ZONE).toLocalDate();
        return !ChinaTime.today(clock).isAfter(mergedOn.plusDays(UNMERGE_DAYS));
    }

    /**
     * Merges {@code d} (at the version the clerk saw, already checked) into the case {@code original} names; returns
     * the duplicate's final version.
     */
    public CaseRecord merge(Staff staff, CaseRecord d, Fields arguments) {
        Fields f = arguments.allowOnly("action", "expectedVersion", "original", "note");
        String raw = f.requiredString("original", 5, 40);
        Optional<String> note = f.optionalString("note", 1, 2000);
        if (!canMerge(staff, d)) {
            if (!d.linksOrNone().duplicates().isEmpty()) throw Errors.mergeHasDuplicates();
            throw Errors.actionNotAllowed(CaseAction.MERGE_AS_DUPLICATE.code(), List.of());
        }
        CaseRecord o = original(staff, d, raw);
        ActionContext context = context(staff.sub(), d.town());
        CaseRecord marked = Merging.markMerged(d, o.trackingNo(), note.orElse(null), context);
        try {
            cases.update(marked);
        } catch (CaseStore.VersionConflictException stale) {
            throw Errors.versionConflict(
                    cases.find(d.trackingNo()).map(CaseRecord::version).orElse(d.version()));
        }
        LOG.info("merge started", "trackingNo", d.trackingNo(), "original", o.trackingNo());
        return finish(marked, context);
    }

    /** The original named by {@code raw}: found, in the staff member's scope, open, of the same type and town. */
    private CaseRecord original(Staff staff, CaseRecord d, String raw) {
        String no = TrackingNumbers.normalizeTrackingNo(raw).orElseThrow(() -> Errors.notFound("original"));
        CaseRecord o = cases.find(no).filter(c -> !c.isSpam()).orElseThrow(() -> Errors.notFound("original"));
        if (!o.town().equals(d.town())) throw Errors.mergeTownMismatch("original");
        if (!staff.covers(o.town(), o.village())) throw Errors.notFound("original");
        if (o.trackingNo().equals(d.trackingNo()))
            throw Errors.mergeTargetNotOpen("original", "不能合并至本件自身", "A case cannot be merged into itself");
        if (o.type() != d.type()) throw Errors.mergeTypeMismatch("original");
        if (!o.status().isOpen() || o.isMergedDuplicate())
            throw Errors.mergeTargetNotOpen(
                    "original", "只能合并至尚在办理中的事项", "The original must be an open case, not finished or merged");
        return o;
    }

    /**
     * Steps (2) and (3) for a duplicate whose merge is pending; undoes the merge when the original cannot take it
     * (finished or merged meanwhile). Returns the duplicate's final version; throws MERGE_TARGET_NOT_OPEN after
     * undoing.
     */
    private CaseRecord finish(CaseRecord d, ActionContext context) {
        Merge merge = d.links().mergedInto();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CaseRecord o = cases.find(merge.original()).orElse(null);
            if (o != null && o.linksOrNone().duplicates().contains(d.trackingNo())) return complete(d);
            if (o == null || !o.status().isOpen() || o.isMergedDuplicate() || o.type() != d.type()) {
                undo(d, context);
                throw Errors.mergeTargetNotOpen(
                        "original",
                        "原事项已办结或已合并，合并未完成，本件已恢复办理",
                        "The original was finished meanwhile; the merge was undone");
            }
            CaseRecord linked = followers.follow(Merging.linkDuplicate(o, d.trackingNo(), context), d);
            try {
                cases.update(linked);
                return complete(d);
            } catch (CaseStore.VersionConflictException changed) {
                // the original moved on (a clerk, the sweep): look at it again
            }
        }
        throw Errors.versionConflict(d.version());
    }

    /** Step (3): the duplicate's link completed and its filer told; idempotent against a concurrent repair. */
    private CaseRecord complete(CaseRecord d) {
        CaseRecord current = d;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!isPendingMerge(current)) return current;
            CaseRecord done =
                    CaseNotices.afterStep(Merging.completeMerge(current, context(Workflows.SYSTEM, d.town())));
            try {
                cases.update(done);
                LOG.info("merge completed", "trackingNo", d.trackingNo());
                return done;
            } catch (CaseStore.VersionConflictException changed) {
                current = cases.find(d.trackingNo()).orElseThrow();
            }
        }
        throw Errors.versionConflict(current.version());
    }

    private void undo(CaseRecord d, ActionContext context) {
        CaseRecord restored = Merging.restore(d, "原事项已办结，合并未完成，本件恢复办理", null, context(Workflows.SYSTEM, d.town()));
        try {
            cases.update(restored);
            LOG.info("merge undone", "trackingNo", d.trackingNo());
        } catch (CaseStore.VersionConflictException changed) {
            // someone else finished or undid it first; the repair looks at it again
        }
    }

    /** Undoes the merge of {@code d} (at the version the clerk saw) within {@value #UNMERGE_DAYS} days. */
    public CaseRecord unmerge(Staff staff, CaseRecord d, Fields arguments) {
        Fields f = arguments.allowOnly("action", "expectedVersion", "note");
        Optional<String> note = f.optionalString("note", 1, 2000);
        if (!d.isMergedDuplicate()) throw Errors.actionNotAllowed(CaseAction.UNMERGE.code(), List.of());
        Merge merge = d.links().mergedInto();
        if (!withinWindow(merge)) throw Errors.unmergeWindowPassed(UNMERGE_DAYS);
        ActionContext context = context(staff.sub(), d.town());
        if (merge.pending()) {
            // a half-done merge: finish it first, so that the original's link exists to be removed
            d = repair(d);
            if (!d.isMergedDuplicate()) return d;
            merge = d.links().mergedInto();
        }
        unlink(d, merge, context);
        CaseRecord restored = Merging.restore(d, "撤销合并，本件恢复办理", note.orElse(null), context);
        try {
            cases.update(CaseNotices.afterStep(restored));
        } catch (CaseStore.VersionConflictException stale) {
            throw Errors.versionConflict(
                    cases.find(d.trackingNo()).map(CaseRecord::version).orElse(d.version()));
        }
        LOG.info("unmerged", "trackingNo", d.trackingNo(), "original", merge.original());
        return restored;
    }

    private void unlink(CaseRecord d, Merge merge, ActionContext context) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CaseRecord o = cases.find(merge.original()).orElse(null);
            if (o == null || !o.linksOrNone().duplicates().contains(d.trackingNo())) return;
            try {
                cases.update(followers.unfollow(Merging.unlinkDuplicate(o, d.trackingNo(), context), d));
                return;
            } catch (CaseStore.VersionConflictException changed) {
                // the original moved on: look at it again
            }
        }
        throw Errors.versionConflict(d.version());
    }

    /** Whether {@code c} is a duplicate whose merge is not complete. */
    public static boolean isPendingMerge(CaseRecord c) {
        return c.isMergedDuplicate() && c.links().mergedInto().pending();
    }

    /**
     * Brings a duplicate left half-way by a stopped merge or unmerge to a consistent state and returns its current
     * version; any other case is returned as it is. A pending merge is finished (or undone if the original was
     * finished); a completed merge its original does not list is a half-done unmerge, which is finished.
     */
    public CaseRecord repair(CaseRecord d) {
        if (!d.isMergedDuplicate()) return d;
        Merge merge = d.links().mergedInto();
        ActionContext system = context(Workflows.SYSTEM, d.town());
        if (merge.pending()) {
            try {
                return finish(d, system);
            } catch (RuntimeException undoneOrBusy) {
                return cases.find(d.trackingNo()).orElse(d);
            }
        }
        CaseRecord o = cases.find(merge.original()).orElse(null);
        if (o != null && o.linksOrNone().duplicates().contains(d.trackingNo())) return d;
        CaseRecord restored = CaseNotices.afterStep(Merging.restore(d, "撤销合并，本件恢复办理", "撤销合并已由系统补全", system));
        try {
            cases.update(restored);
            LOG.info("unmerge completed", "trackingNo", d.trackingNo());
            return restored;
        } catch (CaseStore.VersionConflictException changed) {
            return cases.find(d.trackingNo()).orElse(d);
        }
    }

    /**
     * The daily sweep's pass: repairs the town's duplicates merged in the last {@value #UNMERGE_DAYS} days (and a
     * margin) that are pending or not listed by their original (through the status index, never a Scan). Returns how
     * many it changed.
     */
    public int repairTown(String town) {
        LocalDate since = ChinaTime.today(clock).minusDays(UNMERGE_DAYS + 7L);
        int[] repaired = {0};
        cases.forEachMerged(town, since, d -> {
            if (repair(d).version() != d.version()) repaired[0]++;
        });
        if (repaired[0] > 0) LOG.info("merges repaired", "town", town, "count", repaired[0]);
        return repaired[0];
    }

    private ActionContext context(String actor, String town) {
        return new ActionContext(
                actor,
                clock.instant(),
                calendars.deadlines(),
                catalogs.town(town).orElse(null));
    }
}

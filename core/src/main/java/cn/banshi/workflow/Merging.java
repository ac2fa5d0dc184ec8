package cn.banshi.workflow;

import cn.banshi.calendar.Due;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.Merge;
import cn.banshi.catalog.CaseType;
import java.util.Optional;

/**
 * The case versions a merge as duplicate and its undoing write (docs/duplicates.md): each method gives the next version
 * of one case with one history entry more. The order of the writes and their repair are
 * {@code cn.banshi.duplicates.DuplicateMerges}' business.
 */
public final class Merging {
    /** The outcome of a case merged as a duplicate. */
    public static final String OUTCOME = "duplicate";

    private Merging() {}

    /**
     * Whether a case of {@code type} may be merged as a duplicate: the hotline families and disputes. A petition is
     * refused with the repeat-petition ground at registration and an information request answered
     * {@code not-processed:duplicate}, as their rules say; neither is merged.
     */
    public static boolean mergeable(CaseType type) {
        return type != CaseType.PETITION && type != CaseType.INFO_REQUEST;
    }

    /** Step 1: the duplicate finished as merged into {@code original}, the merge still pending. */
    public static CaseRecord markMerged(CaseRecord d, String original, String note, ActionContext context) {
        CaseEdit edit = new CaseEdit(d, context);
        Merge merge = new Merge(
                original, context.now(), context.actor(), true, d.status(), d.dueDate(), d.dueProvisionalYear());
        edit.links(d.linksOrNone().withMergedInto(merge))
                .status(CaseStatus.MERGED)
                .finish(context.today(), OUTCOME)
                .publicNote("经核实与事项 " + original + " 反映的是同一问题，已合并至该事项办理，请以该查询号查询办理进展");
        if (note != null) edit.note(note);
        return edit.build(CaseAction.MERGE_AS_DUPLICATE);
    }

    /** Step 2: the original lists the duplicate (an internal entry, the status unchanged). */
    public static CaseRecord linkDuplicate(CaseRecord o, String duplicate, ActionContext context) {
        CaseEdit edit = new CaseEdit(o, context);
        edit.links(o.linksOrNone().withDuplicate(duplicate)).note("重复事项 " + duplicate + " 已合并至本件");
        return edit.build(CaseAction.LINK_DUPLICATE);
    }

    /** Step 3: the duplicate's merge is complete (the system's entry; the filer's message goes with it). */
    public static CaseRecord completeMerge(CaseRecord d, ActionContext system) {
        CaseEdit edit = new CaseEdit(d, system);
        edit.links(d.linksOrNone().withMergedInto(d.links().mergedInto().completed()))
                .note("合并完成：原事项已登记本件");
        return edit.build(CaseAction.COMPLETE_MERGE);
    }

    /** Unmerge, step 1: the original no longer lists the duplicate. */
    public static CaseRecord unlinkDuplicate(CaseRecord o, String duplicate, ActionContext context) {
        CaseEdit edit = new CaseEdit(o, context);
        edit.links(o.linksOrNone().withoutDuplicate(duplicate)).note("重复事项 " + duplicate + " 已撤销合并");
        return edit.build(CaseAction.UNLINK_DUPLICATE);
    }

    /**
     * The duplicate as it was before the merge: its status, no resolution, its due date counted again from its stored
     * basis under today's calendar (the date the merge found when the basis is unknown); an overdue mark is cleared
     * when the date moves. {@code publicNote} says why (a clerk's unmerge, or a merge that could not be completed).
     */
    public static CaseRecord restore(CaseRecord d, String publicNote, String note, ActionContext context) {
        Merge merge = d.links().mergedInto();
        CaseEdit edit = new CaseEdit(d, context);
        edit.links(d.linksOrNone().withMergedInto(null))
                .status(merge.statusBefore())
                .reopen();
        CaseRecord reopened = d.toBuilder().status(merge.statusBefore()).build();
        Optional<Due> due = context.catalog() == null
                ? Optional.empty()
                : CaseDeadlines.current(reopened, context.catalog(), context.deadlines());
        Due next = due.orElse(
                merge.dueBefore() == null ? null : new Due(merge.dueBefore(), merge.dueProvisionalYearBefore()));
        if (next == null) {
            edit.noDueDate();
        } else {
            edit.due(next);
            if (!next.date().equals(merge.dueBefore()))
                edit.supervision(edit.details().supervision().withOverdueSince(null));
        }
        edit.publicNote(
                publicNote + (next == null ? "" : "，办理期限 " + next.date() + Due.remarkZh(next.provisionalYear())));
        if (note != null) edit.note(note);
        return edit.build(CaseAction.UNMERGE);
    }
}

package cn.banshi.reports.drafts;

import cn.banshi.reports.ReportKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legal office's layer over a report's generated document, one record per town, year and report
 * ({@link DraftStore}): the block order once staff moved, added or removed blocks ({@code order} empty until
 * then: the generated order), the edits by block id, the removed generated blocks, the approval, and how many
 * versions were published. {@code version} counts the changes (optimistic locking; 0: nothing stored yet).
 */
public record DraftState(
        String town,
        int year,
        ReportKind kind,
        long version,
        List<String> order,
        Map<String, DraftEdit> edits,
        Set<String> removed,
        Approval approval,
        int published,
        String updatedBy,
        Instant updatedAt) {

    public DraftState {
        order = List.copyOf(order);
        edits = Map.copyOf(edits);
        removed = Set.copyOf(removed);
    }

    /**
     * A town admin approved the draft as it was at {@code draftVersion}, over the generated document whose
     * SHA-256 is {@code source} (a new run after the approval needs a new approval).
     */
    public record Approval(long draftVersion, String source, String by, Instant at) {}

    public static DraftState empty(String town, int year, ReportKind kind) {
        return new DraftState(town, year, kind, 0, List.of(), Map.of(), Set.of(), null, 0, null, null);
    }

    /** Whether the approval holds for the draft as it is now: no change since, the same generated document. */
    public boolean approved(String sourceHash) {
        return approval != null
                && approval.draftVersion() == version
                && approval.source().equals(sourceHash);
    }
}

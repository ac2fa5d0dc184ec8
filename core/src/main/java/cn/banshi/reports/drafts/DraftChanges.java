package cn.banshi.reports.drafts;

import cn.banshi.errors.Errors;
import cn.banshi.reports.document.Doc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies one {@link DraftChange} to a draft's layer, checked against the draft as staff see it. */
public final class DraftChanges {
    public static final int MAX_TEXT = 5000;
    public static final int MAX_EDITS = 400;

    private DraftChanges() {}

    /**
     * The layer after {@code change}, its version one higher. {@code blocks}: the merged draft the change was
     * made on. Unknown ids are 404, changes a block does not allow 422.
     */
    public static DraftState apply(
            DraftState state, List<DraftBlock> blocks, DraftChange change, String by, Instant at) {
        Map<String, DraftEdit> edits = new HashMap<>(state.edits());
        Set<String> removed = new HashSet<>(state.removed());
        List<String> order = new ArrayList<>(state.order());
        if (change instanceof DraftChange.Add add) {
            text(add.text());
            if (add.level() < 0 || add.level() > 3) throw Errors.outOfRange("level", "0–3", "0 to 3");
            if (add.after() != null) find(blocks, add.after(), "after");
            if (edits.size() >= MAX_EDITS) throw Errors.draftTooLarge(MAX_EDITS);
            order = materialize(blocks, order);
            order.add(add.after() == null ? 0 : order.indexOf(add.after()) + 1, add.id());
            edits.put(add.id(), new DraftEdit(add.id(), add.level(), add.text(), null, true, by, at));
        } else {
            DraftBlock block = find(blocks, change.id(), "id");
            if (change instanceof DraftChange.Edit edit) {
                if (!block.editable()) throw Errors.blockNotEditable(block.id());
                text(edit.text());
                DraftEdit before = block.edit();
                if (before == null && edits.size() >= MAX_EDITS) throw Errors.draftTooLarge(MAX_EDITS);
                int level = block.block() instanceof Doc.Heading h ? h.level() : 0;
                // an edit is written against the text generated now; an orphan kept by editing becomes staff's own
                boolean added = !block.inRun();
                edits.put(block.id(), new DraftEdit(block.id(), level, edit.text(), block.generated(), added, by, at));
            } else if (change instanceof DraftChange.Remove) {
                if (block.block() instanceof Doc.Signature) throw Errors.blockNotEditable(block.id());
                edits.remove(block.id());
                if (block.inRun()) removed.add(block.id());
                order.remove(block.id());
            } else if (change instanceof DraftChange.Move move) {
                if (move.after() != null) {
                    if (move.after().equals(block.id())) throw Errors.invalidValue("after", "another block's id");
                    find(blocks, move.after(), "after");
                }
                order = materialize(blocks, order);
                order.remove(block.id());
                order.add(move.after() == null ? 0 : order.indexOf(move.after()) + 1, block.id());
            } else if (change instanceof DraftChange.Restore) {
                if (block.edit() == null || !block.inRun()) throw Errors.blockNotEditable(block.id());
                edits.remove(block.id());
            }
        }
        return new DraftState(
                state.town(),
                state.year(),
                state.kind(),
                state.version() + 1,
                order,
                edits,
                removed,
                state.approval(),
                state.published(),
                by,
                at);
    }

    /** Staff's order as it is shown (the merged blocks' ids), kept from now on. */
    private static List<String> materialize(List<DraftBlock> blocks, List<String> order) {
        List<String> shown = new ArrayList<>();
        for (DraftBlock b : blocks) shown.add(b.id());
        return shown;
    }

    private static DraftBlock find(List<DraftBlock> blocks, String id, String field) {
        Optional<DraftBlock> found =
                blocks.stream().filter(b -> b.id().equals(id)).findFirst();
        return found.orElseThrow(() -> Errors.notFound(field));
    }

    private static void text(String text) {
        if (text == null) throw Errors.required("text");
        if (text.isBlank()) throw Errors.blank("text");
        if (text.length() > MAX_TEXT) throw Errors.tooLong("text", MAX_TEXT);
    }
}

package cn.banshi.reports.drafts;

import cn.banshi.reports.document.Doc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The draft as staff see it: the latest generated document with the legal office's layer on top. Blocks keep
 * staff's order; a block the latest run generates that the order does not know yet goes after the generated block
 * it follows in the new document. An edited block keeps staff's text and is flagged when its generated text
 * differs from the one the edit was written against; an edited block the run no longer generates stays,
 * flagged; an unedited block the run no longer generates goes.
 */
public final class DraftMerge {
    private DraftMerge() {}

    public static List<DraftBlock> merge(Doc generated, DraftState state) {
        Map<String, Doc.Block> byId = new HashMap<>();
        List<String> generatedIds = new ArrayList<>();
        for (Doc.Entry e : generated.entries()) {
            byId.put(e.id(), e.block());
            generatedIds.add(e.id());
        }
        List<String> order = order(generatedIds, state);
        List<DraftBlock> blocks = new ArrayList<>();
        for (String id : order) {
            if (state.removed().contains(id)) continue;
            DraftEdit edit = state.edits().get(id);
            Doc.Block block = byId.get(id);
            if (block == null) {
                if (edit == null) continue; // generated earlier, gone now, never edited
                blocks.add(new DraftBlock(id, written(edit), edit, null, false, false, !edit.added()));
            } else if (edit == null) {
                blocks.add(new DraftBlock(id, block, null, text(block), true, false, false));
            } else {
                String now = text(block);
                Doc.Block shown = block instanceof Doc.Heading h
                        ? new Doc.Heading(h.level(), edit.text())
                        : new Doc.Para(edit.text());
                blocks.add(new DraftBlock(id, shown, edit, now, true, !Objects.equals(now, edit.base()), false));
            }
        }
        return blocks;
    }

    /** The document to render: the merged blocks in order, with their ids. */
    public static Doc document(String title, List<DraftBlock> blocks) {
        List<Doc.Entry> entries = new ArrayList<>();
        for (DraftBlock b : blocks) entries.add(new Doc.Entry(b.id(), b.block()));
        return Doc.of(title, entries);
    }

    /** Staff's order with the generated blocks it does not know inserted after their generated predecessor. */
    static List<String> order(List<String> generatedIds, DraftState state) {
        if (state.order().isEmpty()) {
            List<String> order = new ArrayList<>(generatedIds);
            // blocks that were edited and are no longer generated keep a place: after the block before them
            // in no order at all: at the end (only possible before any move; rare)
            for (String id : state.edits().keySet()) if (!order.contains(id)) order.add(id);
            return order;
        }
        LinkedHashSet<String> known = new LinkedHashSet<>(state.order());
        List<String> order = new ArrayList<>(state.order());
        String previous = null;
        for (String id : generatedIds) {
            if (!known.contains(id) && !state.removed().contains(id)) {
                int at = previous == null ? 0 : order.indexOf(previous) + 1;
                order.add(at, id);
                known.add(id);
            }
            if (known.contains(id)) previous = id;
        }
        return order;
    }

    static String text(Doc.Block block) {
        if (block instanceof Doc.Para p) return p.text();
        if (block instanceof Doc.Heading h) return h.text();
        return null;
    }

    private static Doc.Block written(DraftEdit edit) {
        return edit.heading() ? new Doc.Heading(edit.level(), edit.text()) : new Doc.Para(edit.text());
    }
}

package cn.banshi.reports.drafts;

/** One change the legal office makes to a draft. {@code after}: the block to put it after, null for the top. */
public sealed interface DraftChange {
    String id();

    /** New text for a paragraph or heading (generated or added). */
    record Edit(String id, String text) implements DraftChange {}

    /** A new paragraph ({@code level} 0) or heading (1–3); its id is made by the draft. */
    record Add(String id, String after, int level, String text) implements DraftChange {}

    record Remove(String id) implements DraftChange {}

    record Move(String id, String after) implements DraftChange {}

    /** Drops staff's text of a generated block: the generated text shows again. */
    record Restore(String id) implements DraftChange {}
}

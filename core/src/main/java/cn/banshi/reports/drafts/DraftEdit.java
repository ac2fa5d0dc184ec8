package cn.banshi.reports.drafts;

import java.time.Instant;

/**
 * One paragraph or heading as the legal office wrote it: an override of a generated block ({@code base}: the
 * generated text it was written against) or a block staff added ({@code added}, no base). {@code level}: a
 * heading's level (1–3), 0 for a paragraph.
 */
public record DraftEdit(String id, int level, String text, String base, boolean added, String by, Instant at) {
    public boolean heading() {
        return level > 0;
    }
}

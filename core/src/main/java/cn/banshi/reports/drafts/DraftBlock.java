package cn.banshi.reports.drafts;

import cn.banshi.reports.document.Doc;

/**
 * A block of the draft as staff see it: the block to print (with staff's text, if edited), the edit (null if
 * none), the text the latest run generated for it ({@code generated}, null for added blocks, tables, charts and
 * blocks the latest run no longer has), whether the latest run generated it ({@code inRun}), and the flags: {@code changed} (the generated text, and so its figures, changed
 * since the edit was written) and {@code orphan} (an edited block the latest run no longer generates).
 */
public record DraftBlock(
        String id, Doc.Block block, DraftEdit edit, String generated, boolean inRun, boolean changed, boolean orphan) {

    public boolean editable() {
        return block instanceof Doc.Para || block instanceof Doc.Heading;
    }

    public boolean flagged() {
        return changed || orphan;
    }

    /** The text of a paragraph or heading, the caption of a table or chart, the issuer of the signature. */
    public String text() {
        if (block instanceof Doc.Para p) return p.text();
        if (block instanceof Doc.Heading h) return h.text();
        if (block instanceof Doc.Table t) return t.caption() == null ? "" : t.caption();
        if (block instanceof Doc.Chart c) return c.caption();
        if (block instanceof Doc.Signature s) return s.issuer();
        return "";
    }

    public String kind() {
        if (block instanceof Doc.Para) return "para";
        if (block instanceof Doc.Heading) return "heading";
        if (block instanceof Doc.Table) return "table";
        if (block instanceof Doc.Chart) return "chart";
        return "signature";
    }
}

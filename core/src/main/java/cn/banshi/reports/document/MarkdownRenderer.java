package cn.banshi.reports.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * report.md: headings as #, ##, ###; tables as pipe tables with the flat header. Charts are drawn in report.html
 * only (as in report.docx): the reports put their figures in tables next to them.
 */
public final class MarkdownRenderer {
    private MarkdownRenderer() {}

    public static byte[] render(Doc doc) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(inline(doc.title())).append("\n\n");
        for (Doc.Block block : doc.blocks()) {
            if (block instanceof Doc.Heading h) {
                out.append("#".repeat(h.level() + 1))
                        .append(' ')
                        .append(inline(h.text()))
                        .append("\n\n");
            } else if (block instanceof Doc.Para p) {
                out.append(inline(p.text())).append("\n\n");
            } else if (block instanceof Doc.Table t) {
                table(out, t);
            } else if (block instanceof Doc.Chart) {
                // drawn in report.html only
            } else if (block instanceof Doc.Signature s) {
                out.append("<div align=\"right\">\n\n")
                        .append(inline(s.issuer()))
                        .append("  \n")
                        .append(Texts.date(s.date()))
                        .append("\n\n</div>\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder out, Doc.Table t) {
        if (t.caption() != null) out.append("**").append(inline(t.caption())).append("**\n\n");
        row(out, t.flatHeader());
        out.append("|").append("---|".repeat(t.columns())).append('\n');
        // body cells may span rows; repeat nothing, leave the spanned positions empty so columns stay aligned
        int[] pendingRows = new int[t.columns()];
        for (List<Doc.Cell> cells : t.body()) {
            String[] line = new String[t.columns()];
            int col = 0;
            for (Doc.Cell cell : cells) {
                while (col < t.columns() && pendingRows[col] > 0) {
                    line[col] = "";
                    pendingRows[col]--;
                    col++;
                }
                String text = "\u3000".repeat(cell.indent()) + cell.text();
                for (int k = 0; k < cell.colSpan(); k++) {
                    line[col + k] = k == 0 ? text : "";
                    if (cell.rowSpan() > 1) pendingRows[col + k] = cell.rowSpan() - 1;
                }
                col += cell.colSpan();
            }
            while (col < t.columns()) {
                if (pendingRows[col] > 0) pendingRows[col]--;
                line[col++] = "";
            }
            row(out, List.of(line));
        }
        out.append('\n');
        if (t.note() != null) out.append(inline(t.note())).append("\n\n");
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String c : cells)
            out.append(' ').append(inline(c).replace("|", "\\|")).append(" |");
        out.append('\n');
    }

    /** Text is data, not markup: escape what Markdown (and inline HTML) would interpret. */
    static String inline(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '<', '>', '!' ->
                    b.append('\\').append(c);
                case '&' -> b.append("&amp;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

package cn.banshi.reports.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * report.html: one self-contained page (no external resources), every text escaped, charts as inline SVG.
 * Accessible structure: one h1 (the title), heading levels that never skip (a level-3 heading straight under a
 * level-1 one becomes h3), header cells as {@code th} with {@code scope} (col/colgroup in the head; a body row's
 * label, its first cell unless a number, as a row header; a row group's spanning label as a rowgroup header);
 * headings carry their block's id ({@code h-s2.1}), and a table without a caption is labelled by its section's
 * heading.
 */
public final class HtmlRenderer {
    private static final String STYLE = """
            body{font-family:"仿宋_GB2312","FangSong","STFangsong",serif;font-size:16pt;line-height:1.8;max-width:46em;margin:2em auto;padding:0 1em;color:#111}
            h1{font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","SimSun",serif;font-size:22pt;text-align:center;font-weight:normal;line-height:1.5}
            h2{font-family:"黑体","SimHei",sans-serif;font-size:16pt;font-weight:normal;margin:1em 0 .3em;text-indent:2em}
            h3{font-family:"楷体_GB2312","KaiTi","STKaiti",serif;font-size:16pt;font-weight:normal;margin:.6em 0 .2em;text-indent:2em}
            h4{font-size:16pt;font-weight:bold;margin:.4em 0 .2em;text-indent:2em}
            p{text-indent:2em;margin:.2em 0;text-align:justify}
            table{border-collapse:collapse;margin:1em 0;font-size:10.5pt;line-height:1.4;width:100%}
            th,td{border:1px solid #333;padding:.25em .4em}th{font-weight:normal;background:#f4f4f4}tbody th{background:none;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}caption{font-weight:bold;margin-bottom:.3em}
            figure{margin:1em 0;text-align:center}figcaption{font-size:12pt}
            .note{font-size:12pt;text-indent:0}.sig{text-align:right;margin-top:2em;text-indent:0}
            svg text{font-family:sans-serif}
            """;

    private HtmlRenderer() {}

    public static byte[] render(Doc doc) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(doc.title()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(doc.title()))
                .append("</h1>\n");
        int previous = 1;
        String section = null;
        for (Doc.Entry entry : doc.entries()) {
            Doc.Block block = entry.block();
            if (block instanceof Doc.Heading h) {
                int level = Math.min(h.level() + 1, previous + 1);
                previous = level;
                section = "h-" + entry.id();
                out.append("<h")
                        .append(level)
                        .append(" id=\"")
                        .append(escape(section))
                        .append("\">")
                        .append(escape(h.text()))
                        .append("</h")
                        .append(level)
                        .append(">\n");
            } else if (block instanceof Doc.Para p) {
                out.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Doc.Table t) {
                table(out, t, section);
            } else if (block instanceof Doc.Chart c) {
                out.append(SvgCharts.figure(c));
            } else if (block instanceof Doc.Signature s) {
                out.append("<p class=\"sig\">")
                        .append(escape(s.issuer()))
                        .append("<br>")
                        .append(escape(Texts.date(s.date())))
                        .append("</p>\n");
            }
        }
        out.append("</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A table without a caption is named by its section's heading ({@code section}: that heading's id). */
    private static void table(StringBuilder out, Doc.Table t, String section) {
        if (t.caption() == null && section != null)
            out.append("<table aria-labelledby=\"").append(escape(section)).append("\">\n");
        else out.append("<table>\n");
        if (t.caption() != null)
            out.append("<caption>").append(escape(t.caption())).append("</caption>\n");
        boolean headless = t.head().isEmpty();
        if (!headless) {
            out.append("<thead>\n");
            for (List<Doc.Cell> row : t.head()) rowHtml(out, row, true);
            out.append("</thead>\n");
        }
        out.append("<tbody>\n");
        // a table without a head row (the disclosure report's 主动公开 table) has its sub-headers in the body:
        // a row with no figure in it is a header row there
        for (List<Doc.Cell> row : t.body())
            rowHtml(out, row, headless && row.stream().noneMatch(Doc.Cell::number));
        out.append("</tbody>\n</table>\n");
        if (t.note() != null)
            out.append("<p class=\"note\">").append(escape(t.note())).append("</p>\n");
    }

    private static void rowHtml(StringBuilder out, List<Doc.Cell> row, boolean head) {
        out.append("<tr>");
        for (int i = 0; i < row.size(); i++) {
            Doc.Cell c = row.get(i);
            // the row's label, and a sub-row label beside a row group's spanning label
            boolean leading =
                    !head && !c.number() && (i == 0 || (i == 1 && row.get(0).rowSpan() > 1));
            String tag = head || leading ? "th" : "td";
            out.append('<').append(tag);
            if (head)
                out.append(" scope=\"")
                        .append(c.colSpan() > 1 ? "colgroup" : "col")
                        .append('"');
            else if (leading)
                out.append(" scope=\"")
                        .append(c.rowSpan() > 1 ? "rowgroup" : "row")
                        .append('"');
            if (c.colSpan() > 1) out.append(" colspan=\"").append(c.colSpan()).append('"');
            if (c.rowSpan() > 1) out.append(" rowspan=\"").append(c.rowSpan()).append('"');
            if (c.number()) out.append(" class=\"n\"");
            else if (c.indent() > 0)
                out.append(" style=\"padding-left:").append(c.indent() + 0.4).append("em\"");
            out.append('>').append(escape(c.text())).append("</").append(tag).append('>');
        }
        out.append("</tr>\n");
    }

    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

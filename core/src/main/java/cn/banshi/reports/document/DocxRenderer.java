package cn.banshi.reports.document;

import cn.banshi.calendar.ChinaTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * report.docx laid out as a Chinese official document (GB/T 9704-2012): A4; margins top 37 mm, left 28 mm,
 * right 26 mm, bottom 35 mm (type area 156 × 225 mm); body 仿宋_GB2312 3号 (16 pt) on a fixed 22-line grid
 * with a two-character first-line indent; title 方正小标宋简体 2号 (22 pt) centred; headings 一、 in 黑体,
 * （一） in 楷体_GB2312, 1. in bold 仿宋_GB2312, all 3号, as styles Heading1–3 with outline levels; page
 * numbers "— 1 —" in 4号 宋体, odd pages right and even pages left, one character in.
 *
 * <p>The package (ECMA-376 WordprocessingML: document, styles, settings, two footers, core properties) is
 * written directly as XML into a zip. Apache POI did this before; it cost about 120 ms of CPU and tens of MB of
 * heap per document, which a county run (a report per town and job) multiplied by 150. The tests still read
 * every file with POI and have LibreOffice convert it. The bytes depend only on the document and its date.
 */
public final class DocxRenderer {
    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String H1_FONT = "黑体";
    public static final String H2_FONT = "楷体_GB2312";
    public static final String PAGE_NUMBER_FONT = "宋体";

    /** 1 mm in twentieths of a point. */
    static long mm(double millimetres) {
        return Math.round(millimetres * 1440 / 25.4);
    }

    static final long PAGE_WIDTH = 11906; // 210 mm
    static final long PAGE_HEIGHT = 16838; // 297 mm
    static final long TOP = mm(37), LEFT = mm(28), RIGHT = mm(26), BOTTOM = mm(35);
    static final long TYPE_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
    /** 225 mm / 22 lines. */
    static final long LINE = Math.round(mm(225) / 22.0);

    static final int BODY_HALF_POINTS = 32,
            TITLE_HALF_POINTS = 44,
            PAGE_NUMBER_HALF_POINTS = 28,
            TABLE_HALF_POINTS = 21;

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private DocxRenderer() {}

    public static byte[] render(Doc doc, LocalDate documentDate) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes());
        parts.put("_rels/.rels", packageRelationships());
        parts.put("docProps/core.xml", coreProperties(doc.title(), documentDate));
        parts.put("word/_rels/document.xml.rels", documentRelationships());
        parts.put("word/document.xml", document(doc));
        parts.put("word/styles.xml", styles());
        parts.put("word/settings.xml", settings());
        parts.put("word/footer1.xml", footer(true));
        parts.put("word/footer2.xml", footer(false));
        long time = documentDate.atStartOfDay(ChinaTime.ZONE).toInstant().toEpochMilli();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write .docx", e);
        }
        return out.toByteArray();
    }

    private static String contentTypes() {
        String wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        return XML_DECLARATION
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"" + wml + "document.main+xml\"/>"
                + "<Override PartName=\"/word/styles.xml\" ContentType=\"" + wml + "styles+xml\"/>"
                + "<Override PartName=\"/word/settings.xml\" ContentType=\"" + wml + "settings+xml\"/>"
                + "<Override PartName=\"/word/footer1.xml\" ContentType=\"" + wml + "footer+xml\"/>"
                + "<Override PartName=\"/word/footer2.xml\" ContentType=\"" + wml + "footer+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "</Types>";
    }

    private static String packageRelationships() {
        return XML_DECLARATION + "<Relationships xmlns=\"" + PKG_REL + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
                + "Target=\"docProps/core.xml\"/>"
                + "</Relationships>";
    }

    private static String documentRelationships() {
        return XML_DECLARATION + "<Relationships xmlns=\"" + PKG_REL + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + REL + "settings\" Target=\"settings.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + REL + "footer\" Target=\"footer1.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"" + REL + "footer\" Target=\"footer2.xml\"/>"
                + "</Relationships>";
    }

    private static String coreProperties(String title, LocalDate date) {
        String stamp = date.atStartOfDay(ChinaTime.ZONE)
                .toInstant()
                .atOffset(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_INSTANT);
        return XML_DECLARATION
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<dc:title>" + escape(title) + "</dc:title><dc:creator>banshi</dc:creator>"
                + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:created>"
                + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:modified>"
                + "</cp:coreProperties>";
    }

    private static String settings() {
        // the schema's order: defaultTabStop, evenAndOddHeaders, characterSpacingControl, compat
        return XML_DECLARATION + "<w:settings xmlns:w=\"" + W + "\">"
                + "<w:defaultTabStop w:val=\"" + BODY_HALF_POINTS * 10 + "\"/><w:evenAndOddHeaders/>"
                + "<w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
    }

    private static String styles() {
        StringBuilder x = new StringBuilder(XML_DECLARATION)
                .append("<w:styles xmlns:w=\"")
                .append(W)
                .append("\">");
        x.append("<w:docDefaults><w:rPrDefault><w:rPr>")
                .append(fonts(BODY_FONT))
                .append("<w:lang w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>");
        style(x, "Normal", "Normal", null, -1, BODY_FONT, false, BODY_HALF_POINTS);
        style(x, "Heading1", "heading 1", "Normal", 0, H1_FONT, false, BODY_HALF_POINTS);
        style(x, "Heading2", "heading 2", "Normal", 1, H2_FONT, false, BODY_HALF_POINTS);
        style(x, "Heading3", "heading 3", "Normal", 2, BODY_FONT, true, BODY_HALF_POINTS);
        style(x, "Title", "Title", "Normal", -1, TITLE_FONT, false, TITLE_HALF_POINTS);
        return x.append("</w:styles>").toString();
    }

    private static void style(
            StringBuilder x,
            String id,
            String name,
            String basedOn,
            int outlineLevel,
            String font,
            boolean bold,
            int halfPoints) {
        x.append("<w:style w:type=\"paragraph\"")
                .append(basedOn == null ? " w:default=\"1\"" : "")
                .append(" w:styleId=\"")
                .append(id)
                .append("\"><w:name w:val=\"")
                .append(name)
                .append("\"/>");
        if (basedOn != null) x.append("<w:basedOn w:val=\"").append(basedOn).append("\"/><w:next w:val=\"Normal\"/>");
        x.append("<w:qFormat/><w:pPr>");
        if (outlineLevel >= 0) x.append("<w:keepNext/>");
        x.append(spacing(LINE, "exact"));
        if (outlineLevel >= 0)
            x.append("<w:outlineLvl w:val=\"").append(outlineLevel).append("\"/>");
        x.append("</w:pPr><w:rPr>")
                .append(fonts(font))
                .append(bold ? "<w:b/>" : "")
                .append("<w:sz w:val=\"")
                .append(halfPoints)
                .append("\"/><w:szCs w:val=\"")
                .append(halfPoints)
                .append("\"/>")
                .append("</w:rPr></w:style>");
    }

    private static String footer(boolean odd) {
        StringBuilder x = new StringBuilder(XML_DECLARATION)
                .append("<w:ftr xmlns:w=\"")
                .append(W)
                .append("\"><w:p><w:pPr>")
                .append("<w:ind ")
                .append(odd ? "w:right" : "w:left")
                .append("=\"")
                .append(PAGE_NUMBER_HALF_POINTS * 10)
                .append("\"/>")
                .append("<w:jc w:val=\"")
                .append(odd ? "right" : "left")
                .append("\"/></w:pPr>");
        run(x, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_HALF_POINTS, false);
        x.append("<w:fldSimple w:instr=\"PAGE\"><w:r><w:rPr>")
                .append(fonts(PAGE_NUMBER_FONT))
                .append("<w:sz w:val=\"")
                .append(PAGE_NUMBER_HALF_POINTS)
                .append("\"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>");
        run(x, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_HALF_POINTS, false);
        return x.append("</w:p></w:ftr>").toString();
    }

    private static String document(Doc doc) {
        StringBuilder x = new StringBuilder(32 * 1024)
                .append(XML_DECLARATION)
                .append("<w:document xmlns:w=\"")
                .append(W)
                .append("\" xmlns:r=\"")
                .append(R)
                .append("\"><w:body>");
        x.append("<w:p><w:pPr>").append(spacing(LINE, "exact")).append("<w:jc w:val=\"center\"/></w:pPr>");
        run(x, doc.title(), TITLE_FONT, TITLE_HALF_POINTS, false);
        x.append("</w:p>");
        emptyParagraph(x);
        for (Doc.Block block : doc.blocks()) {
            if (block instanceof Doc.Heading h) heading(x, h);
            else if (block instanceof Doc.Para p) body(x, p.text());
            else if (block instanceof Doc.Table t) table(x, t);
            else if (block instanceof Doc.Signature s) signature(x, s);
            // charts are drawn in report.html only; the figures are in the text and tables
        }
        x.append("<w:sectPr>")
                .append(
                        "<w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"even\" r:id=\"rId4\"/>")
                .append("<w:pgSz w:w=\"")
                .append(PAGE_WIDTH)
                .append("\" w:h=\"")
                .append(PAGE_HEIGHT)
                .append("\" w:orient=\"portrait\"/>")
                .append("<w:pgMar w:top=\"")
                .append(TOP)
                .append("\" w:right=\"")
                .append(RIGHT)
                .append("\" w:bottom=\"")
                .append(BOTTOM)
                .append("\" w:left=\"")
                .append(LEFT)
                .append("\" w:header=\"")
                .append(mm(15))
                // the page number sits 7 mm below the type area: its line (4号, about 5 mm) ends ~23 mm above the edge
                .append("\" w:footer=\"")
                .append(mm(35 - 7 - 5))
                .append("\" w:gutter=\"0\"/>")
                .append("<w:docGrid w:type=\"lines\" w:linePitch=\"")
                .append(LINE)
                .append("\"/>")
                .append("</w:sectPr></w:body></w:document>");
        return x.toString();
    }

    private static void emptyParagraph(StringBuilder x) {
        x.append("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
    }

    private static void heading(StringBuilder x, Doc.Heading h) {
        String font = switch (h.level()) {
            case 1 -> H1_FONT;
            case 2 -> H2_FONT;
            default -> BODY_FONT;
        };
        x.append("<w:p><w:pPr><w:pStyle w:val=\"Heading")
                .append(h.level())
                .append("\"/>")
                .append(spacing(LINE, "exact"))
                .append(firstLineIndent())
                .append("</w:pPr>");
        run(x, h.text(), font, BODY_HALF_POINTS, h.level() == 3);
        x.append("</w:p>");
    }

    private static void body(StringBuilder x, String text) {
        x.append("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/>")
                .append(spacing(LINE, "exact"))
                .append(firstLineIndent())
                .append("<w:jc w:val=\"both\"/></w:pPr>");
        run(x, text, BODY_FONT, BODY_HALF_POINTS, false);
        x.append("</w:p>");
    }

    private static void signature(StringBuilder x, Doc.Signature s) {
        emptyParagraph(x);
        for (String line : List.of(s.issuer(), Texts.date(s.date()))) {
            x.append("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/>")
                    .append(spacing(LINE, "exact"))
                    .append("<w:ind w:right=\"")
                    .append(4L * BODY_HALF_POINTS * 10)
                    .append("\"/>") // 右空四字
                    .append("<w:jc w:val=\"right\"/></w:pPr>");
            run(x, line, BODY_FONT, BODY_HALF_POINTS, false);
            x.append("</w:p>");
        }
    }

    private static void table(StringBuilder x, Doc.Table t) {
        if (t.caption() != null) {
            x.append("<w:p><w:pPr>").append(spacing(LINE, "exact")).append("<w:jc w:val=\"center\"/></w:pPr>");
            run(x, t.caption(), H1_FONT, BODY_HALF_POINTS - 4, false);
            x.append("</w:p>");
        }
        List<List<Doc.Cell>> rows = new ArrayList<>(t.head());
        rows.addAll(t.body());
        int columns = t.columns();
        TableGrid grid = TableGrid.layout(rows, columns);
        long[] widths = columnWidths(t.widths());
        x.append("<w:tbl><w:tblPr><w:tblW w:w=\"")
                .append(TYPE_WIDTH)
                .append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            x.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        }
        x.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (long w : widths) x.append("<w:gridCol w:w=\"").append(w).append("\"/>");
        x.append("</w:tblGrid>");
        for (int r = 0; r < rows.size(); r++) {
            boolean header = r < t.head().size();
            x.append("<w:tr><w:trPr><w:cantSplit/>")
                    .append(header ? "<w:tblHeader/>" : "")
                    .append("</w:trPr>");
            for (int c = 0; c < columns; c++) {
                TableGrid.Slot slot = grid.slot(r, c);
                if (slot.firstColumn() != c) continue; // covered by a cell spanning from the left
                Doc.Cell content = slot.cell();
                long w = 0;
                for (int k = c; k < c + content.colSpan(); k++) w += widths[k];
                x.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(w).append("\" w:type=\"dxa\"/>");
                if (content.colSpan() > 1)
                    x.append("<w:gridSpan w:val=\"").append(content.colSpan()).append("\"/>");
                if (content.rowSpan() > 1) {
                    x.append(slot.firstRow() == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge w:val=\"continue\"/>");
                }
                x.append("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:snapToGrid w:val=\"0\"/>")
                        .append(spacing(260, "auto"));
                boolean first = slot.firstRow() == r;
                if (first && content.indent() > 0) {
                    x.append("<w:ind w:left=\"")
                            .append(content.indent() * TABLE_HALF_POINTS * 10)
                            .append("\"/>");
                }
                if (first) {
                    String align = content.number() ? "right" : header || content.rowSpan() > 1 ? "center" : "left";
                    x.append("<w:jc w:val=\"").append(align).append("\"/>");
                }
                x.append("</w:pPr>");
                if (first) run(x, content.text(), BODY_FONT, TABLE_HALF_POINTS, false);
                x.append("</w:p></w:tc>");
            }
            x.append("</w:tr>");
        }
        x.append("</w:tbl>");
        if (t.note() != null) {
            x.append("<w:p><w:pPr>").append(spacing(LINE, "exact")).append("</w:pPr>");
            run(x, t.note(), BODY_FONT, 24, false);
            x.append("</w:p>");
        }
        emptyParagraph(x);
    }

    private static long[] columnWidths(List<Integer> weights) {
        long sum = weights.stream().mapToLong(Integer::longValue).sum();
        long[] widths = new long[weights.size()];
        long used = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i == widths.length - 1 ? TYPE_WIDTH - used : TYPE_WIDTH * weights.get(i) / sum;
            used += widths[i];
        }
        return widths;
    }

    private static String spacing(long line, String rule) {
        return "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" + line + "\" w:lineRule=\"" + rule + "\"/>";
    }

    private static String firstLineIndent() {
        return "<w:ind w:firstLineChars=\"200\" w:firstLine=\"" + 2L * BODY_HALF_POINTS * 10 + "\"/>";
    }

    private static String fonts(String font) {
        String f = escape(font);
        return "<w:rFonts w:ascii=\"" + f + "\" w:hAnsi=\"" + f + "\" w:eastAsia=\"" + f + "\" w:cs=\"" + f + "\"/>";
    }

    private static void run(StringBuilder x, String text, String font, int halfPoints, boolean bold) {
        x.append("<w:r><w:rPr>")
                .append(fonts(font))
                .append(bold ? "<w:b/><w:bCs/>" : "")
                .append("<w:sz w:val=\"")
                .append(halfPoints)
                .append("\"/><w:szCs w:val=\"")
                .append(halfPoints)
                .append("\"/></w:rPr>")
                .append("<w:t xml:space=\"preserve\">")
                .append(escape(text))
                .append("</w:t></w:r>");
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot carry (control characters) are dropped. */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (replacement != null && out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (out != null) {
                if (replacement != null) out.append(replacement);
                else out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}

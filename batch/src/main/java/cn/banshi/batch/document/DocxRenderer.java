package cn.banshi.batch.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * report.docx laid out as a Chinese official document (GB/T 9704-2012): A4; margins top 37 mm, left 28 mm,
 * right 26 mm, bottom 35 mm (type area 156 × 225 mm); body 仿宋_GB2312 3号 (16 pt) on a fixed 22-line grid
 * with a two-character first-line indent; title 方正小标宋简体 2号 (22 pt) centred; headings 一、 in 黑体,
 * （一） in 楷体_GB2312, 1. in bold 仿宋_GB2312, all 3号, as styles Heading1–3 with outline levels; page
 * numbers "— 1 —" in 4号 宋体, odd pages right and even pages left, one character in.
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

    static final long PAGE_WIDTH = 11906;   // 210 mm
    static final long PAGE_HEIGHT = 16838;  // 297 mm
    static final long TOP = mm(37), LEFT = mm(28), RIGHT = mm(26), BOTTOM = mm(35);
    static final long TYPE_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
    /** 225 mm / 22 lines. */
    static final long LINE = Math.round(mm(225) / 22.0);
    static final int BODY_HALF_POINTS = 32, TITLE_HALF_POINTS = 44, PAGE_NUMBER_HALF_POINTS = 28, TABLE_HALF_POINTS = 21;

    private DocxRenderer() {}

    public static byte[] render(Doc doc, LocalDate documentDate) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(d);
            page(d);
            footers(d);
            var core = d.getProperties().getCoreProperties();
            core.setTitle(doc.title());
            core.setCreator("banshi");
            Date stamp = Date.from(documentDate.atStartOfDay().toInstant(ZoneOffset.ofHours(8)));
            core.setCreated(Optional.of(stamp));
            core.setModified(Optional.of(stamp));

            XWPFParagraph title = d.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            spacing(title, 0);
            XWPFRun run = title.createRun();
            font(run, TITLE_FONT, TITLE_HALF_POINTS, false);
            run.setText(doc.title());
            d.createParagraph().setStyle("Normal");

            for (Doc.Block block : doc.blocks()) {
                if (block instanceof Doc.Heading h) heading(d, h);
                else if (block instanceof Doc.Para p) body(d, p.text());
                else if (block instanceof Doc.Table t) table(d, t);
                else if (block instanceof Doc.Signature s) signature(d, s);
                // charts are drawn in report.html only; the figures are in the text and tables
            }
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write .docx", e);
        }
    }

    private static void styles(XWPFDocument d) {
        XWPFStyles styles = d.createStyles();
        CTFonts defaults = CTFonts.Factory.newInstance();
        defaults.setAscii(BODY_FONT);
        defaults.setHAnsi(BODY_FONT);
        defaults.setEastAsia(BODY_FONT);
        defaults.setCs(BODY_FONT);
        styles.setDefaultFonts(defaults);
        styles.setEastAsia("zh-CN");
        styles.addStyle(style("Normal", "Normal", null, -1, BODY_FONT, false));
        styles.addStyle(style("Heading1", "heading 1", "Normal", 0, H1_FONT, false));
        styles.addStyle(style("Heading2", "heading 2", "Normal", 1, H2_FONT, false));
        styles.addStyle(style("Heading3", "heading 3", "Normal", 2, BODY_FONT, true));
        styles.addStyle(style("Title", "Title", "Normal", -1, TITLE_FONT, false));
    }

    private static XWPFStyle style(String id, String name, String basedOn, int outlineLevel, String font, boolean bold) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        if (basedOn != null) {
            ct.addNewBasedOn().setVal(basedOn);
            ct.addNewNext().setVal("Normal");
        } else {
            ct.setDefault(true);
        }
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(LINE));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        if (outlineLevel >= 0) {
            ppr.addNewKeepNext();
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr rpr = ct.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        if (bold) rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(id.equals("Title") ? TITLE_HALF_POINTS : BODY_HALF_POINTS));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(id.equals("Title") ? TITLE_HALF_POINTS : BODY_HALF_POINTS));
        return new XWPFStyle(ct);
    }

    private static void page(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().isSetSectPr() ? d.getDocument().getBody().getSectPr()
                : d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(TOP));
        margins.setBottom(BigInteger.valueOf(BOTTOM));
        margins.setLeft(BigInteger.valueOf(LEFT));
        margins.setRight(BigInteger.valueOf(RIGHT));
        margins.setHeader(BigInteger.valueOf(mm(15)));
        // the page number sits 7 mm below the type area: its line (4号, about 5 mm) ends ~23 mm above the edge
        margins.setFooter(BigInteger.valueOf(mm(35 - 7 - 5)));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE));
    }

    private static void footers(XWPFDocument d) {
        d.setEvenAndOddHeadings(true);
        pageNumber(d.createFooter(HeaderFooterType.DEFAULT), true);
        pageNumber(d.createFooter(HeaderFooterType.EVEN), false);
    }

    private static void pageNumber(XWPFFooter footer, boolean odd) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(odd ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        CTPPr ppr = ppr(p);
        CTInd ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
        BigInteger oneChar = BigInteger.valueOf(PAGE_NUMBER_HALF_POINTS * 10L);
        if (odd) ind.setRight(oneChar);
        else ind.setLeft(oneChar);
        XWPFRun before = p.createRun();
        font(before, PAGE_NUMBER_FONT, PAGE_NUMBER_HALF_POINTS, false);
        before.setText("— ");
        var field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        var number = field.addNewR();
        CTRPr rpr = number.addNewRPr();
        CTFonts f = rpr.addNewRFonts();
        f.setAscii(PAGE_NUMBER_FONT);
        f.setHAnsi(PAGE_NUMBER_FONT);
        f.setEastAsia(PAGE_NUMBER_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(PAGE_NUMBER_HALF_POINTS));
        number.addNewT().setStringValue("1");
        XWPFRun after = p.createRun();
        font(after, PAGE_NUMBER_FONT, PAGE_NUMBER_HALF_POINTS, false);
        after.setText(" —");
    }

    private static void heading(XWPFDocument d, Doc.Heading h) {
        XWPFParagraph p = d.createParagraph();
        p.setStyle("Heading" + h.level());
        spacing(p, 0);
        indentFirstLine(p);
        XWPFRun run = p.createRun();
        String font = switch (h.level()) {
            case 1 -> H1_FONT;
            case 2 -> H2_FONT;
            default -> BODY_FONT;
        };
        font(run, font, BODY_HALF_POINTS, h.level() == 3);
        run.setText(h.text());
    }

    private static void body(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setStyle("Normal");
        p.setAlignment(ParagraphAlignment.BOTH);
        spacing(p, 0);
        indentFirstLine(p);
        XWPFRun run = p.createRun();
        font(run, BODY_FONT, BODY_HALF_POINTS, false);
        run.setText(text);
    }

    private static void signature(XWPFDocument d, Doc.Signature s) {
        d.createParagraph().setStyle("Normal");
        for (String line : List.of(s.issuer(), Texts.date(s.date()))) {
            XWPFParagraph p = d.createParagraph();
            p.setStyle("Normal");
            p.setAlignment(ParagraphAlignment.RIGHT);
            spacing(p, 0);
            CTPPr ppr = ppr(p);
            CTInd ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
            ind.setRight(BigInteger.valueOf(4L * BODY_HALF_POINTS * 10)); // 右空四字
            XWPFRun run = p.createRun();
            font(run, BODY_FONT, BODY_HALF_POINTS, false);
            run.setText(line);
        }
    }

    private static void table(XWPFDocument d, Doc.Table t) {
        if (t.caption() != null) {
            XWPFParagraph caption = d.createParagraph();
            caption.setAlignment(ParagraphAlignment.CENTER);
            spacing(caption, 0);
            XWPFRun run = caption.createRun();
            font(run, H1_FONT, BODY_HALF_POINTS - 4, false);
            run.setText(t.caption());
        }
        List<List<Doc.Cell>> rows = new java.util.ArrayList<>(t.head());
        rows.addAll(t.body());
        int columns = t.columns();
        TableGrid grid = TableGrid.layout(rows, columns);
        XWPFTable table = d.createTable(rows.size(), columns);
        CTTblPr pr = table.getCTTbl().getTblPr();
        CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TYPE_WIDTH));
        pr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable.CENTER);
        pr.addNewTblLayout().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        borders(pr);
        long[] widths = columnWidths(t.widths());
        var tblGrid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (tblGrid.sizeOfGridColArray() > 0) tblGrid.removeGridCol(0);
        for (long w : widths) tblGrid.addNewGridCol().setW(BigInteger.valueOf(w));

        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            boolean header = r < t.head().size();
            if (header) row.setRepeatHeader(true);
            row.setCantSplitRow(true);
            for (int c = columns - 1; c >= 0; c--) {
                TableGrid.Slot slot = grid.slot(r, c);
                if (slot.firstColumn() != c) {
                    row.removeCell(c);
                    continue;
                }
                XWPFTableCell cell = row.getCell(c);
                CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                long w = 0;
                for (int k = c; k < c + slot.cell().colSpan(); k++) w += widths[k];
                CTTblWidth tcW = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
                tcW.setType(STTblWidth.DXA);
                tcW.setW(BigInteger.valueOf(w));
                if (slot.cell().colSpan() > 1) tcPr.addNewGridSpan().setVal(BigInteger.valueOf(slot.cell().colSpan()));
                if (slot.cell().rowSpan() > 1) {
                    tcPr.addNewVMerge().setVal(slot.firstRow() == r ? STMerge.RESTART : STMerge.CONTINUE);
                }
                tcPr.addNewVAlign().setVal(STVerticalJc.CENTER);
                XWPFParagraph p = cell.getParagraphs().get(0);
                CTSpacing sp = spacing(p, 0);
                sp.setLine(BigInteger.valueOf(260));
                sp.setLineRule(STLineSpacingRule.AUTO);
                offGrid(p);
                if (slot.firstRow() != r) continue;
                Doc.Cell content = slot.cell();
                p.setAlignment(content.number() ? ParagraphAlignment.RIGHT
                        : header || content.rowSpan() > 1 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                if (content.indent() > 0) p.setIndentationLeft(content.indent() * TABLE_HALF_POINTS * 10);
                XWPFRun run = p.createRun();
                font(run, BODY_FONT, TABLE_HALF_POINTS, false);
                run.setText(content.text());
            }
        }
        if (t.note() != null) {
            XWPFParagraph note = d.createParagraph();
            spacing(note, 0);
            XWPFRun run = note.createRun();
            font(run, BODY_FONT, 24, false);
            run.setText(t.note());
        }
        d.createParagraph().setStyle("Normal");
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

    private static void borders(CTTblPr pr) {
        CTTblBorders b = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
        for (var border : List.of(b.isSetTop() ? b.getTop() : b.addNewTop(), b.isSetBottom() ? b.getBottom() : b.addNewBottom(),
                b.isSetLeft() ? b.getLeft() : b.addNewLeft(), b.isSetRight() ? b.getRight() : b.addNewRight(),
                b.isSetInsideH() ? b.getInsideH() : b.addNewInsideH(), b.isSetInsideV() ? b.getInsideV() : b.addNewInsideV())) {
            border.setVal(STBorder.SINGLE);
            border.setSz(BigInteger.valueOf(4));
            border.setColor("000000");
        }
    }

    /** Table text keeps its own (smaller) line height instead of the body's 22-line grid. */
    private static void offGrid(XWPFParagraph p) {
        CTPPr ppr = ppr(p);
        (ppr.isSetSnapToGrid() ? ppr.getSnapToGrid() : ppr.addNewSnapToGrid()).setVal(false);
    }

    private static CTPPr ppr(XWPFParagraph p) {
        return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    }

    private static CTSpacing spacing(XWPFParagraph p, int before) {
        CTPPr ppr = ppr(p);
        CTSpacing sp = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
        sp.setBefore(BigInteger.valueOf(before));
        sp.setAfter(BigInteger.ZERO);
        sp.setLine(BigInteger.valueOf(LINE));
        sp.setLineRule(STLineSpacingRule.EXACT);
        return sp;
    }

    private static void indentFirstLine(XWPFParagraph p) {
        CTPPr ppr = ppr(p);
        CTInd ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
        ind.setFirstLineChars(BigInteger.valueOf(200));
        ind.setFirstLine(BigInteger.valueOf(2L * BODY_HALF_POINTS * 10));
    }

    private static void font(XWPFRun run, String font, int halfPoints, boolean bold) {
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.cs);
        run.setFontSize(halfPoints / 2.0);
        if (bold) run.setBold(true);
    }
}

package cn.banshi.reports.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A report as an official document, independent of the output format: a title, then headings (level 1
 * 一、, level 2 （一）, level 3 1.), paragraphs, tables and charts, and the signature block. The heading
 * text carries its own numbering. Every renderer (Markdown, HTML, .docx) works from this one model.
 *
 * <p>Every block has a stable id derived from the document's structure, so that an edited draft can find its
 * paragraphs again in a regenerated report: a heading {@code s2.1} (the second level-1 heading's first
 * level-2 heading), the blocks of a section by kind and ordinal ({@code s2.1.p3}: its third paragraph,
 * {@code s2.t1}, {@code s2.c1}), a paragraph a builder names {@code s2.k-KEY} ({@link #para(String, String)}),
 * before the first heading {@code s0.p1}, the signature {@code sig}. Builders need not know about ids.
 */
public final class Doc {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,79}");

    private final String title;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final int[] sections = new int[4];
    private int depth;
    private int paras;
    private int tables;
    private int charts;

    public Doc(String title) {
        this.title = title;
    }

    /** A document from blocks that already have ids (an edited draft). */
    public static Doc of(String title, List<Entry> entries) {
        Doc doc = new Doc(title);
        for (Entry e : entries) doc.add(e.id(), e.block());
        return doc;
    }

    /** Whether {@code id} has the form of a block id (for ids that come from outside). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return entries.stream().map(Entry::block).toList();
    }

    /** The blocks with their ids, in order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Doc heading(int level, String text) {
        if (level < 1 || level > 3) throw new IllegalArgumentException("heading level " + level);
        sections[level]++;
        for (int l = level + 1; l < sections.length; l++) sections[l] = 0;
        depth = level;
        paras = 0;
        tables = 0;
        charts = 0;
        return add(section(), new Heading(level, text));
    }

    public Doc para(String text) {
        return add(section() + ".p" + ++paras, new Para(text));
    }

    /** A paragraph with an id of its own ({@code key}: lower-case letters, digits, dashes), whatever its position. */
    public Doc para(String key, String text) {
        if (key == null || !KEY.matcher(key).matches()) throw new IllegalArgumentException("paragraph key " + key);
        return add(section() + ".k-" + key, new Para(text));
    }

    public Doc table(Table table) {
        return add(section() + ".t" + ++tables, table);
    }

    public Doc chart(Chart chart) {
        return add(section() + ".c" + ++charts, chart);
    }

    public Doc signature(String issuer, LocalDate date) {
        return add("sig", new Signature(issuer, date));
    }

    /** Adds a block under a given id (unique within the document). */
    public Doc add(String id, Block block) {
        if (!isId(id)) throw new IllegalArgumentException("block id " + id);
        if (!ids.add(id)) throw new IllegalArgumentException("duplicate block id " + id);
        entries.add(new Entry(id, block));
        return this;
    }

    private String section() {
        StringBuilder s = new StringBuilder("s");
        if (depth == 0) return s.append('0').toString();
        for (int l = 1; l <= depth; l++) s.append(l > 1 ? "." : "").append(sections[l]);
        return s.toString();
    }

    /** A block and its id. */
    public record Entry(String id, Block block) {}

    public sealed interface Block permits Heading, Para, Table, Chart, Signature {}

    public record Heading(int level, String text) implements Block {}

    public record Para(String text) implements Block {}

    /** A bar chart (HTML only: an inline SVG). */
    public record Chart(String caption, List<String> labels, List<Long> values, boolean horizontal) implements Block {}

    public record Signature(String issuer, LocalDate date) implements Block {}

    /**
     * A table with a (possibly multi-row, spanning) header. {@code flatHeader} names each column in one line
     * for formats without spans (Markdown). Body cells may span too (row groups such as （三）不予公开).
     */
    public record Table(
            String caption,
            List<Integer> widths,
            List<List<Cell>> head,
            List<String> flatHeader,
            List<List<Cell>> body,
            String note)
            implements Block {
        /** {@code widths}: relative column widths, one per grid column. */
        public int columns() {
            return widths.size();
        }
    }

    /** {@code indent} in characters (row labels of sub-rows); numbers are right-aligned. */
    public record Cell(String text, int colSpan, int rowSpan, int indent, boolean number) {
        public static Cell text(String text) {
            return new Cell(text, 1, 1, 0, false);
        }

        public static Cell label(String text, int indent) {
            return new Cell(text, 1, 1, indent, false);
        }

        public static Cell number(long value) {
            return new Cell(Long.toString(value), 1, 1, 0, true);
        }

        public static Cell number(String value) {
            return new Cell(value, 1, 1, 0, true);
        }

        public static Cell span(String text, int colSpan, int rowSpan) {
            return new Cell(text, colSpan, rowSpan, 0, false);
        }
    }
}

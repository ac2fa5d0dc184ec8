package cn.banshi.batch.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as an official document, independent of the output format: a title, then headings (level 1
 * 一、, level 2 （一）, level 3 1.), paragraphs, tables and charts, and the signature block. The heading
 * text carries its own numbering. Every renderer (Markdown, HTML, .docx) works from this one model.
 */
public final class Doc {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public Doc(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public Doc heading(int level, String text) {
        if (level < 1 || level > 3) throw new IllegalArgumentException("heading level " + level);
        blocks.add(new Heading(level, text));
        return this;
    }

    public Doc para(String text) {
        blocks.add(new Para(text));
        return this;
    }

    public Doc table(Table table) {
        blocks.add(table);
        return this;
    }

    public Doc chart(Chart chart) {
        blocks.add(chart);
        return this;
    }

    public Doc signature(String issuer, LocalDate date) {
        blocks.add(new Signature(issuer, date));
        return this;
    }

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

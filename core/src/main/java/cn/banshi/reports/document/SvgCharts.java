package cn.banshi.reports.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Bar charts as inline SVG: vertical bars (cases by month) or horizontal bars (cases by category). */
final class SvgCharts {
    private static final String BAR = "#b22222";

    private static final String NL = System.lineSeparator();

    private SvgCharts() {}

    private static void open(StringBuilder s, int width, int height, String caption) {
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(HtmlRenderer.escape(caption))
                .append("\">")
                .append(NL);
    }

    /** As {@code %.1f} formats it (half up, one decimal), without java.util.Formatter's cost per call. */
    static String tenths(double value) {
        String text =
                BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        boolean negative = value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE; // -0.04 gives "-0.0"
        return negative && text.charAt(0) != '-' ? "-" + text : text;
    }

    static String figure(Doc.Chart c) {
        String svg = c.horizontal() ? horizontal(c) : vertical(c);
        return "<figure>\n" + svg + "<figcaption>" + HtmlRenderer.escape(c.caption()) + "</figcaption>\n</figure>\n";
    }

    private static String vertical(Doc.Chart c) {
        int n = c.labels().size();
        int width = 640, height = 260, left = 40, bottom = 40, top = 20;
        double slot = (width - left - 10) / (double) Math.max(1, n);
        long max =
                Math.max(1, c.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder s = new StringBuilder();
        open(s, width, height, c.caption());
        s.append("<line x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(height - bottom)
                .append("\" x2=\"")
                .append(width - 10)
                .append("\" y2=\"")
                .append(height - bottom)
                .append("\" stroke=\"#333\"/>")
                .append(NL);
        double plot = height - bottom - top;
        for (int i = 0; i < n; i++) {
            long v = c.values().get(i);
            double h = plot * v / max;
            double x = left + i * slot + slot * 0.15;
            double y = height - bottom - h;
            s.append("<rect x=\"")
                    .append(tenths(x))
                    .append("\" y=\"")
                    .append(tenths(y))
                    .append("\" width=\"")
                    .append(tenths(slot * 0.7))
                    .append("\" height=\"")
                    .append(tenths(h))
                    .append("\" fill=\"")
                    .append(BAR)
                    .append("\"><title>")
                    .append(HtmlRenderer.escape(c.labels().get(i)))
                    .append('：')
                    .append(v)
                    .append("</title></rect>")
                    .append(NL);
            s.append("<text x=\"")
                    .append(tenths(x + slot * 0.35))
                    .append("\" y=\"")
                    .append(tenths(y - 4))
                    .append("\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(v)
                    .append("</text>")
                    .append(NL);
            s.append("<text x=\"")
                    .append(tenths(x + slot * 0.35))
                    .append("\" y=\"")
                    .append(height - bottom + 18)
                    .append("\" font-size=\"12\" text-anchor=\"middle\">")
                    .append(HtmlRenderer.escape(c.labels().get(i)))
                    .append("</text>")
                    .append(NL);
        }
        return s.append("</svg>\n").toString();
    }

    private static String horizontal(Doc.Chart c) {
        int n = c.labels().size();
        int row = 24, left = 150, width = 640, top = 10;
        int height = top * 2 + n * row;
        long max =
                Math.max(1, c.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder s = new StringBuilder();
        open(s, width, height, c.caption());
        double plot = width - left - 60;
        for (int i = 0; i < n; i++) {
            long v = c.values().get(i);
            double w = plot * v / max;
            int y = top + i * row;
            s.append("<text x=\"")
                    .append(left - 6)
                    .append("\" y=\"")
                    .append(y + 16)
                    .append("\" font-size=\"12\" text-anchor=\"end\">")
                    .append(HtmlRenderer.escape(c.labels().get(i)))
                    .append("</text>")
                    .append(NL);
            s.append("<rect x=\"")
                    .append(left)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" width=\"")
                    .append(tenths(w))
                    .append("\" height=\"")
                    .append(row - 8)
                    .append("\" fill=\"")
                    .append(BAR)
                    .append("\"><title>")
                    .append(HtmlRenderer.escape(c.labels().get(i)))
                    .append('：')
                    .append(v)
                    .append("</title></rect>")
                    .append(NL);
            s.append("<text x=\"")
                    .append(tenths(left + w + 4))
                    .append("\" y=\"")
                    .append(y + 16)
                    .append("\" font-size=\"11\">")
                    .append(v)
                    .append("</text>")
                    .append(NL);
        }
        return s.append("</svg>\n").toString();
    }
}

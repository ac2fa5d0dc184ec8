package cn.banshi.batch.document;

import java.util.Locale;

/** Bar charts as inline SVG: vertical bars (cases by month) or horizontal bars (cases by category). */
final class SvgCharts {
    private static final String BAR = "#b22222";

    private SvgCharts() {}

    static String figure(Doc.Chart c) {
        String svg = c.horizontal() ? horizontal(c) : vertical(c);
        return "<figure>\n" + svg + "<figcaption>" + HtmlRenderer.escape(c.caption()) + "</figcaption>\n</figure>\n";
    }

    private static String vertical(Doc.Chart c) {
        int n = c.labels().size();
        int width = 640, height = 260, left = 40, bottom = 40, top = 20;
        double slot = (width - left - 10) / (double) Math.max(1, n);
        long max = Math.max(1, c.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">%n",
                width, height, HtmlRenderer.escape(c.caption())));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, height - bottom, width - 10, height - bottom));
        double plot = height - bottom - top;
        for (int i = 0; i < n; i++) {
            long v = c.values().get(i);
            double h = plot * v / max;
            double x = left + i * slot + slot * 0.15;
            double y = height - bottom - h;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s：%d</title></rect>%n",
                    x, y, slot * 0.7, h, BAR, HtmlRenderer.escape(c.labels().get(i)), v));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%d</text>%n",
                    x + slot * 0.35, y - 4, v));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
                    x + slot * 0.35, height - bottom + 18, HtmlRenderer.escape(c.labels().get(i))));
        }
        return s.append("</svg>\n").toString();
    }

    private static String horizontal(Doc.Chart c) {
        int n = c.labels().size();
        int row = 24, left = 150, width = 640, top = 10;
        int height = top * 2 + n * row;
        long max = Math.max(1, c.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">%n",
                width, height, HtmlRenderer.escape(c.caption())));
        double plot = width - left - 60;
        for (int i = 0; i < n; i++) {
            long v = c.values().get(i);
            double w = plot * v / max;
            int y = top + i * row;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>%n",
                    left - 6, y + 16, HtmlRenderer.escape(c.labels().get(i))));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s：%d</title></rect>%n",
                    left, y + 4, w, row - 8, BAR, HtmlRenderer.escape(c.labels().get(i)), v));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%d</text>%n", left + w + 4, y + 16, v));
        }
        return s.append("</svg>\n").toString();
    }
}

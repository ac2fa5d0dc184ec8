package cn.banshi.reports.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The charts' coordinates are written as {@code %.1f} would write them, without Formatter. */
class SvgChartsTest {

    @Test
    void tenthsMatchFormatterForChartCoordinates() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble() * 700; // x, y, widths in a 640 × 260 box
                case 1 -> Math.round(random.nextDouble() * 7000) / 10.0 + 0.05; // halves, where rounding differs
                case 2 -> 200.0 * random.nextInt(5000) / (1 + random.nextInt(5000)); // plot × value / max
                default -> -random.nextDouble() * 10; // y − 4 can go below the box
            };
            assertEquals(String.format(Locale.ROOT, "%.1f", value), SvgCharts.tenths(value), "value " + value);
        }
    }

    @Test
    void edgeValues() {
        for (double value :
                new double[] {0, 0.05, 0.15, 0.25, 0.35, 1.45, 2.5, 99.95, 639.95, 1e6, -0.04, -0.05, -0.0}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", value), SvgCharts.tenths(value), "value " + value);
        }
    }
}

package cn.banshi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles (nearest rank) of a sample in milliseconds. */
public final class Stats {
    private final List<Double> values = new ArrayList<>();

    public void add(double ms) {
        values.add(ms);
    }

    public int count() {
        return values.size();
    }

    public double percentile(double p) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public double median() {
        return percentile(50);
    }

    public static String ms(double v) {
        return v >= 100 ? String.format("%.0f ms", v) : String.format("%.2f ms", v);
    }

    public static String ratio(double a, double b) {
        return String.format("%.2f×", a / b);
    }
}

package cn.banshi.batch.cases;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The year's figures, counted case by case and never holding a case: named counters (sums) and a few
 * maxima, mergeable across scan segments and serialisable into a step's execution context. Each case counts
 * by what it was in the period: received in it, finished in it (by {@code finishedOn}; its rating, if any,
 * counts with it), open at its end ({@code asOf}), open at its start (carried over), and for information
 * requests the cells of the statutory table.
 */
public final class CaseTally {
    private static final String[] MONTH_KEYS = new String[13];

    static {
        for (int m = 1; m <= 12; m++) MONTH_KEYS[m] = String.format("received.month.%02d", m);
    }

    private final TreeMap<String, Long> sums = new TreeMap<>();
    private final TreeMap<String, Long> maxima = new TreeMap<>();

    public void add(CaseFact f, ReportPeriod period) {
        LocalDate asOf = period.asOf();
        LocalDate start = period.start();
        String t = f.type();
        boolean received = period.contains(f.receivedOn());
        boolean finished = period.contains(f.finishedOn());
        boolean finishedByAsOf = f.finishedOn() != null && !f.finishedOn().isAfter(asOf);
        boolean openAtEnd = f.receivedOn() != null && !f.receivedOn().isAfter(asOf) && !finishedByAsOf;
        boolean openAtStart = f.receivedOn() != null && f.receivedOn().isBefore(start)
                && (f.finishedOn() == null || !f.finishedOn().isBefore(start));
        if (received) {
            inc("received");
            inc("received.type." + t);
            inc(MONTH_KEYS[f.receivedOn().getMonthValue()]);
            if (f.category() != null) inc("received.category." + t + "." + f.category());
            if (finishedByAsOf) inc("received.finished");
            if (f.village() != null) {
                inc("village." + f.village() + ".received");
                if (finishedByAsOf) inc("village." + f.village() + ".finished");
            }
        }
        if (finished) {
            inc("finished");
            inc("finished.type." + t);
            if (Boolean.TRUE.equals(f.onTime())) inc("onTime.type." + t);
            else inc("late.type." + t);
            if (t.equals("dispute")) {
                inc("dispute.finished");
                inc("dispute.outcome." + f.outcome());
            }
            if (f.rating() != null) {
                inc("rating.count");
                add("rating.sum", f.rating());
                if (f.rating() >= 4) inc("rating.satisfied");
                if (f.village() != null) {
                    inc("village." + f.village() + ".ratingCount");
                    add("village." + f.village() + ".ratingSum", f.rating());
                }
            }
        }
        if (openAtEnd) {
            inc("open");
            inc("open.type." + t);
            if (f.dueDate() != null) {
                max("open.maxDue.type." + t, f.dueDate().toEpochDay());
                if (f.dueDate().isBefore(asOf)) inc("overdueOpen.type." + t);
            }
        }
        if (openAtStart) inc("carriedOver.type." + t);
        if (t.equals("info-request")) disclosure(f, received, finished, openAtStart, openAtEnd);
    }

    private void disclosure(CaseFact f, boolean received, boolean finished, boolean openAtStart, boolean openAtEnd) {
        String kind = Ogi.KINDS.contains(f.applicantKind()) ? f.applicantKind() : "unknown";
        if (received) inc("ogi.new." + kind);
        if (openAtStart) inc("ogi.carried-over." + kind);
        if (finished) {
            String outcome = Ogi.OUTCOMES.containsKey(f.outcome()) ? f.outcome() : "unknown";
            inc("ogi.outcome." + outcome + "." + kind);
        }
        if (openAtEnd) inc("ogi.carried-forward." + kind);
    }

    public void merge(CaseTally other) {
        other.sums.forEach((k, v) -> sums.merge(k, v, Long::sum));
        other.maxima.forEach((k, v) -> maxima.merge(k, v, Math::max));
    }

    public long get(String key) {
        return sums.getOrDefault(key, 0L);
    }

    public Long max(String key) {
        return maxima.get(key);
    }

    /** The counters whose name starts with {@code prefix}, keyed by the rest of the name. */
    public Map<String, Long> withPrefix(String prefix) {
        Map<String, Long> result = new TreeMap<>();
        sums.subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) -> result.put(k.substring(prefix.length()), v));
        return result;
    }

    private void inc(String key) {
        add(key, 1);
    }

    private void add(String key, long n) {
        sums.merge(key, n, Long::sum);
    }

    private void max(String key, long value) {
        maxima.merge(key, value, Math::max);
    }

    public String toJson() {
        ObjectNode root = Json.object();
        ObjectNode s = root.putObject("sums");
        sums.forEach(s::put);
        ObjectNode m = root.putObject("maxima");
        maxima.forEach(m::put);
        return Json.write(root);
    }

    public static CaseTally fromJson(String json) {
        CaseTally tally = new CaseTally();
        if (json == null) return tally;
        try {
            JsonNode root = Json.parse(json);
            root.get("sums").fields().forEachRemaining(e -> tally.sums.put(e.getKey(), e.getValue().longValue()));
            root.get("maxima").fields().forEachRemaining(e -> tally.maxima.put(e.getKey(), e.getValue().longValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tally;
    }
}

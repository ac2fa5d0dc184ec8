package cn.banshi.batch.cases;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
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
    /** The maximum: the day the period's last case was received. */
    static final String LAST_RECEIVED = "received.lastDay";

    static {
        for (int m = 1; m <= 12; m++) MONTH_KEYS[m] = String.format("received.month.%02d", m);
    }

    /*
     * Counters are mutable cells in hash maps and the names a case counts under are built once per type, village,
     * category or outcome and then looked up: a scan adds every case of the table, and building ten names and boxing
     * ten Longs per case cost more CPU than the rest of the step (the CPU dynalite or DynamoDB's client also needs).
     * Names come out sorted where order shows (toJson, withPrefix).
     */
    private final Map<String, long[]> sums = new HashMap<>();
    private final Map<String, long[]> maxima = new HashMap<>();
    private final Map<String, TypeNames> typeNames = new HashMap<>();
    private final Map<String, VillageNames> villageNames = new HashMap<>();

    private record TypeNames(
            String received,
            String finished,
            String onTime,
            String late,
            String open,
            String maxDue,
            String overdueOpen,
            String carriedOver,
            Map<String, String> categories) {
        TypeNames(String t) {
            this(
                    "received.type." + t,
                    "finished.type." + t,
                    "onTime.type." + t,
                    "late.type." + t,
                    "open.type." + t,
                    "open.maxDue.type." + t,
                    "overdueOpen.type." + t,
                    "carriedOver.type." + t,
                    new HashMap<>());
        }

        String category(String t, String category) {
            return categories.computeIfAbsent(category, c -> "received.category." + t + "." + c);
        }
    }

    private record VillageNames(String received, String finished, String ratingCount, String ratingSum) {
        VillageNames(String v) {
            this(
                    "village." + v + ".received",
                    "village." + v + ".finished",
                    "village." + v + ".ratingCount",
                    "village." + v + ".ratingSum");
        }
    }

    /** The outcome of a case merged as a duplicate into another (docs/duplicates.md). */
    static final String MERGED_OUTCOME = "duplicate";

    public void add(CaseFact f, ReportPeriod period) {
        if (MERGED_OUTCOME.equals(f.outcome())) {
            // a merged group counts once, as its original: the duplicate is only counted as merged
            if (period.contains(f.receivedOn())) {
                inc("merged");
                inc("merged.type." + f.type());
            }
            return;
        }
        LocalDate asOf = period.asOf();
        LocalDate start = period.start();
        String t = f.type();
        TypeNames names = typeNames.computeIfAbsent(t, TypeNames::new);
        VillageNames village =
                f.village() == null ? null : villageNames.computeIfAbsent(f.village(), VillageNames::new);
        boolean received = period.contains(f.receivedOn());
        boolean finished = period.contains(f.finishedOn());
        boolean finishedByAsOf = f.finishedOn() != null && !f.finishedOn().isAfter(asOf);
        boolean openAtEnd = f.receivedOn() != null && !f.receivedOn().isAfter(asOf) && !finishedByAsOf;
        boolean openAtStart = f.receivedOn() != null
                && f.receivedOn().isBefore(start)
                && (f.finishedOn() == null || !f.finishedOn().isBefore(start));
        if (received) {
            inc("received");
            inc(names.received());
            inc(MONTH_KEYS[f.receivedOn().getMonthValue()]);
            max(LAST_RECEIVED, f.receivedOn().toEpochDay());
            if (f.category() != null) inc(names.category(t, f.category()));
            if (finishedByAsOf) inc("received.finished");
            if (village != null) {
                inc(village.received());
                if (finishedByAsOf) inc(village.finished());
            }
        }
        if (finished) {
            inc("finished");
            inc(names.finished());
            if (Boolean.TRUE.equals(f.onTime())) inc(names.onTime());
            else inc(names.late());
            if (t.equals("dispute")) {
                inc("dispute.finished");
                inc("dispute.outcome." + f.outcome());
            }
            if (f.rating() != null) {
                inc("rating.count");
                add("rating.sum", f.rating());
                if (f.rating() >= 4) inc("rating.satisfied");
                if (village != null) {
                    inc(village.ratingCount());
                    add(village.ratingSum(), f.rating());
                }
            }
        }
        if (openAtEnd) {
            inc("open");
            inc(names.open());
            if (f.dueDate() != null) {
                max(names.maxDue(), f.dueDate().toEpochDay());
                if (f.dueDate().isBefore(asOf)) inc(names.overdueOpen());
            }
        }
        if (openAtStart) inc(names.carriedOver());
        if (t.equals("info-request")) disclosure(f, received, finished, openAtStart, openAtEnd);
    }

    private void disclosure(CaseFact f, boolean received, boolean finished, boolean openAtStart, boolean openAtEnd) {
        String kind = Ogi.KINDS.contains(f.applicantKind()) ? f.applicantKind() : "unknown";
        if (received) {
            inc("ogi.new." + kind);
            if (f.channel() != null) inc("ogiChannel." + f.channel());
        }
        if (openAtStart) inc("ogi.carried-over." + kind);
        if (finished) {
            String outcome = Ogi.OUTCOMES.containsKey(f.outcome()) ? f.outcome() : "unknown";
            inc("ogi.outcome." + outcome + "." + kind);
        }
        if (openAtEnd) inc("ogi.carried-forward." + kind);
    }

    public void merge(CaseTally other) {
        other.sums.forEach((k, v) -> add(k, v[0]));
        other.maxima.forEach((k, v) -> max(k, v[0]));
    }

    public long get(String key) {
        long[] cell = sums.get(key);
        return cell == null ? 0 : cell[0];
    }

    public Long max(String key) {
        long[] cell = maxima.get(key);
        return cell == null ? null : cell[0];
    }

    /** The counters whose name starts with {@code prefix}, keyed by the rest of the name (sorted). */
    public Map<String, Long> withPrefix(String prefix) {
        Map<String, Long> result = new TreeMap<>();
        sums.forEach((k, v) -> {
            if (k.startsWith(prefix)) result.put(k.substring(prefix.length()), v[0]);
        });
        return result;
    }

    private void inc(String key) {
        add(key, 1);
    }

    private void add(String key, long n) {
        long[] cell = sums.get(key);
        if (cell == null) sums.put(key, new long[] {n});
        else cell[0] += n;
    }

    private void max(String key, long value) {
        long[] cell = maxima.get(key);
        if (cell == null) maxima.put(key, new long[] {value});
        else cell[0] = Math.max(cell[0], value);
    }

    /**
     * The counters as JSON, names sorted (the same tally always gives the same text), written directly: a county
     * run's segments write every town's tally at every commit.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(64 + 40 * (sums.size() + maxima.size()));
        json.append("{\"sums\":");
        appendSorted(json, sums);
        json.append(",\"maxima\":");
        appendSorted(json, maxima);
        return json.append('}').toString();
    }

    private static void appendSorted(StringBuilder json, Map<String, long[]> counters) {
        String[] names = counters.keySet().toArray(new String[0]);
        Arrays.sort(names);
        json.append('{');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) json.append(',');
            appendString(json, names[i]);
            json.append(':').append(counters.get(names[i])[0]);
        }
        json.append('}');
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') json.append('\\').append(c);
            else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
            else json.append(c);
        }
        json.append('"');
    }

    public static CaseTally fromJson(String json) {
        CaseTally tally = new CaseTally();
        if (json == null) return tally;
        try {
            JsonNode root = Json.parse(json);
            root.get("sums")
                    .fields()
                    .forEachRemaining(e -> tally.add(e.getKey(), e.getValue().longValue()));
            root.get("maxima")
                    .fields()
                    .forEachRemaining(e -> tally.max(e.getKey(), e.getValue().longValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tally;
    }
}

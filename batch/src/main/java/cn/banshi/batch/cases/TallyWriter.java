package cn.banshi.batch.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Adds each chunk's pages of cases to its town's {@link CaseTally} and saves the run's tallies in the segment's step
 * execution context at every commit ({@link #key(String)} per town), together with the reader's position: after a
 * crash the step resumes from a consistent pair, so no case is counted twice or missed. Memory and context grow
 * with the run's towns, never with its cases.
 */
public final class TallyWriter implements ItemStreamWriter<FactPage> {
    private static final String TALLY = "tally.";
    private final ReportPeriod period;
    private final Map<String, CaseTally> tallies = new LinkedHashMap<>();

    public TallyWriter(ReportPeriod period, List<String> towns) {
        this.period = period;
        for (String town : towns) tallies.put(town, new CaseTally());
    }

    /** The context entry holding a town's tally. */
    public static String key(String town) {
        return TALLY + town;
    }

    @Override
    public void open(ExecutionContext context) {
        tallies.replaceAll((town, empty) ->
                CaseTally.fromJson(context.containsKey(key(town)) ? context.getString(key(town)) : null));
    }

    @Override
    public void write(Chunk<? extends FactPage> chunk) {
        for (FactPage page : chunk) {
            for (CaseFact fact : page.cases()) {
                CaseTally tally = tallies.get(fact.town());
                if (tally == null) throw new IllegalStateException("a case of a town outside the run: " + fact.town());
                tally.add(fact, period);
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        tallies.forEach((town, tally) -> context.putString(key(town), tally.toJson()));
    }
}

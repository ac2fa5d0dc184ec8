package cn.banshi.batch.cases;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Adds each chunk's cases to the segment's {@link CaseTally} and saves the tally in the step's execution
 * context at every commit, together with the reader's position: after a crash the step resumes from a
 * consistent pair, so no case is counted twice or missed.
 */
public final class TallyWriter implements ItemStreamWriter<CaseFact> {
    public static final String TALLY = "tally";
    private final ReportPeriod period;
    private CaseTally tally = new CaseTally();

    public TallyWriter(ReportPeriod period) {
        this.period = period;
    }

    @Override
    public void open(ExecutionContext context) {
        tally = CaseTally.fromJson(context.containsKey(TALLY) ? context.getString(TALLY) : null);
    }

    @Override
    public void write(Chunk<? extends CaseFact> chunk) {
        for (CaseFact fact : chunk) tally.add(fact, period);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(TALLY, tally.toJson());
    }
}

package cn.banshi.batch.cases;

import java.util.List;

/**
 * One page of a segment's scan: the item the scan step reads and tallies. Reading pages rather than cases keeps
 * the batch framework's per-item work (proxies, listeners, counters) to once per page of up to 500 cases.
 */
public record FactPage(List<CaseFact> cases) {
    public FactPage {
        cases = List.copyOf(cases);
    }
}

package cn.banshi.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * How a case is linked to others (docs/duplicates.md). {@code mergedInto}: this case was merged as a duplicate into
 * another ({@code merge-as-duplicate}); {@code duplicates}: the cases merged into this one, oldest merge first;
 * {@code earlierCase}: the earlier case a repeat petition (不予受理, repeat ground) or a repeated information request
 * ({@code not-processed:duplicate}) refers to. A record with nothing in it is stored as no links at all.
 */
public record CaseLinks(Merge mergedInto, List<String> duplicates, String earlierCase) {

    public CaseLinks {
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    }

    public static final CaseLinks NONE = new CaseLinks(null, List.of(), null);

    /** {@code links} or {@link #NONE}. */
    public static CaseLinks of(CaseLinks links) {
        return links == null ? NONE : links;
    }

    public boolean isEmpty() {
        return mergedInto == null && duplicates.isEmpty() && earlierCase == null;
    }

    /** The links to store: null when empty, so an unlinked case's item has no {@code links} attribute. */
    public CaseLinks orNull() {
        return isEmpty() ? null : this;
    }

    public CaseLinks withMergedInto(Merge merge) {
        return new CaseLinks(merge, duplicates, earlierCase);
    }

    public CaseLinks withDuplicate(String trackingNo) {
        if (duplicates.contains(trackingNo)) return this;
        List<String> next = new ArrayList<>(duplicates);
        next.add(trackingNo);
        return new CaseLinks(mergedInto, next, earlierCase);
    }

    public CaseLinks withoutDuplicate(String trackingNo) {
        List<String> next = new ArrayList<>(duplicates);
        next.remove(trackingNo);
        return new CaseLinks(mergedInto, next, earlierCase);
    }

    public CaseLinks withEarlierCase(String trackingNo) {
        return new CaseLinks(mergedInto, duplicates, trackingNo);
    }
}

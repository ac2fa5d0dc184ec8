package cn.banshi.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * This case was merged as a duplicate into {@code original} by {@code by} at {@code at}. {@code pending} while the
 * merge is half-done (the original does not list this case yet, or this case's completion is not written yet: see
 * {@code cn.banshi.duplicates.DuplicateMerges}). {@code statusBefore}, {@code dueBefore} and
 * {@code dueProvisionalYearBefore} are the state an {@code unmerge} restores.
 */
public record Merge(
        String original,
        Instant at,
        String by,
        boolean pending,
        CaseStatus statusBefore,
        LocalDate dueBefore,
        int dueProvisionalYearBefore) {

    public Merge completed() {
        return new Merge(original, at, by, false, statusBefore, dueBefore, dueProvisionalYearBefore);
    }
}

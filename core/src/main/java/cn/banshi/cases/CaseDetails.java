package cn.banshi.cases;

import cn.banshi.calendar.Term;
import cn.banshi.catalog.CaseType;
import java.util.Optional;

/**
 * The non-personal, type-specific facts of a case, one record per workflow family. The due date's basis is kept
 * here: a {@link Term} for every family but information requests, which keep their pausable clock
 * ({@link InfoRequestDetails#clock()}). Stored as the item's {@code details} map ({@link DetailsItems}).
 */
public sealed interface CaseDetails permits HotlineDetails, DisputeDetails, PetitionDetails, InfoRequestDetails {

    Supervision supervision();

    CaseDetails withSupervision(Supervision next);

    /** The stored due-date basis counted from one day, if any. */
    Optional<Term> storedTerm();

    /** The details with {@code next} as the due date's basis; information requests count on a clock instead. */
    CaseDetails withTerm(Term next);

    /** Empty details of the family {@code type} belongs to. */
    static CaseDetails empty(CaseType type) {
        return switch (type) {
            case DISPUTE -> DisputeDetails.EMPTY;
            case PETITION -> PetitionDetails.EMPTY;
            case INFO_REQUEST -> InfoRequestDetails.EMPTY;
            default -> HotlineDetails.EMPTY;
        };
    }
}

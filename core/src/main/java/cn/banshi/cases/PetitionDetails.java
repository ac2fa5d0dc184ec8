package cn.banshi.cases;

import cn.banshi.calendar.Term;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Petitions: the steps' days, the handling body, the one extension and the number of reviews asked for (1 = 复查,
 * 2 = 复核). {@code extended} and {@code reviews} are null where the item has no such attribute.
 */
public record PetitionDetails(
        LocalDate registeredOn,
        String handlingBody,
        LocalDate forwardedOn,
        LocalDate acceptedOn,
        Boolean extended,
        String extensionReason,
        LocalDate lastRepliedOn,
        Integer reviews,
        Term term,
        Supervision supervision)
        implements CaseDetails {
    public static final PetitionDetails EMPTY =
            new PetitionDetails(null, null, null, null, null, null, null, null, null, Supervision.NONE);

    public boolean isExtended() {
        return Boolean.TRUE.equals(extended);
    }

    /** Reviews asked for so far. */
    public int reviewCount() {
        return reviews == null ? 0 : reviews;
    }

    public PetitionDetails registered(LocalDate on) {
        return new PetitionDetails(
                on,
                handlingBody,
                forwardedOn,
                acceptedOn,
                extended,
                extensionReason,
                lastRepliedOn,
                reviews,
                term,
                supervision);
    }

    public PetitionDetails forwarded(String body, LocalDate on) {
        return new PetitionDetails(
                registeredOn,
                body,
                on,
                acceptedOn,
                extended,
                extensionReason,
                lastRepliedOn,
                reviews,
                term,
                supervision);
    }

    public PetitionDetails accepted(LocalDate on) {
        return new PetitionDetails(
                registeredOn,
                handlingBody,
                forwardedOn,
                on,
                extended,
                extensionReason,
                lastRepliedOn,
                reviews,
                term,
                supervision);
    }

    public PetitionDetails extendedFor(String reason) {
        return new PetitionDetails(
                registeredOn,
                handlingBody,
                forwardedOn,
                acceptedOn,
                true,
                reason,
                lastRepliedOn,
                reviews,
                term,
                supervision);
    }

    public PetitionDetails repliedOn(LocalDate on) {
        return new PetitionDetails(
                registeredOn,
                handlingBody,
                forwardedOn,
                acceptedOn,
                extended,
                extensionReason,
                on,
                reviews,
                term,
                supervision);
    }

    public PetitionDetails withReviews(int next) {
        return new PetitionDetails(
                registeredOn,
                handlingBody,
                forwardedOn,
                acceptedOn,
                extended,
                extensionReason,
                lastRepliedOn,
                next,
                term,
                supervision);
    }

    @Override
    public Optional<Term> storedTerm() {
        return Optional.ofNullable(term);
    }

    @Override
    public PetitionDetails withTerm(Term next) {
        return new PetitionDetails(
                registeredOn,
                handlingBody,
                forwardedOn,
                acceptedOn,
                extended,
                extensionReason,
                lastRepliedOn,
                reviews,
                next,
                supervision);
    }

    @Override
    public PetitionDetails withSupervision(Supervision next) {
        return new PetitionDetails(
                registeredOn,
                handlingBody,
                forwardedOn,
                acceptedOn,
                extended,
                extensionReason,
                lastRepliedOn,
                reviews,
                term,
                next);
    }
}

package cn.banshi.cases;

import cn.banshi.calendar.Term;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

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
        return change(d -> d.registeredOn = on);
    }

    public PetitionDetails forwarded(String body, LocalDate on) {
        return change(d -> {
            d.handlingBody = body;
            d.forwardedOn = on;
        });
    }

    public PetitionDetails accepted(LocalDate on) {
        return change(d -> d.acceptedOn = on);
    }

    public PetitionDetails extendedFor(String reason) {
        return change(d -> {
            d.extended = true;
            d.extensionReason = reason;
        });
    }

    public PetitionDetails repliedOn(LocalDate on) {
        return change(d -> d.lastRepliedOn = on);
    }

    public PetitionDetails withReviews(int next) {
        return change(d -> d.reviews = next);
    }

    @Override
    public Optional<Term> storedTerm() {
        return Optional.ofNullable(term);
    }

    @Override
    public PetitionDetails withTerm(Term next) {
        return change(d -> d.term = next);
    }

    @Override
    public PetitionDetails withSupervision(Supervision next) {
        return change(d -> d.supervision = next);
    }

    private PetitionDetails change(Consumer<Draft> edit) {
        Draft d = new Draft(this);
        edit.accept(d);
        return d.build();
    }

    /** A copy to change: each step sets what it changes, and the next record is built once. */
    private static final class Draft {
        LocalDate registeredOn;
        String handlingBody;
        LocalDate forwardedOn;
        LocalDate acceptedOn;
        Boolean extended;
        String extensionReason;
        LocalDate lastRepliedOn;
        Integer reviews;
        Term term;
        Supervision supervision;

        Draft(PetitionDetails p) {
            registeredOn = p.registeredOn;
            handlingBody = p.handlingBody;
            forwardedOn = p.forwardedOn;
            acceptedOn = p.acceptedOn;
            extended = p.extended;
            extensionReason = p.extensionReason;
            lastRepliedOn = p.lastRepliedOn;
            reviews = p.reviews;
            term = p.term;
            supervision = p.supervision;
        }

        PetitionDetails build() {
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
                    supervision);
        }
    }
}

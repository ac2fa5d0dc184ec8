package cn.banshi.cases;

import cn.banshi.calendar.Term;
import java.util.Optional;

/**
 * Complaints, help, enquiries and suggestions. {@code assignedTo} is {@code village:<id>} or
 * {@code department:<name>}; {@code followUp} the text of the follow-up call at closing.
 */
public record HotlineDetails(String assignedTo, String followUp, Term term, Supervision supervision)
        implements CaseDetails {
    public static final HotlineDetails EMPTY = new HotlineDetails(null, null, null, Supervision.NONE);

    public static String toVillage(String village) {
        return "village:" + village;
    }

    public static String toDepartment(String department) {
        return "department:" + department;
    }

    public HotlineDetails withAssignedTo(String next) {
        return new HotlineDetails(next, followUp, term, supervision);
    }

    public HotlineDetails withFollowUp(String next) {
        return new HotlineDetails(assignedTo, next, term, supervision);
    }

    @Override
    public Optional<Term> storedTerm() {
        return Optional.ofNullable(term);
    }

    @Override
    public HotlineDetails withTerm(Term next) {
        return new HotlineDetails(assignedTo, followUp, next, supervision);
    }

    @Override
    public HotlineDetails withSupervision(Supervision next) {
        return new HotlineDetails(assignedTo, followUp, term, next);
    }
}

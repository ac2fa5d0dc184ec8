package cn.banshi.cases;

import cn.banshi.calendar.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** People's mediation: when it was accepted, the mediator, the sessions held and the result's summary. */
public record DisputeDetails(
        LocalDate acceptedOn,
        String mediator,
        List<Session> sessions,
        String resultSummary,
        Term term,
        Supervision supervision)
        implements CaseDetails {
    public static final DisputeDetails EMPTY = new DisputeDetails(null, null, null, null, null, Supervision.NONE);

    /** One mediation session. */
    public record Session(LocalDate date, String summary) {}

    public DisputeDetails {
        sessions = sessions == null ? null : List.copyOf(sessions);
    }

    public DisputeDetails withAcceptedOn(LocalDate next) {
        return new DisputeDetails(next, mediator, sessions, resultSummary, term, supervision);
    }

    public DisputeDetails withMediator(String next) {
        return new DisputeDetails(acceptedOn, next, sessions, resultSummary, term, supervision);
    }

    public DisputeDetails withSession(Session session) {
        List<Session> next = sessions == null ? new ArrayList<>() : new ArrayList<>(sessions);
        next.add(session);
        return new DisputeDetails(acceptedOn, mediator, next, resultSummary, term, supervision);
    }

    public DisputeDetails withResultSummary(String next) {
        return new DisputeDetails(acceptedOn, mediator, sessions, next, term, supervision);
    }

    /** The sessions held so far (none when none was recorded). */
    public List<Session> sessionsHeld() {
        return sessions == null ? List.of() : sessions;
    }

    @Override
    public Optional<Term> storedTerm() {
        return Optional.ofNullable(term);
    }

    @Override
    public DisputeDetails withTerm(Term next) {
        return new DisputeDetails(acceptedOn, mediator, sessions, resultSummary, next, supervision);
    }

    @Override
    public DisputeDetails withSupervision(Supervision next) {
        return new DisputeDetails(acceptedOn, mediator, sessions, resultSummary, term, next);
    }
}

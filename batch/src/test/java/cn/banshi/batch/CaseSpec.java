package cn.banshi.batch;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.CaseType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A case a test writes, as the workflows would leave it: received at an instant (its Beijing date is the
 * receipt day), due on a date, and, if finished, finished on a date with an outcome, on time or not, maybe
 * rated. The expected figures are computed from these specs, independently of the jobs' code.
 */
public record CaseSpec(
        CaseType type,
        String category,
        String village,
        Instant receivedAt,
        LocalDate dueDate,
        LocalDate finishedOn,
        boolean onTime,
        String outcome,
        Integer rating,
        String applicantKind) {

    public LocalDate receivedOn() {
        return LocalDate.ofInstant(receivedAt, ChinaTime.ZONE);
    }

    public boolean finished() {
        return finishedOn != null;
    }

    /** At a Beijing wall-clock time. */
    public static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ChinaTime.ZONE).toInstant();
    }

    public static CaseSpec open(CaseType type, String category, String village, String receivedAt, String due) {
        return new CaseSpec(
                type, category, village, beijing(receivedAt), LocalDate.parse(due), null, false, null, null, null);
    }

    public static CaseSpec finished(
            CaseType type,
            String category,
            String village,
            String receivedAt,
            String due,
            String finishedOn,
            String outcome,
            Integer rating) {
        LocalDate dueDate = LocalDate.parse(due);
        LocalDate finished = LocalDate.parse(finishedOn);
        return new CaseSpec(
                type,
                category,
                village,
                beijing(receivedAt),
                dueDate,
                finished,
                !finished.isAfter(dueDate),
                outcome,
                rating,
                null);
    }

    public static CaseSpec infoRequest(String kind, String receivedAt, String due, String answeredOn, String outcome) {
        LocalDate dueDate = LocalDate.parse(due);
        LocalDate answered = answeredOn == null ? null : LocalDate.parse(answeredOn);
        return new CaseSpec(
                CaseType.INFO_REQUEST,
                "government-information",
                null,
                beijing(receivedAt),
                dueDate,
                answered,
                answered != null && !answered.isAfter(dueDate),
                outcome,
                null,
                kind);
    }
}

package cn.banshi.cases;

import cn.banshi.calendar.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One step in a case's append-only history. {@code actor} is a staff subject or "citizen"/"system";
 * {@code publicNote} is the text the citizen's timeline shows (never personal data), {@code note} the
 * internal remark. {@code at} is when the entry was typed; {@code effectiveOn}, when set, the day the step took effect
 * (a paper notice posted on Friday and typed in on Monday), which the statutory clocks count from.
 * {@code fromStatus} is null only for the submission.
 */
public record HistoryEntry(
        int seq,
        Instant at,
        String actor,
        CaseAction action,
        CaseStatus fromStatus,
        CaseStatus toStatus,
        String publicNote,
        String note,
        LocalDate effectiveOn) {

    /** An entry effective when it was typed. */
    public HistoryEntry(
            int seq,
            Instant at,
            String actor,
            CaseAction action,
            CaseStatus fromStatus,
            CaseStatus toStatus,
            String publicNote,
            String note) {
        this(seq, at, actor, action, fromStatus, toStatus, publicNote, note, null);
    }

    /** The day the step took effect: {@code effectiveOn}, else the day (in China) it was typed. */
    public LocalDate effectiveDay() {
        return effectiveOn != null ? effectiveOn : LocalDate.ofInstant(at, ChinaTime.ZONE);
    }
}

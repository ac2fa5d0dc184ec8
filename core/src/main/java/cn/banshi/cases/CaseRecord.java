package cn.banshi.cases;

import cn.banshi.calendar.Due;
import cn.banshi.catalog.CaseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A case as stored: one DynamoDB item, so that status, version and history always change together.
 * {@code personal} holds everything that identifies a person (submitter, parties, applicant, the address);
 * only authorised roles see it. {@code details} holds the type-specific facts that are not personal, one record per
 * workflow family (for information requests: applicant kind, form, delivery; the deadline clock). {@code resolution} and
 * {@code rating} are null until the case is finished or rated. {@code dueProvisionalYear} is the first year the due
 * date's count passed through without a loaded holiday notice (the date is provisional), or 0. {@code outbox} holds
 * the messages the latest changes asked for that the dispatcher has not taken over yet ({@link PendingNotice}).
 * {@code clientKey} is a pseudonymous key of the online submitter's address ({@link cn.banshi.abuse.SubmitterBlocks};
 * null for staff intake), kept only to block that client if the case is marked as spam; {@code spam} is that mark,
 * null for a genuine case.
 */
public record CaseRecord(
        String trackingNo,
        String town,
        CaseType type,
        String category,
        String village,
        String title,
        String description,
        String channel,
        CaseStatus status,
        long version,
        Instant receivedAt,
        LocalDate receivedOn,
        LocalDate dueDate,
        int dueProvisionalYear,
        Personal personal,
        CaseDetails details,
        String accessHash,
        List<HistoryEntry> history,
        Resolution resolution,
        Rating rating,
        List<PendingNotice> outbox,
        String clientKey,
        SpamMark spam) {

    public CaseRecord {
        history = List.copyOf(history);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        if (dueDate == null) dueProvisionalYear = 0;
    }

    /** Open and past its due date on {@code today} (Beijing date); a stopped clock (no due date) is never overdue. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueDate != null && dueDate.isBefore(today);
    }

    /** A case with nothing waiting to be sent. */
    public CaseRecord(
            String trackingNo,
            String town,
            CaseType type,
            String category,
            String village,
            String title,
            String description,
            String channel,
            CaseStatus status,
            long version,
            Instant receivedAt,
            LocalDate receivedOn,
            LocalDate dueDate,
            int dueProvisionalYear,
            Personal personal,
            CaseDetails details,
            String accessHash,
            List<HistoryEntry> history,
            Resolution resolution,
            Rating rating,
            String clientKey,
            SpamMark spam) {
        this(
                trackingNo,
                town,
                type,
                category,
                village,
                title,
                description,
                channel,
                status,
                version,
                receivedAt,
                receivedOn,
                dueDate,
                dueProvisionalYear,
                personal,
                details,
                accessHash,
                history,
                resolution,
                rating,
                List.of(),
                clientKey,
                spam);
    }

    /** The same version with {@code next} as the messages waiting for the dispatcher. */
    public CaseRecord withOutbox(List<PendingNotice> next) {
        return new CaseRecord(
                trackingNo,
                town,
                type,
                category,
                village,
                title,
                description,
                channel,
                status,
                version,
                receivedAt,
                receivedOn,
                dueDate,
                dueProvisionalYear,
                personal,
                details,
                accessHash,
                history,
                resolution,
                rating,
                next,
                clientKey,
                spam);
    }

    public boolean isSpam() {
        return spam != null;
    }

    /** The next version, marked as spam, with {@code entry} appended to the history. */
    public CaseRecord markedSpam(SpamMark mark, HistoryEntry entry) {
        List<HistoryEntry> next = new ArrayList<>(history);
        next.add(entry);
        return new CaseRecord(
                trackingNo,
                town,
                type,
                category,
                village,
                title,
                description,
                channel,
                status,
                version + 1,
                receivedAt,
                receivedOn,
                dueDate,
                dueProvisionalYear,
                personal,
                details,
                accessHash,
                next,
                resolution,
                rating,
                outbox,
                clientKey,
                mark);
    }

    /** The last history entry (the step that made this version). */
    public HistoryEntry lastStep() {
        return history.get(history.size() - 1);
    }

    /** The details as the family's record; the case's type decides the family. */
    public <T extends CaseDetails> T details(Class<T> family) {
        return family.cast(details);
    }

    /** The due date in force with its provisional year, if the case has one. */
    public Optional<Due> due() {
        return dueDate == null ? Optional.empty() : Optional.of(new Due(dueDate, dueProvisionalYear));
    }
}

package cn.banshi.cases;

import cn.banshi.catalog.CaseType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as stored: one DynamoDB item, so that status, version and history always change together.
 * {@code personal} holds everything that identifies a person (submitter, parties, applicant, the address);
 * only authorised roles see it. {@code details} holds type-specific facts that are not personal
 * (for information requests: applicant kind, form, delivery; the deadline clock). {@code resolution} and
 * {@code rating} are null until the case is finished or rated.
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
        String status,
        long version,
        Instant receivedAt,
        LocalDate receivedOn,
        LocalDate dueDate,
        ObjectNode personal,
        ObjectNode details,
        String accessHash,
        List<HistoryEntry> history,
        Resolution resolution,
        Rating rating) {

    public CaseRecord {
        history = List.copyOf(history);
    }
}

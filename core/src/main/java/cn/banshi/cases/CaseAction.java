package cn.banshi.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a history entry records: the citizen's submission and rating, the workflows' actions (their codes are the API's
 * {@code action} values) and the system's own entries.
 */
public enum CaseAction {
    SUBMIT("submit"),
    RATE("rate"),
    // complaints, help, enquiries, suggestions (and shared by the other families)
    ACCEPT("accept"),
    REJECT("reject"),
    ASSIGN("assign"),
    REPLY("reply"),
    RESOLVE("resolve"),
    CLOSE("close"),
    // disputes
    ASSIGN_MEDIATOR("assign-mediator"),
    RECORD_SESSION("record-session"),
    RECORD_FULFILMENT("record-fulfilment"),
    // petitions
    REGISTER("register"),
    FORWARD("forward"),
    ACKNOWLEDGE("acknowledge"),
    EXTEND("extend"),
    REQUEST_REVIEW("request-review"),
    REVIEW_REPLY("review-reply"),
    // information requests
    REQUEST_CORRECTION("request-correction"),
    RECEIVE_CORRECTION("receive-correction"),
    CONSULT_THIRD_PARTY("consult-third-party"),
    THIRD_PARTY_REPLIED("third-party-replied"),
    ANSWER("answer"),
    WITHDRAW("withdraw"),
    // any family: a town admin marks the case as spam (never a status change; the case leaves every list)
    MARK_SPAM("mark-spam"),
    // hotline families and disputes: merge into another open case of the same type and town, and undo it within 30
    // days (docs/duplicates.md); the original's entries and the system's completion entry are never status changes
    MERGE_AS_DUPLICATE("merge-as-duplicate"),
    UNMERGE("unmerge"),
    LINK_DUPLICATE("link-duplicate"),
    UNLINK_DUPLICATE("unlink-duplicate"),
    COMPLETE_MERGE("complete-merge"),
    // any family: a town admin holds the case against erasure (litigation, review) and releases it
    LEGAL_HOLD("legal-hold"),
    RELEASE_HOLD("release-hold"),
    // any family: staff replace the personal parts of a free text; the citizen's words move into the personal data
    MARK_PERSONAL_TEXT("mark-personal-text"),
    // the system's entries (never a status change)
    MARK_OVERDUE("mark-overdue"),
    RECOMPUTE_DUE("recompute-due"),
    // the retention job (or a granted deletion request) erased the personal attributes (docs/personal-data.md)
    ERASE_PERSONAL("erase-personal");

    private final String code;

    CaseAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CaseAction> find(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    public static CaseAction fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown case action " + code));
    }

    @Override
    public String toString() {
        return code;
    }
}

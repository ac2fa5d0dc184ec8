package cn.banshi.cases;

import cn.banshi.attachments.Attachment;
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
 * null for a genuine case. {@code attachments} are the processed files linked from the case (issue 16), empty when
 * none. {@code links}: merged duplicates and earlier cases ({@link CaseLinks}), null when none. {@code legalHold} is
 * set while a town admin holds the case (nothing is erased then); {@code personalErasedAt} when its personal
 * attributes were erased (docs/personal-data.md). {@code sealedPersonal} is set, and {@code personal} null, only when
 * a store that does not decrypt read the case ({@link SealedPersonal}); it is written back as it was read.
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
        SpamMark spam,
        List<Attachment> attachments,
        CaseLinks links,
        LegalHold legalHold,
        Instant personalErasedAt,
        SealedPersonal sealedPersonal) {

    public CaseRecord {
        history = List.copyOf(history);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        if (dueDate == null) dueProvisionalYear = 0;
        links = links == null ? null : links.orNull();
    }

    /** The case's links to other cases ({@link CaseLinks#NONE} when it has none). */
    public CaseLinks linksOrNone() {
        return CaseLinks.of(links);
    }

    /** Whether this case was merged (or is being merged) into another as a duplicate. */
    public boolean isMergedDuplicate() {
        return links != null && links.mergedInto() != null;
    }

    /** Open and past its due date on {@code today} (Beijing date); a stopped clock (no due date) is never overdue. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueDate != null && dueDate.isBefore(today);
    }

    /** The same version with {@code next} as the messages waiting for the dispatcher. */
    public CaseRecord withOutbox(List<PendingNotice> next) {
        return toBuilder().outbox(next).build();
    }

    /** Whether a town admin holds the case (litigation, review): nothing of it is erased while held. */
    public boolean isHeld() {
        return legalHold != null;
    }

    /** Whether the retention job (or a granted deletion request) has erased the personal attributes. */
    public boolean isPersonalErased() {
        return personalErasedAt != null;
    }

    public boolean isSpam() {
        return spam != null;
    }

    /** The next version, marked as spam, with {@code entry} appended to the history. */
    public CaseRecord markedSpam(SpamMark mark, HistoryEntry entry) {
        List<HistoryEntry> next = new ArrayList<>(history);
        next.add(entry);
        return toBuilder().version(version + 1).history(next).spam(mark).build();
    }

    /**
     * A builder of the next version with one history entry more that leaves the status as it is: an action beside
     * the workflow (a legal hold, a text marked as personal, an erasure); the caller sets what the action changes.
     */
    public Builder nextStep(Instant at, String actor, CaseAction action, String publicNote, String note) {
        List<HistoryEntry> next = new ArrayList<>(history);
        next.add(new HistoryEntry(next.size() + 1, at, actor, action, status, status, publicNote, note));
        return toBuilder().version(version + 1).history(next);
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

    /** A builder for a new case; unset references are null, numbers 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder()
                .trackingNo(trackingNo)
                .town(town)
                .type(type)
                .category(category)
                .village(village)
                .title(title)
                .description(description)
                .channel(channel)
                .status(status)
                .version(version)
                .receivedAt(receivedAt)
                .receivedOn(receivedOn)
                .dueDate(dueDate)
                .dueProvisionalYear(dueProvisionalYear)
                .personal(personal)
                .details(details)
                .accessHash(accessHash)
                .history(history)
                .resolution(resolution)
                .rating(rating)
                .outbox(outbox)
                .clientKey(clientKey)
                .spam(spam)
                .attachments(attachments)
                .links(links)
                .legalHold(legalHold)
                .personalErasedAt(personalErasedAt)
                .sealedPersonal(sealedPersonal);
    }

    /** Builds a {@link CaseRecord} by component name, so that a new component does not change every caller. */
    public static final class Builder {
        private String trackingNo;
        private String town;
        private CaseType type;
        private String category;
        private String village;
        private String title;
        private String description;
        private String channel;
        private CaseStatus status;
        private long version;
        private Instant receivedAt;
        private LocalDate receivedOn;
        private LocalDate dueDate;
        private int dueProvisionalYear;
        private Personal personal;
        private CaseDetails details;
        private String accessHash;
        private List<HistoryEntry> history;
        private Resolution resolution;
        private Rating rating;
        private List<PendingNotice> outbox;
        private String clientKey;
        private SpamMark spam;
        private List<Attachment> attachments;
        private CaseLinks links;
        private LegalHold legalHold;
        private Instant personalErasedAt;
        private SealedPersonal sealedPersonal;

        private Builder() {}

        public Builder trackingNo(String trackingNo) {
            this.trackingNo = trackingNo;
            return this;
        }

        public Builder town(String town) {
            this.town = town;
            return this;
        }

        public Builder type(CaseType type) {
            this.type = type;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder village(String village) {
            this.village = village;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder status(CaseStatus status) {
            this.status = status;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder receivedOn(LocalDate receivedOn) {
            this.receivedOn = receivedOn;
            return this;
        }

        public Builder dueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        public Builder dueProvisionalYear(int dueProvisionalYear) {
            this.dueProvisionalYear = dueProvisionalYear;
            return this;
        }

        /** Personal data in the clear; replaces a carried sealed value. */
        public Builder personal(Personal personal) {
            this.personal = personal;
            if (personal != null) this.sealedPersonal = null;
            return this;
        }

        public Builder details(CaseDetails details) {
            this.details = details;
            return this;
        }

        public Builder accessHash(String accessHash) {
            this.accessHash = accessHash;
            return this;
        }

        public Builder history(List<HistoryEntry> history) {
            this.history = history;
            return this;
        }

        public Builder resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        public Builder rating(Rating rating) {
            this.rating = rating;
            return this;
        }

        public Builder outbox(List<PendingNotice> outbox) {
            this.outbox = outbox;
            return this;
        }

        public Builder clientKey(String clientKey) {
            this.clientKey = clientKey;
            return this;
        }

        public Builder spam(SpamMark spam) {
            this.spam = spam;
            return this;
        }

        public Builder attachments(List<Attachment> attachments) {
            this.attachments = attachments;
            return this;
        }

        public Builder links(CaseLinks links) {
            this.links = links;
            return this;
        }

        public Builder legalHold(LegalHold legalHold) {
            this.legalHold = legalHold;
            return this;
        }

        public Builder personalErasedAt(Instant personalErasedAt) {
            this.personalErasedAt = personalErasedAt;
            return this;
        }

        /** The personal attribute as read by a store that does not decrypt; ignored once {@code personal} is set. */
        public Builder sealedPersonal(SealedPersonal sealedPersonal) {
            this.sealedPersonal = personal == null ? sealedPersonal : null;
            return this;
        }

        public CaseRecord build() {
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
                    outbox,
                    clientKey,
                    spam,
                    attachments,
                    links,
                    legalHold,
                    personalErasedAt,
                    sealedPersonal);
        }
    }
}

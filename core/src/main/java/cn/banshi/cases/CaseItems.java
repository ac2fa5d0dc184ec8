package cn.banshi.cases;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.CaseType;
import cn.banshi.duplicates.SimilarCases;
import cn.banshi.notifications.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a {@link CaseRecord} to its DynamoDB item and back, including the index key attributes. */
public final class CaseItems {
    /** Fixed width, so that index sort keys order by time: 2021-09-30T10:00:00+08:00. */
    static final DateTimeFormatter RECEIVED_KEY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ChinaTime.ZONE);

    /** The first year a provisional due date's count passed through without a loaded notice; absent when final. */
    public static final String DUE_PROVISIONAL_YEAR = "dueProvisionalYear";

    /** The messages waiting for the dispatcher ({@link PendingNotice}); absent when there are none. */
    public static final String OUTBOX = "outbox";
    /** Sparse index keys, present only while {@link #OUTBOX} is: the town and {@code <oldest at>#<pk>}. */
    public static final String NOTICE_TOWN = "noticeTown";

    public static final String NOTICE_KEY = "noticeKey";

    /** The case's processed files ({@link cn.banshi.attachments.Attachment}); absent when there are none. */
    public static final String ATTACHMENTS = "attachments";
    /** Merged duplicates and earlier cases ({@link CaseLinks}); absent when the case has none. */
    public static final String LINKS = "links";

    /**
     * Sparse index key ({@code <town>#<category>}), present only while a case of the public types is open and not
     * spam: the candidates of similar-case suggestions ({@link SimilarCases}).
     */
    public static final String OPEN_CATEGORY = "openCategory";

    /** The legal hold ({@link LegalHold}) while a town admin holds the case; absent otherwise. */
    public static final String LEGAL_HOLD = "legalHold";

    /** When the personal attributes were erased; absent until then (the retention job's filter). */
    public static final String PERSONAL_ERASED_AT = "personalErasedAt";

    private CaseItems() {}

    public static Map<String, AttributeValue> toItem(CaseRecord c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(c.trackingNo()));
        item.put("town", s(c.town()));
        item.put("type", s(c.type().code()));
        item.put("category", s(c.category()));
        // a spam case has none of the indexes' keys: it leaves every list, queue, export and figure (sparse indexes)
        boolean listed = !c.isSpam();
        if (c.village() != null) {
            item.put("village", s(c.village()));
            if (listed) item.put("townVillage", s(c.town() + "#" + c.village()));
        }
        item.put("title", s(c.title()));
        item.put("description", s(c.description()));
        item.put("channel", s(c.channel()));
        item.put("status", s(c.status().code()));
        item.put("version", AttributeValue.fromN(Long.toString(c.version())));
        item.put("receivedAt", s(c.receivedAt().toString()));
        item.put("receivedOn", s(c.receivedOn().toString()));
        String receivedKey = RECEIVED_KEY_TIME.format(c.receivedAt()) + "#" + c.trackingNo();
        if (listed) {
            item.put("receivedKey", s(receivedKey));
            item.put("townType", s(c.town() + "#" + c.type().code()));
            item.put("townStatus", s(c.town() + "#" + c.status().code()));
        }
        if (c.dueDate() != null) {
            item.put("dueDate", s(c.dueDate().toString()));
            if (c.dueProvisionalYear() != 0) {
                item.put(DUE_PROVISIONAL_YEAR, AttributeValue.fromN(Integer.toString(c.dueProvisionalYear())));
            }
            if (c.status().isOpen() && listed) {
                item.put("openTown", s(c.town()));
                item.put("dueKey", s(c.dueDate() + "#" + c.trackingNo()));
            }
        }
        if (listed && c.status().isOpen() && SimilarCases.PUBLIC_TYPES.contains(c.type())) {
            item.put(OPEN_CATEGORY, s(c.town() + "#" + c.category()));
        }
        if (c.personal() != null || c.sealedPersonal() == null) {
            item.put("personal", PersonalItems.toAttribute(c.personal()));
        } else {
            item.put(
                    "personal",
                    AttributeValue.fromB(
                            SdkBytes.fromByteArray(c.sealedPersonal().stored())));
        }
        item.put("details", DetailsItems.toAttribute(c.details()));
        item.put("accessHash", s(c.accessHash()));
        List<AttributeValue> history = new ArrayList<>();
        for (HistoryEntry h : c.history()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("seq", AttributeValue.fromN(Integer.toString(h.seq())));
            m.put("at", s(h.at().toString()));
            m.put("actor", s(h.actor()));
            m.put("action", s(h.action().code()));
            if (h.fromStatus() != null) m.put("from", s(h.fromStatus().code()));
            m.put("to", s(h.toStatus().code()));
            if (h.publicNote() != null) m.put("publicNote", s(h.publicNote()));
            if (h.note() != null) m.put("note", s(h.note()));
            if (h.effectiveOn() != null) m.put("effectiveOn", s(h.effectiveOn().toString()));
            history.add(AttributeValue.fromM(m));
        }
        item.put("history", AttributeValue.fromL(history));
        Resolution r = c.resolution();
        if (r != null) {
            item.put("finishedAt", s(r.at().toString()));
            item.put("finishedOn", s(r.on().toString()));
            item.put("onTime", AttributeValue.fromBool(r.onTime()));
            item.put("outcome", s(r.outcome()));
            if (r.agreementFulfilled() != null)
                item.put("agreementFulfilled", AttributeValue.fromBool(r.agreementFulfilled()));
        }
        if (c.rating() != null) {
            item.put("rating", AttributeValue.fromN(Integer.toString(c.rating().score())));
            if (c.rating().comment() != null)
                item.put("ratingComment", s(c.rating().comment()));
            item.put("ratedAt", s(c.rating().at().toString()));
        }
        if (!c.outbox().isEmpty()) {
            List<AttributeValue> outbox = new ArrayList<>();
            Instant oldest = null;
            for (PendingNotice n : c.outbox()) {
                Map<String, AttributeValue> params = new HashMap<>();
                n.params().forEach((k, v) -> params.put(k, s(v)));
                Map<String, AttributeValue> notice = new HashMap<>(Map.of(
                        "id", s(n.id()),
                        "kind", s(n.kind()),
                        "channel", s(n.channel().code()),
                        "at", s(n.at().toString()),
                        "params", AttributeValue.fromM(params)));
                if (n.follower() != null) notice.put("follower", s(n.follower()));
                outbox.add(AttributeValue.fromM(notice));
                if (oldest == null || n.at().isBefore(oldest)) oldest = n.at();
            }
            item.put(OUTBOX, AttributeValue.fromL(outbox));
            item.put(NOTICE_TOWN, s(c.town()));
            item.put(NOTICE_KEY, s(oldest + "#" + c.trackingNo()));
        }
        if (c.clientKey() != null) item.put("clientKey", s(c.clientKey()));
        if (c.isSpam()) {
            Map<String, AttributeValue> spam = new HashMap<>();
            spam.put("reason", s(c.spam().reason()));
            spam.put("by", s(c.spam().by()));
            spam.put("at", s(c.spam().at().toString()));
            if (c.spam().blockedUntil() != null)
                spam.put("blockedUntil", s(c.spam().blockedUntil().toString()));
            item.put("spam", AttributeValue.fromM(spam));
        }
        if (!c.attachments().isEmpty()) item.put(ATTACHMENTS, AttachmentItems.toAttribute(c.attachments()));
        if (c.links() != null) item.put(LINKS, LinkItems.toAttribute(c.links()));
        if (c.legalHold() != null) {
            item.put(
                    LEGAL_HOLD,
                    AttributeValue.fromM(Map.of(
                            "reason", s(c.legalHold().reason()),
                            "by", s(c.legalHold().by()),
                            "at", s(c.legalHold().at().toString()))));
        }
        if (c.personalErasedAt() != null)
            item.put(PERSONAL_ERASED_AT, s(c.personalErasedAt().toString()));
        return item;
    }

    private static List<PendingNotice> outbox(Map<String, AttributeValue> item) {
        if (!item.containsKey(OUTBOX)) return List.of();
        List<PendingNotice> outbox = new ArrayList<>();
        for (AttributeValue v : item.get(OUTBOX).l()) {
            Map<String, AttributeValue> m = v.m();
            Map<String, String> params = new HashMap<>();
            m.get("params").m().forEach((k, p) -> params.put(k, p.s()));
            outbox.add(new PendingNotice(
                    m.get("id").s(),
                    m.get("kind").s(),
                    Channel.fromCode(m.get("channel").s()),
                    Instant.parse(m.get("at").s()),
                    params,
                    str(m, "follower")));
        }
        return outbox;
    }

    public static CaseRecord fromItem(Map<String, AttributeValue> item) {
        List<HistoryEntry> history = new ArrayList<>();
        for (AttributeValue v : item.get("history").l()) {
            Map<String, AttributeValue> m = v.m();
            history.add(new HistoryEntry(
                    Integer.parseInt(m.get("seq").n()),
                    Instant.parse(m.get("at").s()),
                    m.get("actor").s(),
                    CaseAction.fromCode(m.get("action").s()),
                    m.containsKey("from") ? CaseStatus.fromCode(m.get("from").s()) : null,
                    CaseStatus.fromCode(m.get("to").s()),
                    str(m, "publicNote"),
                    str(m, "note"),
                    m.containsKey("effectiveOn")
                            ? LocalDate.parse(m.get("effectiveOn").s())
                            : null));
        }
        CaseType type = CaseType.fromCode(item.get("type").s());
        return CaseRecord.builder()
                .trackingNo(item.get("pk").s())
                .town(item.get("town").s())
                .type(type)
                .category(item.get("category").s())
                .village(str(item, "village"))
                .title(item.get("title").s())
                .description(item.get("description").s())
                .channel(item.get("channel").s())
                .status(CaseStatus.fromCode(item.get("status").s()))
                .version(Long.parseLong(item.get("version").n()))
                .receivedAt(Instant.parse(item.get("receivedAt").s()))
                .receivedOn(LocalDate.parse(item.get("receivedOn").s()))
                .dueDate(
                        item.containsKey("dueDate")
                                ? LocalDate.parse(item.get("dueDate").s())
                                : null)
                .dueProvisionalYear(
                        item.containsKey(DUE_PROVISIONAL_YEAR)
                                ? Integer.parseInt(
                                        item.get(DUE_PROVISIONAL_YEAR).n())
                                : 0)
                .personal(sealed(item) ? null : PersonalItems.fromAttribute(item.get("personal")))
                .sealedPersonal(
                        sealed(item)
                                ? new SealedPersonal(item.get("personal").b().asByteArray())
                                : null)
                .details(DetailsItems.fromAttribute(type, item.get("details")))
                .accessHash(str(item, "accessHash"))
                .history(history)
                .resolution(
                        item.containsKey("finishedAt")
                                ? new Resolution(
                                        Instant.parse(item.get("finishedAt").s()),
                                        LocalDate.parse(item.get("finishedOn").s()),
                                        item.get("onTime").bool(),
                                        item.get("outcome").s(),
                                        item.containsKey("agreementFulfilled")
                                                ? item.get("agreementFulfilled").bool()
                                                : null)
                                : null)
                .rating(
                        item.containsKey("rating")
                                ? new Rating(
                                        Integer.parseInt(item.get("rating").n()),
                                        str(item, "ratingComment"),
                                        Instant.parse(item.get("ratedAt").s()))
                                : null)
                .outbox(outbox(item))
                .clientKey(str(item, "clientKey"))
                .spam(spam(item.get("spam")))
                .attachments(AttachmentItems.fromAttribute(item.get(ATTACHMENTS)))
                .links(LinkItems.fromAttribute(item.get(LINKS)))
                .legalHold(legalHold(item.get(LEGAL_HOLD)))
                .personalErasedAt(
                        item.containsKey(PERSONAL_ERASED_AT)
                                ? Instant.parse(item.get(PERSONAL_ERASED_AT).s())
                                : null)
                .build();
    }

    /** Whether the item's personal attribute is still sealed (read by a store that does not decrypt). */
    private static boolean sealed(Map<String, AttributeValue> item) {
        AttributeValue p = item.get("personal");
        return p != null && p.b() != null;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static SpamMark spam(AttributeValue v) {
        if (v == null || !v.hasM()) return null;
        Map<String, AttributeValue> m = v.m();
        return new SpamMark(
                m.get("reason").s(),
                m.get("by").s(),
                Instant.parse(m.get("at").s()),
                m.containsKey("blockedUntil")
                        ? Instant.parse(m.get("blockedUntil").s())
                        : null);
    }

    private static LegalHold legalHold(AttributeValue v) {
        if (v == null || !v.hasM()) return null;
        Map<String, AttributeValue> m = v.m();
        return new LegalHold(
                m.get("reason").s(), m.get("by").s(), Instant.parse(m.get("at").s()));
    }

    private static String str(Map<String, AttributeValue> m, String key) {
        AttributeValue v = m.get(key);
        return v == null ? null : v.s();
    }
}

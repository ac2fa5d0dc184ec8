package cn.banshi.batch.cases;

import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a report needs to know of one case, and nothing personal: its town, type, category, village, dates,
 * outcome, rating, channel (online form or the 12345 hotline), and for information requests the applicant kind
 * (a column of the statutory table).
 */
public record CaseFact(
        String town,
        String type,
        String category,
        String village,
        LocalDate receivedOn,
        LocalDate dueDate,
        LocalDate finishedOn,
        Boolean onTime,
        String outcome,
        Integer rating,
        String applicantKind,
        String channel) {

    /** A fact without a known channel. */
    public CaseFact(
            String town,
            String type,
            String category,
            String village,
            LocalDate receivedOn,
            LocalDate dueDate,
            LocalDate finishedOn,
            Boolean onTime,
            String outcome,
            Integer rating,
            String applicantKind) {
        this(
                town,
                type,
                category,
                village,
                receivedOn,
                dueDate,
                finishedOn,
                onTime,
                outcome,
                rating,
                applicantKind,
                null);
    }

    /** The attributes the scan asks for ({@link #PROJECTION} with {@link #NAMES}); personal data is never read. */
    public static final String PROJECTION = "#town, #type, #category, #village, #receivedOn, #dueDate, #finishedOn, "
            + "#onTime, #outcome, #rating, #details.#applicantKind, #channel";

    public static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("#town", "town"),
            Map.entry("#type", "type"),
            Map.entry("#category", "category"),
            Map.entry("#village", "village"),
            Map.entry("#receivedOn", "receivedOn"),
            Map.entry("#dueDate", "dueDate"),
            Map.entry("#finishedOn", "finishedOn"),
            Map.entry("#onTime", "onTime"),
            Map.entry("#outcome", "outcome"),
            Map.entry("#rating", "rating"),
            Map.entry("#details", "details"),
            Map.entry("#applicantKind", "applicantKind"),
            Map.entry("#channel", "channel"));

    public static CaseFact of(Map<String, AttributeValue> item) {
        AttributeValue details = item.get("details");
        String kind = null;
        if (details != null && details.hasM() && details.m().containsKey("applicantKind")) {
            kind = details.m().get("applicantKind").s();
        }
        return new CaseFact(
                s(item, "town"),
                s(item, "type"),
                s(item, "category"),
                s(item, "village"),
                date(item, "receivedOn"),
                date(item, "dueDate"),
                date(item, "finishedOn"),
                item.containsKey("onTime") ? item.get("onTime").bool() : null,
                s(item, "outcome"),
                item.containsKey("rating") ? Integer.valueOf(item.get("rating").n()) : null,
                kind,
                s(item, "channel"));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static LocalDate date(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : isoDate(v.s());
    }

    /** yyyy-MM-dd, as the store writes dates; about ten times faster than LocalDate.parse, which is per case here. */
    static LocalDate isoDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) return LocalDate.of(year, month, day);
        }
        return LocalDate.parse(s); // anything else: the standard parser, and its error
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}

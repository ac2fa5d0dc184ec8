package cn.banshi.staff;

import cn.banshi.cases.CaseStatuses;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** The staff list's filters, from query parameters, validated against the town's catalog. */
public record ListFilters(
        String type,
        String status,
        String village,
        String category,
        LocalDate from,
        LocalDate to,
        boolean overdue,
        LocalDate dueBefore,
        boolean provisional) {
    static final Set<String> NAMES = Set.of(
            "type",
            "status",
            "village",
            "category",
            "from",
            "to",
            "overdue",
            "dueBefore",
            "provisional",
            "limit",
            "cursor");

    public static ListFilters parse(Map<String, String> query, Catalog catalog) {
        Map<String, String> q = query == null ? Map.of() : query;
        for (String name : q.keySet()) if (!NAMES.contains(name)) throw Errors.unknownField(name);
        String type = q.get("type");
        if (type != null && CaseType.find(type).isEmpty()) {
            throw Errors.invalidValue("type", "complaint, help, enquiry, suggestion, dispute, petition, info-request");
        }
        String status = q.get("status");
        if (status != null && !CaseStatuses.isKnown(status))
            throw Errors.invalidValue("status", String.join(", ", CaseStatuses.all()));
        String village = q.get("village");
        if (village != null && catalog.village(village).isEmpty()) throw Errors.unknownVillage("village");
        String category = q.get("category");
        if (category != null && catalog.category(category).isEmpty() && !category.equals("government-information")) {
            throw Errors.unknownCategory("category");
        }
        LocalDate from = date(q, "from");
        LocalDate to = date(q, "to");
        if (from != null && to != null && to.isBefore(from))
            throw Errors.outOfRange("to", "不能早于 from", "must not be before from");
        return new ListFilters(
                type,
                status,
                village,
                category,
                from,
                to,
                flag(q, "overdue"),
                date(q, "dueBefore"),
                flag(q, "provisional"));
    }

    public static int limit(Map<String, String> query) {
        String raw = query == null ? null : query.get("limit");
        if (raw == null) return 50;
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 200) return limit;
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw Errors.outOfRange("limit", "1 ~ 200", "1 to 200");
    }

    static boolean flag(Map<String, String> q, String name) {
        String raw = q.get(name);
        if (raw != null && !raw.equals("true") && !raw.equals("false")) throw Errors.invalidValue(name, "true, false");
        return "true".equals(raw);
    }

    static LocalDate date(Map<String, String> q, String name) {
        String raw = q.get(name);
        if (raw == null) return null;
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw Errors.invalidFormat(name, "日期格式应为 YYYY-MM-DD", "Date must be YYYY-MM-DD");
        }
    }
}

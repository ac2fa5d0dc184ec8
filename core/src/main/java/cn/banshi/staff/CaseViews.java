package cn.banshi.staff;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatuses;
import cn.banshi.cases.DueView;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.catalog.Catalog;
import cn.banshi.json.Json;
import cn.banshi.validation.ChineseIds;
import cn.banshi.workflow.Workflows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The JSON staff see: list rows without personal data, and the detail with personal data masked or not. */
public final class CaseViews {
    private static final Set<String> DROPPED_WHEN_MASKED = Set.of("lat", "lng");

    private CaseViews() {}

    public static boolean isOverdue(CaseRecord c, LocalDate today) {
        return CaseStatuses.isOpen(c.status()) && c.dueDate() != null && c.dueDate().isBefore(today);
    }

    public static ObjectNode summary(CaseRecord c, Catalog catalog, LocalDate today) {
        ObjectNode row = Json.object();
        row.put("trackingNo", c.trackingNo());
        row.put("type", c.type().code());
        row.put("typeName", c.type().nameZh());
        row.put("category", c.category());
        catalog.category(c.category()).ifPresent(cat -> row.put("categoryName", cat.name()));
        if (c.village() == null) row.putNull("village");
        else {
            row.put("village", c.village());
            catalog.village(c.village()).ifPresent(v -> row.put("villageName", v.name()));
        }
        row.put("title", c.title());
        row.put("status", c.status());
        row.put("statusName", CaseStatuses.nameZh(c.status()));
        row.put("channel", c.channel());
        row.put("receivedAt", time(c.receivedAt()));
        DueView.put(row, c);
        row.put("overdue", isOverdue(c, today));
        row.put("version", c.version());
        return row;
    }

    public static ObjectNode detail(CaseRecord c, Catalog catalog, LocalDate today, boolean unmasked, List<String> allowedActions) {
        ObjectNode view = summary(c, catalog, today);
        view.put("description", c.description());
        view.put("receivedOn", c.receivedOn().toString());
        view.set("personal", unmasked ? c.personal().deepCopy() : mask(c.personal()));
        view.put("personalMasked", !unmasked);
        view.set("details", c.details().deepCopy());
        if (c.resolution() == null) view.putNull("resolution");
        else {
            ObjectNode r = view.putObject("resolution");
            r.put("at", time(c.resolution().at()));
            r.put("on", c.resolution().on().toString());
            r.put("onTime", c.resolution().onTime());
            r.put("outcome", c.resolution().outcome());
            if (c.resolution().agreementFulfilled() != null) r.put("agreementFulfilled", c.resolution().agreementFulfilled());
        }
        if (c.rating() == null) view.putNull("rating");
        else view.putObject("rating").put("score", c.rating().score()).put("comment", c.rating().comment())
                .put("at", time(c.rating().at()));
        ArrayNode history = view.putArray("history");
        for (HistoryEntry h : c.history()) {
            ObjectNode e = history.addObject();
            e.put("seq", h.seq());
            e.put("at", time(h.at()));
            e.put("actor", h.actor());
            e.put("action", h.action());
            if (h.fromStatus() == null) e.putNull("from");
            else e.put("from", h.fromStatus());
            e.put("to", h.toStatus());
            e.put("publicNote", h.publicNote());
            e.put("note", h.note());
            if (h.effectiveOn() != null) e.put("effectiveOn", h.effectiveOn().toString());
        }
        ArrayNode actions = view.putArray("allowedActions");
        allowedActions.forEach(actions::add);
        ArrayNode dated = view.putArray("effectiveOnActions");
        allowedActions.stream().filter(a -> Workflows.isDated(c.type(), a)).forEach(dated::add);
        return view;
    }

    /** Personal data as auditors see it: names to the surname, phones and ID numbers to their ends, addresses hidden. */
    public static JsonNode mask(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = Json.mapper().createArrayNode();
            node.forEach(element -> out.add(mask(element)));
            return out;
        }
        if (!node.isObject()) return node;
        ObjectNode out = Json.object();
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (DROPPED_WHEN_MASKED.contains(key)) return;
            if (!value.isTextual()) {
                out.set(key, mask(value));
                return;
            }
            String text = value.textValue();
            switch (key) {
                case "name" -> out.put(key, ChineseIds.maskName(text));
                case "phone" -> out.put(key, ChineseIds.maskPhone(text));
                case "idNumber" -> out.put(key, ChineseIds.maskIdNumber(text));
                case "address" -> out.put(key, "***");
                case "email" -> out.put(key, text.replaceAll("^(.).*(@.*)$", "$1***$2"));
                default -> out.put(key, text);
            }
        });
        return out;
    }

    static String time(Instant instant) {
        return ChinaTime.timestamp(instant);
    }
}

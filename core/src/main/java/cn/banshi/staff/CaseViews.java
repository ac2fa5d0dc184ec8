package cn.banshi.staff;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DetailsItems;
import cn.banshi.cases.DueView;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Applicant;
import cn.banshi.cases.Personal.Location;
import cn.banshi.cases.Personal.Person;
import cn.banshi.cases.PersonalItems;
import cn.banshi.catalog.Catalog;
import cn.banshi.json.Json;
import cn.banshi.store.AttributeJson;
import cn.banshi.validation.ChineseIds;
import cn.banshi.workflow.Workflows;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON staff see: list rows without personal data, and the detail with personal data masked or not. */
public final class CaseViews {
    private CaseViews() {}

    public static boolean isOverdue(CaseRecord c, LocalDate today) {
        return c.status().isOpen() && c.dueDate() != null && c.dueDate().isBefore(today);
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
        row.put("status", c.status().code());
        row.put("statusName", c.status().nameZh());
        row.put("channel", c.channel());
        row.put("receivedAt", time(c.receivedAt()));
        DueView.put(row, c);
        row.put("overdue", isOverdue(c, today));
        row.put("version", c.version());
        return row;
    }

    public static ObjectNode detail(
            CaseRecord c, Catalog catalog, LocalDate today, boolean unmasked, List<CaseAction> allowedActions) {
        ObjectNode view = summary(c, catalog, today);
        view.put("description", c.description());
        view.put("receivedOn", c.receivedOn().toString());
        // the JSON of the stored maps, so that the view shows what the item holds
        Personal personal = unmasked ? c.personal() : mask(c.personal());
        view.set("personal", AttributeJson.toJson(PersonalItems.toAttribute(personal)));
        view.put("personalMasked", !unmasked);
        view.set("details", AttributeJson.toJson(DetailsItems.toAttribute(c.details())));
        if (c.resolution() == null) view.putNull("resolution");
        else {
            ObjectNode r = view.putObject("resolution");
            r.put("at", time(c.resolution().at()));
            r.put("on", c.resolution().on().toString());
            r.put("onTime", c.resolution().onTime());
            r.put("outcome", c.resolution().outcome());
            if (c.resolution().agreementFulfilled() != null)
                r.put("agreementFulfilled", c.resolution().agreementFulfilled());
        }
        if (c.rating() == null) view.putNull("rating");
        else
            view.putObject("rating")
                    .put("score", c.rating().score())
                    .put("comment", c.rating().comment())
                    .put("at", time(c.rating().at()));
        ArrayNode history = view.putArray("history");
        for (HistoryEntry h : c.history()) {
            ObjectNode e = history.addObject();
            e.put("seq", h.seq());
            e.put("at", time(h.at()));
            e.put("actor", h.actor());
            e.put("action", h.action().code());
            if (h.fromStatus() == null) e.putNull("from");
            else e.put("from", h.fromStatus().code());
            e.put("to", h.toStatus().code());
            e.put("publicNote", h.publicNote());
            e.put("note", h.note());
            if (h.effectiveOn() != null) e.put("effectiveOn", h.effectiveOn().toString());
        }
        if (c.isSpam()) {
            ObjectNode spam = view.putObject("spam");
            spam.put("reason", c.spam().reason());
            spam.put("by", c.spam().by());
            spam.put("at", time(c.spam().at()));
            if (c.spam().blockedUntil() == null) spam.putNull("blockedUntil");
            else spam.put("blockedUntil", time(c.spam().blockedUntil()));
        }
        ArrayNode actions = view.putArray("allowedActions");
        allowedActions.forEach(a -> actions.add(a.code()));
        ArrayNode dated = view.putArray("effectiveOnActions");
        allowedActions.stream().filter(a -> Workflows.isDated(c.type(), a)).forEach(a -> dated.add(a.code()));
        return view;
    }

    /** Personal data as auditors see it: names to the surname, phones and ID numbers to their ends, addresses hidden. */
    public static Personal mask(Personal p) {
        List<Person> parties = p.parties() == null
                ? null
                : p.parties().stream().map(CaseViews::mask).toList();
        return new Personal(
                p.submitter() == null ? null : mask(p.submitter()),
                parties,
                p.applicant() == null ? null : mask(p.applicant()),
                p.location() == null ? null : new Location(hidden(p.location().address()), null, null));
    }

    private static Person mask(Person p) {
        return new Person(maskName(p.name()), maskPhone(p.phone()), p.anonymous(), p.role());
    }

    private static Applicant mask(Applicant a) {
        return new Applicant(
                a.kind(),
                maskName(a.name()),
                a.idType(),
                a.idNumber() == null ? null : ChineseIds.maskIdNumber(a.idNumber()),
                a.organization(),
                a.creditCode(),
                maskPhone(a.phone()),
                a.email() == null ? null : a.email().replaceAll("^(.).*(@.*)$", "$1***$2"),
                hidden(a.address()));
    }

    private static String maskName(String name) {
        return name == null ? null : ChineseIds.maskName(name);
    }

    private static String maskPhone(String phone) {
        return phone == null ? null : ChineseIds.maskPhone(phone);
    }

    private static String hidden(String address) {
        return address == null ? null : "***";
    }

    static String time(Instant instant) {
        return ChinaTime.timestamp(instant);
    }
}

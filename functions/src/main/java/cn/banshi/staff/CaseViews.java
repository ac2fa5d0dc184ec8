package cn.banshi.staff;

import cn.banshi.attachments.UploadViews;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DetailsItems;
import cn.banshi.cases.DueView;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.PersonalItems;
import cn.banshi.catalog.Catalog;
import cn.banshi.json.Json;
import cn.banshi.store.AttributeJson;
import cn.banshi.workflow.Workflows;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON staff see: list rows without personal data, and the detail with personal data masked or not. */
public final class CaseViews {
    private CaseViews() {}

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
        row.put("overdue", c.isOverdue(today));
        row.put("version", c.version());
        return row;
    }

    public static ObjectNode list(StaffCaseList page) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (CaseRecord c : page.items()) items.add(summary(c, page.catalog(), page.today()));
        if (page.nextCursor() == null) body.putNull("nextCursor");
        else body.put("nextCursor", page.nextCursor());
        return body;
    }

    public static ObjectNode detail(StaffCaseView shown) {
        CaseRecord c = shown.record();
        List<CaseAction> allowedActions = shown.allowedActions();
        ObjectNode view = summary(c, shown.catalog(), shown.today());
        view.put("description", c.description());
        view.put("receivedOn", c.receivedOn().toString());
        // the JSON of the stored maps, so that the view shows what the item holds
        view.set("personal", AttributeJson.toJson(PersonalItems.toAttribute(shown.personal())));
        view.put("personalMasked", shown.personalMasked());
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
        view.set("attachments", UploadViews.list(c.attachments(), true));
        if (c.links() != null) LinkViews.put(view, c.links());
        if (c.legalHold() != null) {
            ObjectNode hold = view.putObject("legalHold");
            hold.put("reason", c.legalHold().reason());
            hold.put("by", c.legalHold().by());
            hold.put("at", time(c.legalHold().at()));
        }
        if (c.personalErasedAt() != null) view.put("personalErasedAt", time(c.personalErasedAt()));
        ArrayNode actions = view.putArray("allowedActions");
        allowedActions.forEach(a -> actions.add(a.code()));
        ArrayNode dated = view.putArray("effectiveOnActions");
        allowedActions.stream().filter(a -> Workflows.isDated(c.type(), a)).forEach(a -> dated.add(a.code()));
        ArrayNode other = view.putArray("otherActions");
        shown.otherActions().forEach(a -> other.add(a.code()));
        ArrayNode markable = view.putArray("markableTexts");
        shown.markableTexts().forEach(p -> markable.add(p.code()));
        return view;
    }

    static String time(Instant instant) {
        return ChinaTime.timestamp(instant);
    }
}

package cn.banshi.tracking;

import cn.banshi.attachments.UploadViews;
import cn.banshi.attachments.Visibility;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DueView;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import cn.banshi.workflow.Workflows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a citizen sees of a case (no personal data), and the rating form they send. */
public final class TrackingViews {
    private TrackingViews() {}

    public static TrackingService.RatingForm ratingForm(JsonNode body) {
        Fields f = Fields.root(body).allowOnly("score", "comment");
        int score = f.requiredInt("score", 1, 5);
        String comment = f.optionalString("comment", 1, 500).orElse(null);
        return new TrackingService.RatingForm(score, comment);
    }

    public static ObjectNode publicView(CaseRecord c) {
        ObjectNode body = Json.object();
        body.put("trackingNo", c.trackingNo());
        body.put("type", c.type().code());
        body.put("typeName", c.type().nameZh());
        body.put("status", c.status().code());
        body.put("statusName", c.status().nameZh());
        body.put("receivedAt", ChinaTime.timestamp(c.receivedAt()));
        DueView.put(body, c);
        body.put("canRate", Workflows.canBeRated(c));
        if (c.rating() != null) body.put("rating", c.rating().score());
        if (c.isMergedDuplicate()) {
            // the original's tracking number only: its access code stays its filer's
            String original = c.links().mergedInto().original();
            body.put("mergedInto", original);
            body.put("mergedIntoNote", "已合并至 " + original + " 办理");
        }
        ArrayNode timeline = body.putArray("timeline");
        for (HistoryEntry h : c.history()) {
            if (h.publicNote() == null) continue;
            ObjectNode step = timeline.addObject();
            step.put("at", ChinaTime.timestamp(h.at()));
            step.put("status", h.toStatus().code());
            step.put("statusName", h.toStatus().nameZh());
            step.put("note", h.publicNote());
        }
        body.set(
                "attachments",
                UploadViews.list(
                        c.attachments().stream()
                                .filter(a -> a.visibility() == Visibility.PUBLIC)
                                .toList(),
                        false));
        return body;
    }
}

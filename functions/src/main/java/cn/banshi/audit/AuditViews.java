package cn.banshi.audit;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of {@code GET /admin/audit}. */
public final class AuditViews {
    private AuditViews() {}

    public static ObjectNode toJson(AuditPage page) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (AuditEntry e : page.items()) {
            ObjectNode entry = items.addObject();
            entry.put("at", ChinaTime.timestamp(e.at()));
            entry.put("sub", e.sub());
            entry.put("role", e.role());
            if (e.village() != null) entry.put("village", e.village());
            entry.put("event", e.event());
            if (e.trackingNo() != null) entry.put("trackingNo", e.trackingNo());
            if (e.detail() != null) entry.put("detail", e.detail());
        }
        if (page.nextCursor() == null) body.putNull("nextCursor");
        else body.put("nextCursor", page.nextCursor());
        return body;
    }
}

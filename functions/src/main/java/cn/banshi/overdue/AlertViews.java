package cn.banshi.overdue;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON of {@code GET /admin/alerts}. */
public final class AlertViews {
    private AlertViews() {}

    public static ObjectNode toJson(List<Alert> alerts) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (Alert a : alerts) {
            ObjectNode alert = items.addObject();
            if (a.trackingNo() != null) alert.put("trackingNo", a.trackingNo());
            alert.put("type", a.type());
            if (a.job() != null) alert.put("job", a.job());
            alert.put("title", a.title());
            alert.put("status", a.status());
            alert.put("dueDate", a.dueDate().toString());
            alert.put("raisedOn", a.raisedOn().toString());
            if (a.village() != null) alert.put("village", a.village());
        }
        return body;
    }
}

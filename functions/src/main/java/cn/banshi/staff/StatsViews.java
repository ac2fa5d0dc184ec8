package cn.banshi.staff;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** The JSON of {@code GET /admin/stats}. */
public final class StatsViews {
    private StatsViews() {}

    public static ObjectNode toJson(YearStats s) {
        ObjectNode body = Json.object();
        body.put("year", s.year());
        body.put("town", s.town());
        if (s.village() != null) body.put("village", s.village());
        body.put("total", s.total());
        body.set("byType", Json.mapper().valueToTree(s.byType()));
        body.set("byStatus", Json.mapper().valueToTree(s.byStatus()));
        body.set("byCategory", Json.mapper().valueToTree(s.byCategory()));
        body.set("byVillage", Json.mapper().valueToTree(s.byVillage()));
        body.set("byMonth", Json.mapper().valueToTree(s.byMonth()));
        body.put("finished", s.finished());
        body.put("open", s.open());
        putOrNull(body, "onTimeRate", s.onTimeRate());
        body.put("disputesMediated", s.disputesMediated());
        body.put("disputesAgreed", s.disputesAgreed());
        putOrNull(body, "mediationSuccessRate", s.mediationSuccessRate());
        body.put("ratings", s.ratings());
        putOrNull(body, "averageSatisfaction", s.averageSatisfaction());
        body.put("mergedDuplicates", s.mergedDuplicates());
        body.put("overdueNow", s.overdueNow());
        return body;
    }

    private static void putOrNull(ObjectNode body, String name, BigDecimal value) {
        if (value == null) body.putNull(name);
        else body.put(name, value);
    }
}

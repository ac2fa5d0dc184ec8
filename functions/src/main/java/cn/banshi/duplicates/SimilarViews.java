package cn.banshi.duplicates;

import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Village;
import cn.banshi.duplicates.Similarity.Scored;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON of similar cases: public parts only (never anything of {@code personal}). */
final class SimilarViews {
    private SimilarViews() {}

    static ObjectNode list(List<Scored<CaseRecord>> found, Catalog catalog, boolean staff) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (Scored<CaseRecord> s : found) items.add(item(s, catalog, staff));
        return body;
    }

    private static ObjectNode item(Scored<CaseRecord> s, Catalog catalog, boolean staff) {
        CaseRecord c = s.item();
        ObjectNode item = Json.object();
        item.put("trackingNo", c.trackingNo());
        item.put("title", c.title());
        item.put("status", c.status().code());
        item.put("statusName", c.status().nameZh());
        item.put("receivedOn", c.receivedOn().toString());
        item.put("village", c.village());
        item.put("villageName", catalog.village(c.village()).map(Village::name).orElse(c.village()));
        item.put("score", Math.round(s.score() * 100) / 100.0);
        if (staff) {
            item.put("type", c.type().code());
            item.put("open", c.status().isOpen());
            if (c.resolution() != null) item.put("outcome", c.resolution().outcome());
        }
        return item;
    }

    static ObjectNode followed(Followers.Added added) {
        CaseRecord c = added.next();
        ObjectNode body = Json.object();
        body.put("trackingNo", c.trackingNo());
        body.put("title", c.title());
        body.put("status", c.status().code());
        body.put("statusName", c.status().nameZh());
        body.put("notify", added.follower().choice().code());
        body.put("alreadyFollowing", !added.added());
        return body;
    }
}

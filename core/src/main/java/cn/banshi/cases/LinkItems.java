package cn.banshi.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps {@link CaseLinks} to the item's {@code links} map and back; only what is present is written. */
final class LinkItems {
    private LinkItems() {}

    static AttributeValue toAttribute(CaseLinks links) {
        Map<String, AttributeValue> m = new HashMap<>();
        Merge merge = links.mergedInto();
        if (merge != null) {
            Map<String, AttributeValue> into = new HashMap<>();
            into.put("original", s(merge.original()));
            into.put("at", s(merge.at().toString()));
            into.put("by", s(merge.by()));
            if (merge.pending()) into.put("pending", AttributeValue.fromBool(true));
            into.put("statusBefore", s(merge.statusBefore().code()));
            if (merge.dueBefore() != null)
                into.put("dueBefore", s(merge.dueBefore().toString()));
            if (merge.dueProvisionalYearBefore() != 0)
                into.put(
                        "dueProvisionalYearBefore",
                        AttributeValue.fromN(Integer.toString(merge.dueProvisionalYearBefore())));
            m.put("mergedInto", AttributeValue.fromM(into));
        }
        if (!links.duplicates().isEmpty()) {
            List<AttributeValue> duplicates = new ArrayList<>();
            links.duplicates().forEach(d -> duplicates.add(s(d)));
            m.put("duplicates", AttributeValue.fromL(duplicates));
        }
        if (links.earlierCase() != null) m.put("earlierCase", s(links.earlierCase()));
        return AttributeValue.fromM(m);
    }

    static CaseLinks fromAttribute(AttributeValue v) {
        if (v == null || !v.hasM()) return null;
        Map<String, AttributeValue> m = v.m();
        Merge merge = null;
        if (m.containsKey("mergedInto")) {
            Map<String, AttributeValue> into = m.get("mergedInto").m();
            merge = new Merge(
                    into.get("original").s(),
                    Instant.parse(into.get("at").s()),
                    into.get("by").s(),
                    into.containsKey("pending") && into.get("pending").bool(),
                    CaseStatus.fromCode(into.get("statusBefore").s()),
                    into.containsKey("dueBefore")
                            ? LocalDate.parse(into.get("dueBefore").s())
                            : null,
                    into.containsKey("dueProvisionalYearBefore")
                            ? Integer.parseInt(
                                    into.get("dueProvisionalYearBefore").n())
                            : 0);
        }
        List<String> duplicates = new ArrayList<>();
        if (m.containsKey("duplicates")) m.get("duplicates").l().forEach(d -> duplicates.add(d.s()));
        String earlier = m.containsKey("earlierCase") ? m.get("earlierCase").s() : null;
        return new CaseLinks(merge, duplicates, earlier).orNull();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

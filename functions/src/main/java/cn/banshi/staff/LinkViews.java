package cn.banshi.staff;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseLinks;
import cn.banshi.cases.Merge;
import cn.banshi.duplicates.DuplicateMerges;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A case's links in the staff detail: the original it was merged into, its merged duplicates, an earlier case. */
final class LinkViews {
    private LinkViews() {}

    static void put(ObjectNode view, CaseLinks links) {
        ObjectNode node = view.putObject("links");
        Merge merge = links.mergedInto();
        if (merge != null) {
            ObjectNode into = node.putObject("mergedInto");
            into.put("original", merge.original());
            into.put("at", ChinaTime.timestamp(merge.at()));
            into.put("by", merge.by());
            into.put("pending", merge.pending());
            into.put(
                    "unmergeUntil",
                    merge.at()
                            .atZone(ChinaTime.ZONE)
                            .toLocalDate()
                            .plusDays(DuplicateMerges.UNMERGE_DAYS)
                            .toString());
        }
        ArrayNode duplicates = node.putArray("duplicates");
        links.duplicates().forEach(duplicates::add);
        if (links.earlierCase() != null) node.put("earlierCase", links.earlierCase());
    }
}

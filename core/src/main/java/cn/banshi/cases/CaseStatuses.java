package cn.banshi.cases;

import java.util.Map;
import java.util.Set;

/** Status codes and their Chinese names. The workflows decide which transitions exist. */
public final class CaseStatuses {
    public static final String SUBMITTED = "submitted";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(SUBMITTED, "已提交，待受理"),
            Map.entry("accepted", "已受理"),
            Map.entry("rejected", "不予受理"),
            Map.entry("assigned", "已派单，办理中"),
            Map.entry("replied", "已答复"),
            Map.entry("resolved", "已办结"),
            Map.entry("closed", "已回访归档"),
            Map.entry("mediating", "调解中"),
            Map.entry("registered", "已登记"),
            Map.entry("forwarded", "已转送交办"),
            Map.entry("in-progress", "办理中"),
            Map.entry("extended", "已延期办理"),
            Map.entry("under-review", "复查（复核）中"),
            Map.entry("awaiting-correction", "待申请人补正"),
            Map.entry("consulting-third-party", "征求第三方意见中"),
            Map.entry("answered", "已答复"),
            Map.entry("withdrawn", "已撤回"));

    private static final Set<String> FINISHED = Set.of("rejected", "resolved", "closed", "answered", "withdrawn");

    private CaseStatuses() {}

    public static String nameZh(String status) {
        return NAMES.getOrDefault(status, status);
    }

    public static boolean isKnown(String status) {
        return NAMES.containsKey(status);
    }

    public static java.util.SortedSet<String> all() {
        return new java.util.TreeSet<>(NAMES.keySet());
    }

    public static boolean isOpen(String status) {
        return !FINISHED.contains(status);
    }
}

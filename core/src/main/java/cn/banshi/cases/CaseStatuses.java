package cn.banshi.cases;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Status codes and their Chinese names. The workflows decide which transitions exist. */
public final class CaseStatuses {
    public static final String SUBMITTED = CaseStatus.SUBMITTED.code();

    private static final Map<CaseStatus, String> NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(CaseStatus.SUBMITTED, "已提交，待受理"),
            Map.entry(CaseStatus.ACCEPTED, "已受理"),
            Map.entry(CaseStatus.REJECTED, "不予受理"),
            Map.entry(CaseStatus.ASSIGNED, "已派单，办理中"),
            Map.entry(CaseStatus.REPLIED, "已答复"),
            Map.entry(CaseStatus.RESOLVED, "已办结"),
            Map.entry(CaseStatus.CLOSED, "已回访归档"),
            Map.entry(CaseStatus.MEDIATING, "调解中"),
            Map.entry(CaseStatus.REGISTERED, "已登记"),
            Map.entry(CaseStatus.FORWARDED, "已转送交办"),
            Map.entry(CaseStatus.IN_PROGRESS, "办理中"),
            Map.entry(CaseStatus.UNDER_REVIEW, "复查（复核）中"),
            Map.entry(CaseStatus.AWAITING_CORRECTION, "待申请人补正"),
            Map.entry(CaseStatus.CONSULTING_THIRD_PARTY, "征求第三方意见中"),
            Map.entry(CaseStatus.ANSWERED, "已答复"),
            Map.entry(CaseStatus.WITHDRAWN, "已撤回"),
            Map.entry(CaseStatus.MERGED, "已合并办理")));

    private CaseStatuses() {}

    public static String nameZh(CaseStatus status) {
        return NAMES.get(status);
    }

    /** The Chinese name of a status code; an unknown code is its own name. */
    public static String nameZh(String status) {
        return CaseStatus.find(status).map(NAMES::get).orElse(status);
    }

    public static boolean isKnown(String status) {
        return CaseStatus.find(status).isPresent();
    }

    public static SortedSet<String> all() {
        SortedSet<String> codes = new TreeSet<>();
        for (CaseStatus s : CaseStatus.values()) codes.add(s.code());
        return codes;
    }

    public static boolean isOpen(String status) {
        return CaseStatus.find(status).map(CaseStatus::isOpen).orElse(true);
    }
}

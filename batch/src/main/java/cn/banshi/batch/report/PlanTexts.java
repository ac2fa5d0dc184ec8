package cn.banshi.batch.report;

import cn.banshi.batch.findings.Finding;
import cn.banshi.json.Json;
import cn.banshi.plans.PlanItem;
import cn.banshi.plans.PlanStatus;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Wording and JSON of plan items, shared by the work report and the next year's plan. */
public final class PlanTexts {
    private PlanTexts() {}

    /**
     * "…。由司法所牵头，在红星社区组织实施，2022年10月31日前完成。" The place is said only where it is
     * not the whole town and the description does not already name it.
     */
    public static String arrangement(String description, String owner, String place, LocalDate target) {
        StringBuilder b = new StringBuilder();
        if (description != null) b.append(Texts.sentence(description));
        b.append("由").append(owner).append("牵头");
        if (place != null && !place.equals("全镇") && (description == null || !description.contains(place))) {
            b.append("，在").append(place).append("组织实施");
        }
        b.append("，").append(Texts.date(target)).append("前完成。");
        return b.toString();
    }

    /**
     * What became of the year's plan items: the counts, then the items done and those still under way (each
     * named); empty when there was no plan for the year.
     */
    public static List<String> previousPlan(List<PlanItem> items, int year) {
        if (items.isEmpty()) return List.of();
        long done = count(items, PlanStatus.DONE);
        long inProgress = count(items, PlanStatus.IN_PROGRESS);
        long notStarted = count(items, PlanStatus.NOT_STARTED);
        List<String> out = new ArrayList<>();
        out.add(year + "年度工作安排共" + items.size() + "项，已完成" + done + "项，正在推进" + inProgress + "项，尚未开展" + notStarted
                + "项。");
        List<String> doneTitles = titles(items, PlanStatus.DONE);
        if (!doneTitles.isEmpty()) out.add("已完成的有" + String.join("", doneTitles) + "。");
        List<String> open = new ArrayList<>(titles(items, PlanStatus.IN_PROGRESS));
        open.addAll(titles(items, PlanStatus.NOT_STARTED));
        if (!open.isEmpty()) out.add(String.join("", open) + "尚未完成，纳入" + (year + 1) + "年继续推进。");
        return out;
    }

    private static List<String> titles(List<PlanItem> items, PlanStatus status) {
        return items.stream()
                .filter(p -> p.status() == status)
                .map(p -> "“" + p.title() + "”")
                .toList();
    }

    public static long count(List<PlanItem> items, PlanStatus status) {
        return items.stream().filter(p -> p.status() == status).count();
    }

    public static ObjectNode json(PlanItem p) {
        ObjectNode o = Json.object();
        o.put("id", p.id());
        o.put("title", p.title());
        if (p.description() != null) o.put("description", p.description());
        o.put("owner", p.owner());
        if (p.place() != null) o.put("place", p.place());
        o.put("targetDate", p.targetDate().toString());
        o.put("status", p.status().code());
        o.put("source", p.source());
        return o;
    }

    public static ObjectNode json(String code, Finding.Remedy r) {
        ObjectNode o = Json.object();
        o.put("finding", code);
        o.put("title", r.title());
        o.put("description", r.description());
        o.put("owner", r.owner());
        if (r.place() != null) o.put("place", r.place());
        o.put("targetDate", r.targetDate().toString());
        return o;
    }

    public static ObjectNode statusJson(List<PlanItem> items, int year) {
        ObjectNode o = Json.object();
        o.put("year", year);
        o.put("total", items.size());
        o.put("done", count(items, PlanStatus.DONE));
        o.put("inProgress", count(items, PlanStatus.IN_PROGRESS));
        o.put("notStarted", count(items, PlanStatus.NOT_STARTED));
        ArrayNode list = o.putArray("items");
        for (PlanItem p : items)
            list.addObject()
                    .put("id", p.id())
                    .put("title", p.title())
                    .put("status", p.status().code());
        return o;
    }
}

package cn.banshi.batch.report;

import cn.banshi.batch.findings.Finding;
import cn.banshi.json.Json;
import cn.banshi.plans.PlanItem;
import cn.banshi.plans.PlanStatus;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/** Wording and JSON of plan items, shared by the work report and the next year's plan. */
public final class PlanTexts {
    private PlanTexts() {}

    /** "… （牵头单位：司法所；实施地点：红星社区；完成时限：2022年10月31日前）" */
    public static String arrangement(String description, String owner, String place, LocalDate target) {
        StringBuilder b = new StringBuilder();
        if (description != null) b.append(Texts.sentence(description));
        b.append("（牵头单位：").append(owner);
        if (place != null) b.append("；实施地点：").append(place);
        b.append("；完成时限：").append(Texts.date(target)).append("前）");
        return b.toString();
    }

    /** What became of the year's plan items. */
    public static String previousPlan(List<PlanItem> items, int year) {
        if (items.isEmpty()) return year + "年度未录入工作安排。";
        long done = count(items, PlanStatus.DONE);
        long inProgress = count(items, PlanStatus.IN_PROGRESS);
        long notStarted = count(items, PlanStatus.NOT_STARTED);
        return year + "年度工作安排共" + items.size() + "项，已完成" + done + "项，正在推进" + inProgress + "项，尚未开展" + notStarted + "项。";
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

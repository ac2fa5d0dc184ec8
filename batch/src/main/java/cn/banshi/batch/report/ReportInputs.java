package cn.banshi.batch.report;

import cn.banshi.activities.Activity;
import cn.banshi.activities.ActivityStore;
import cn.banshi.catalog.Catalog;
import cn.banshi.disclosure.DisclosureFigures;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.plans.PlanItem;
import cn.banshi.plans.PlanItemStore;
import java.util.List;
import java.util.Optional;

/**
 * What staff entered for a town and year: the year's activities, the plan items of the year (to say what
 * became of them) and of the next year, and the disclosure figures if entered.
 */
public record ReportInputs(Catalog catalog, List<Activity> activities, List<PlanItem> planForYear,
                           List<PlanItem> planForNextYear, Optional<DisclosureFigures> disclosure) {

    public static ReportInputs load(Catalog catalog, int year, ActivityStore activities, PlanItemStore plans,
                                    DisclosureStore disclosure) {
        String town = catalog.town().id();
        return new ReportInputs(catalog, activities.list(town, year), plans.list(town, year),
                plans.list(town, year + 1), disclosure.find(town, year));
    }

    /** The next year's arrangements staff entered (not those a job generated). */
    public List<PlanItem> staffPlanForNextYear() {
        return planForNextYear.stream().filter(p -> PlanItem.STAFF.equals(p.source())).toList();
    }

    /** 高塍镇 → 高塍 (for "法治高塍建设"). */
    public String townShortName() {
        String name = catalog.town().name();
        for (String suffix : List.of("街道", "镇", "乡")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) return name.substring(0, name.length() - suffix.length());
        }
        return name;
    }

    /** 宜兴市 → 市委、市政府; 某县 → 县委、县政府. */
    public String countyLeadership() {
        String county = catalog.town().county();
        String level = county.endsWith("县") ? "县" : county.endsWith("区") ? "区" : "市";
        return level + "委、" + level + "政府";
    }
}

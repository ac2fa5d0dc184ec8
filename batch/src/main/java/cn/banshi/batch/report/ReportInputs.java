package cn.banshi.batch.report;

import cn.banshi.activities.Activity;
import cn.banshi.activities.ActivityStore;
import cn.banshi.catalog.Catalog;
import cn.banshi.disclosure.DisclosureFigures;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.duty.LeadersDuty;
import cn.banshi.duty.LeadersDutyStore;
import cn.banshi.plans.PlanItem;
import cn.banshi.plans.PlanItemStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What staff entered for a town and year: the year's activities, the plan items of the year (to say what
 * became of them) and of the next year, the disclosure figures and section 三's leaders, committee and meetings
 * if entered. Each report loads only the
 * {@link Part parts} it reads (a county run loads them for every town and report); reading a part that was not
 * loaded is a programming error and fails loudly rather than drafting from an empty list.
 */
public record ReportInputs(
        Catalog catalog,
        List<Activity> activities,
        List<PlanItem> planForYear,
        List<PlanItem> planForNextYear,
        Optional<DisclosureFigures> disclosure,
        Optional<LeadersDuty> leadersDuty) {

    /** The inputs a report can read; each costs one DynamoDB call per town (more for long lists). */
    public enum Part {
        ACTIVITIES,
        PLAN_FOR_YEAR,
        PLAN_FOR_NEXT_YEAR,
        DISCLOSURE,
        LEADERS_DUTY
    }

    public static ReportInputs load(
            Catalog catalog,
            int year,
            Set<Part> parts,
            ActivityStore activities,
            PlanItemStore plans,
            DisclosureStore disclosure,
            LeadersDutyStore duty) {
        String town = catalog.town().id();
        return new ReportInputs(
                catalog,
                parts.contains(Part.ACTIVITIES) ? activities.list(town, year) : null,
                parts.contains(Part.PLAN_FOR_YEAR) ? plans.list(town, year) : null,
                parts.contains(Part.PLAN_FOR_NEXT_YEAR) ? plans.list(town, year + 1) : null,
                parts.contains(Part.DISCLOSURE) ? disclosure.find(town, year) : null,
                parts.contains(Part.LEADERS_DUTY) ? duty.find(town, year) : null);
    }

    @Override
    public List<Activity> activities() {
        return loaded(activities, Part.ACTIVITIES);
    }

    @Override
    public List<PlanItem> planForYear() {
        return loaded(planForYear, Part.PLAN_FOR_YEAR);
    }

    @Override
    public List<PlanItem> planForNextYear() {
        return loaded(planForNextYear, Part.PLAN_FOR_NEXT_YEAR);
    }

    @Override
    public Optional<DisclosureFigures> disclosure() {
        return loaded(disclosure, Part.DISCLOSURE);
    }

    @Override
    public Optional<LeadersDuty> leadersDuty() {
        return loaded(leadersDuty, Part.LEADERS_DUTY);
    }

    private static <T> T loaded(T value, Part part) {
        if (value == null) throw new IllegalStateException("report input not loaded: " + part);
        return value;
    }

    /** The next year's arrangements staff entered (not those a job generated). */
    public List<PlanItem> staffPlanForNextYear() {
        return planForNextYear().stream()
                .filter(p -> PlanItem.STAFF.equals(p.source()))
                .toList();
    }

    /** 高塍镇 → 高塍 (for "法治高塍建设"). */
    public String townShortName() {
        String name = catalog.town().name();
        for (String suffix : List.of("街道", "镇", "乡")) {
            if (name.endsWith(suffix) && name.length() > suffix.length())
                return name.substring(0, name.length() - suffix.length());
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

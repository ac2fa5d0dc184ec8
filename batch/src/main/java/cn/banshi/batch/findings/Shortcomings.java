package cn.banshi.batch.findings;

import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.catalog.CaseType;
import cn.banshi.plans.PlanItem;
import cn.banshi.plans.PlanStatus;
import cn.banshi.reports.document.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the year's shortcomings in the data, in a fixed order: villages whose resolution rate or satisfaction
 * is well below the town's, cases not finished in time, a low mediation success rate, low satisfaction, and
 * last year's plan items not done.
 */
public final class Shortcomings {
    /** A village needs this many cases received before its rate is compared. */
    static final int VILLAGE_MIN_CASES = 20;
    /** "Well below": this many percentage points under the town's resolution rate. */
    static final double RESOLUTION_GAP = 0.10;

    static final int VILLAGE_MIN_RATINGS = 10;
    /** "Well below": this much under the town's average rating (1–5). */
    static final double RATING_GAP = 0.5;

    static final int MIN_DISPUTES = 10;
    static final double DISPUTE_SUCCESS_FLOOR = 0.90;
    static final int MIN_RATINGS = 20;
    static final double SATISFIED_FLOOR = 0.90;

    private Shortcomings() {}

    public static List<Finding> find(CaseFigures f, List<PlanItem> planForYear) {
        int year = f.period().year();
        List<Finding> findings = new ArrayList<>();
        villageResolution(f, year).ifPresent(findings::add);
        villageSatisfaction(f, year).ifPresent(findings::add);
        overdue(f, year).ifPresent(findings::add);
        disputes(f, year).ifPresent(findings::add);
        satisfaction(f, year).ifPresent(findings::add);
        plan(planForYear, year).ifPresent(findings::add);
        return findings;
    }

    private static Optional<Finding> villageResolution(CaseFigures f, int year) {
        if (f.received() == 0) return Optional.empty();
        double town = (double) f.receivedAndFinished() / f.received();
        List<CaseFigures.VillageFigures> low = f.villages().stream()
                .filter(v -> v.received() >= VILLAGE_MIN_CASES && v.resolution() < town - RESOLUTION_GAP)
                .toList();
        if (low.isEmpty()) return Optional.empty();
        List<String> parts =
                low.stream().map(v -> v.name() + "为" + v.resolutionRate()).toList();
        List<String> names = low.stream().map(CaseFigures.VillageFigures::name).toList();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("townResolutionRate", Texts.rate(f.receivedAndFinished(), f.received()));
        low.forEach(v -> figures.put(v.id(), Texts.rate(v.finished(), v.received())));
        String text = year + "年全镇受理的群众诉求办结率为" + Texts.percent(f.receivedAndFinished(), f.received())
                + "，而" + String.join("，", parts) + "，明显低于全镇平均水平。主要原因是村（社区）一级办理力量相对薄弱，"
                + "对群众诉求的跟踪督办还不够到位。";
        return Optional.of(new Finding(
                "village-resolution",
                "部分村（社区）群众诉求办结率偏低",
                text,
                figures,
                new Finding.Remedy(
                        "加强" + Texts.list(names) + "群众诉求办理督办",
                        "对" + Texts.list(names) + "的群众诉求实行挂牌督办、逐件跟踪，每月通报办结情况，力争办结率达到全镇平均水平。",
                        "综治办",
                        String.join("、", names),
                        LocalDate.of(year + 1, 6, 30))));
    }

    private static Optional<Finding> villageSatisfaction(CaseFigures f, int year) {
        if (f.ratings() == 0) return Optional.empty();
        double town = (double) f.ratingSum() / f.ratings();
        List<CaseFigures.VillageFigures> low = f.villages().stream()
                .filter(v -> v.ratings() >= VILLAGE_MIN_RATINGS && v.averageRating() < town - RATING_GAP)
                .toList();
        if (low.isEmpty()) return Optional.empty();
        List<String> parts = low.stream()
                .map(v -> v.name() + "为" + Texts.average(v.ratingSum(), v.ratings()) + "分")
                .toList();
        List<String> names = low.stream().map(CaseFigures.VillageFigures::name).toList();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("townAverageRating", Texts.average(f.ratingSum(), f.ratings()));
        low.forEach(v -> figures.put(v.id(), Texts.average(v.ratingSum(), v.ratings())));
        String text = "全镇办结事项群众评价平均分为" + Texts.average(f.ratingSum(), f.ratings()) + "分（5分制），而"
                + String.join("，", parts) + "，明显低于全镇平均水平，反映出部分村（社区）在答复解释、结果反馈等环节还存在差距。";
        return Optional.of(new Finding(
                "village-satisfaction",
                "部分村（社区）群众满意度不高",
                text,
                figures,
                new Finding.Remedy(
                        "提升" + Texts.list(names) + "群众满意度",
                        "对" + Texts.list(names) + "办结事项开展电话回访，查找群众不满意的原因，逐项整改落实。",
                        "综治办",
                        String.join("、", names),
                        LocalDate.of(year + 1, 6, 30))));
    }

    private static Optional<Finding> overdue(CaseFigures f, int year) {
        long late = f.late();
        long overdueOpen = f.overdueOpen();
        if (late + overdueOpen == 0) return Optional.empty();
        long ogi = f.late(CaseType.INFO_REQUEST) + f.overdueOpen(CaseType.INFO_REQUEST);
        StringBuilder text = new StringBuilder();
        if (late > 0) text.append("年内超期办结群众诉求").append(late).append("件");
        if (overdueOpen > 0) {
            text.append(late > 0 ? "，" : "")
                    .append("截至")
                    .append(Texts.date(f.period().asOf()))
                    .append("尚有")
                    .append(overdueOpen)
                    .append("件已超过办理时限仍未办结");
        }
        text.append("。");
        if (ogi > 0) text.append("其中政府信息公开申请").append(ogi).append("件未在法定期限内答复。");
        text.append("主要原因是部分承办单位时限意识不强，跨部门事项协调耗时较长。");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("finishedLate", late);
        figures.put("overdueOpenAtEnd", overdueOpen);
        figures.put("infoRequestsNotInTime", ogi);
        return Optional.of(new Finding(
                "overdue",
                "部分诉求未能在规定时限内办结",
                text.toString(),
                figures,
                new Finding.Remedy(
                        "健全诉求办理时限预警和督办机制",
                        "对临近办理时限的诉求提前预警，对超期事项逐件督办、限期办结，政府信息公开申请严格在法定期限内答复。",
                        "综治办",
                        null,
                        LocalDate.of(year + 1, 3, 31))));
    }

    private static Optional<Finding> disputes(CaseFigures f, int year) {
        long n = f.disputesFinished();
        if (n < MIN_DISPUTES || f.disputesAgreed() >= DISPUTE_SUCCESS_FLOOR * n) return Optional.empty();
        String text = "年内调结矛盾纠纷" + n + "起，调解成功率为" + Texts.percent(f.disputesAgreed(), n)
                + "，部分纠纷未能达成调解协议。主要原因是部分纠纷利益关系复杂、历史遗留问题较多，调解员专业能力还有待提升。";
        return Optional.of(new Finding(
                "dispute-success",
                "矛盾纠纷调解成功率有待提高",
                text,
                Map.of("disputesFinished", n, "agreementReached", f.disputesAgreed()),
                new Finding.Remedy(
                        "加强人民调解员业务培训",
                        "组织人民调解员开展业务培训和案例研讨，发挥法律顾问作用，提高疑难复杂纠纷化解能力。",
                        "司法所",
                        null,
                        LocalDate.of(year + 1, 9, 30))));
    }

    private static Optional<Finding> satisfaction(CaseFigures f, int year) {
        if (f.ratings() < MIN_RATINGS || f.satisfied() >= SATISFIED_FLOOR * f.ratings()) return Optional.empty();
        String text = "年内群众对办结事项作出评价" + f.ratings() + "件，满意率为" + Texts.percent(f.satisfied(), f.ratings())
                + "，群众满意率还有提升空间。主要原因是部分事项答复解释不够充分，办理结果未能完全达到群众预期。";
        return Optional.of(new Finding(
                "satisfaction",
                "群众满意率还有提升空间",
                text,
                Map.of("ratings", f.ratings(), "satisfied", f.satisfied()),
                new Finding.Remedy(
                        "开展群众满意度回访",
                        "对评价不满意的办结事项逐件回访，分析原因、改进答复方式，推动群众满意率稳步提升。",
                        "综治办",
                        null,
                        LocalDate.of(year + 1, 12, 31))));
    }

    private static Optional<Finding> plan(List<PlanItem> plan, int year) {
        List<PlanItem> undone =
                plan.stream().filter(p -> p.status() != PlanStatus.DONE).toList();
        if (undone.isEmpty()) return Optional.empty();
        long inProgress =
                plan.stream().filter(p -> p.status() == PlanStatus.IN_PROGRESS).count();
        long notStarted =
                plan.stream().filter(p -> p.status() == PlanStatus.NOT_STARTED).count();
        String titles = String.join(
                        "",
                        undone.stream().limit(5).map(p -> "“" + p.title() + "”").toList())
                + (undone.size() > 5 ? "等" : "");
        String text = year + "年度工作安排共" + plan.size() + "项，已完成" + (plan.size() - undone.size()) + "项，正在推进"
                + inProgress + "项，尚未开展" + notStarted + "项，" + titles + "尚未完成。主要原因是部分工作统筹推进不够，"
                + "任务分解和跟踪落实还不够到位。";
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("planItems", plan.size());
        figures.put("done", plan.size() - undone.size());
        figures.put("inProgress", inProgress);
        figures.put("notStarted", notStarted);
        return Optional.of(new Finding(
                "plan-not-done",
                "年度工作安排尚未全部完成",
                text,
                figures,
                new Finding.Remedy(
                        "推进" + year + "年度未完成的工作安排",
                        "对" + year + "年度尚未完成的" + undone.size() + "项工作安排逐项明确责任和时限，确保按期完成。",
                        "党政办",
                        null,
                        LocalDate.of(year + 1, 6, 30))));
    }
}

package cn.banshi.batch.plan;

import cn.banshi.batch.ReportParameters;
import cn.banshi.batch.ReportStep;
import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.findings.Shortcomings;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.batch.report.ReportInputs.Part;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.plans.PlanItem;
import cn.banshi.reports.ReportKind;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code next-year-plan}: scan each town's cases by segment, then draft each town's next-year plan and store its
 * generated arrangements as plan items (each only if absent, so a rerun never overwrites staff's edits).
 */
@Configuration
public class NextYearPlanJobConfiguration {

    @Bean(name = "next-year-plan")
    public Job nextYearPlanJob(JobRepository jobRepository, Step scanCases, Step nextYearPlanReport) {
        return ReportStep.job(ReportKind.NEXT_YEAR_PLAN, jobRepository, scanCases, nextYearPlanReport);
    }

    @Bean
    public Step nextYearPlanReport(PlatformTransactionManager transactionManager, ReportStep.Services services) {
        return ReportStep.step(
                ReportKind.NEXT_YEAR_PLAN,
                EnumSet.of(Part.PLAN_FOR_YEAR, Part.PLAN_FOR_NEXT_YEAR),
                services,
                transactionManager,
                (p, town, figures, inputs) -> draft(p, town, figures, inputs, services));
    }

    private static Report draft(
            ReportParameters p, String town, CaseFigures figures, ReportInputs inputs, ReportStep.Services services) {
        NextYearPlan.Result result = NextYearPlan.build(
                town, p.year(), p.today(), figures, inputs, Shortcomings.find(figures, inputs.planForYear()));
        // the inputs just listed the year's items: only ids not among them need the conditional put
        Set<String> listed = new HashSet<>();
        inputs.planForNextYear().forEach(existing -> listed.add(existing.id()));
        for (PlanItem item : result.generated()) {
            if (listed.contains(item.id())) continue;
            services.plans()
                    .createIfAbsent(
                            item,
                            "system:next-year-plan",
                            p.today().atStartOfDay(ChinaTime.ZONE).toInstant());
        }
        return result.report();
    }
}

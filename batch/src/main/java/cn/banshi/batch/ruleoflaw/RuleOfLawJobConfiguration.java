package cn.banshi.batch.ruleoflaw;

import cn.banshi.batch.ReportStep;
import cn.banshi.batch.findings.Shortcomings;
import cn.banshi.batch.report.ReportInputs.Part;
import cn.banshi.reports.ReportKind;
import java.util.EnumSet;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code rule-of-law-annual}: scan each town's cases by segment, then draft each town's 法治政府建设年度报告. */
@Configuration
public class RuleOfLawJobConfiguration {

    @Bean(name = "rule-of-law-annual")
    public Job ruleOfLawAnnualJob(JobRepository jobRepository, Step scanCases, Step ruleOfLawReport) {
        return ReportStep.job(ReportKind.RULE_OF_LAW_ANNUAL, jobRepository, scanCases, ruleOfLawReport);
    }

    @Bean
    public Step ruleOfLawReport(PlatformTransactionManager transactionManager, ReportStep.Services services) {
        return ReportStep.step(
                ReportKind.RULE_OF_LAW_ANNUAL,
                EnumSet.of(Part.ACTIVITIES, Part.PLAN_FOR_YEAR, Part.PLAN_FOR_NEXT_YEAR, Part.LEADERS_DUTY),
                services,
                transactionManager,
                (p, town, figures, inputs) -> RuleOfLawReport.build(
                        town, p.year(), p.today(), figures, inputs, Shortcomings.find(figures, inputs.planForYear())));
    }
}

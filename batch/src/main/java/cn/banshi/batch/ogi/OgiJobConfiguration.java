package cn.banshi.batch.ogi;

import cn.banshi.batch.ReportStep;
import cn.banshi.batch.report.ReportInputs.Part;
import cn.banshi.reports.ReportKind;
import java.util.EnumSet;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code ogi-annual}: scan each town's cases by segment, then draft each town's 政府信息公开工作年度报告. A town's report step fails
 * (and the job with it) when its requests table would not balance.
 */
@Configuration
public class OgiJobConfiguration {

    @Bean(name = "ogi-annual")
    public Job ogiAnnualJob(JobRepository jobRepository, Step scanCases, Step ogiReport) {
        return ReportStep.job(ReportKind.OGI_ANNUAL, jobRepository, scanCases, ogiReport);
    }

    @Bean
    public Step ogiReport(PlatformTransactionManager transactionManager, ReportStep.Services services) {
        return ReportStep.step(
                ReportKind.OGI_ANNUAL,
                EnumSet.of(Part.PLAN_FOR_YEAR, Part.DISCLOSURE),
                services,
                transactionManager,
                (p, town, figures, inputs) -> OgiReport.build(
                        town, p.year(), p.today(), figures, DisclosureTable.from(figures.tally()), inputs));
    }
}

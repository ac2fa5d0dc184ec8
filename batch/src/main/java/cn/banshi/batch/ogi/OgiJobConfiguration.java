package cn.banshi.batch.ogi;

import cn.banshi.batch.BatchConfiguration;
import cn.banshi.batch.ReportParameters;
import cn.banshi.batch.ReportStep;
import cn.banshi.batch.cases.CaseFigures;
import cn.banshi.batch.report.Report;
import cn.banshi.batch.report.ReportInputs;
import cn.banshi.batch.report.ReportInputs.Part;
import cn.banshi.reports.ReportKind;
import java.util.EnumSet;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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
        return new JobBuilder(ReportKind.OGI_ANNUAL.code(), jobRepository)
                .start(scanCases)
                .next(ogiReport)
                .build();
    }

    @Bean
    public Step ogiReport(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, ReportStep.Services services) {
        return new StepBuilder(BatchConfiguration.REPORT_STEP, jobRepository)
                .tasklet(
                        new ReportStep(
                                ReportKind.OGI_ANNUAL, EnumSet.of(Part.PLAN_FOR_YEAR, Part.DISCLOSURE), services) {
                            @Override
                            protected Report draft(
                                    ReportParameters p, String town, CaseFigures figures, ReportInputs inputs) {
                                return OgiReport.build(
                                        town,
                                        p.year(),
                                        p.today(),
                                        figures,
                                        DisclosureTable.from(figures.tally()),
                                        inputs);
                            }
                        },
                        transactionManager)
                .build();
    }
}

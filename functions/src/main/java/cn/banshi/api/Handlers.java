package cn.banshi.api;

import cn.banshi.abuse.VerificationCodesHandler;
import cn.banshi.accounts.StaffAccountsHandler;
import cn.banshi.activities.ActivitiesHandler;
import cn.banshi.attachments.UploadsHandler;
import cn.banshi.calendar.CalendarAdminHandler;
import cn.banshi.catalog.CatalogHandler;
import cn.banshi.disclosure.DisclosureFiguresHandler;
import cn.banshi.duplicates.SimilarCasesHandler;
import cn.banshi.duty.LeadersDutyHandler;
import cn.banshi.health.HealthHandler;
import cn.banshi.intake.StaffIntakeHandler;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.notifications.MessagesHandler;
import cn.banshi.personaldata.PersonalDataHandler;
import cn.banshi.personaldata.PersonalDataRequestsHandler;
import cn.banshi.plans.PlanItemsHandler;
import cn.banshi.reports.ReportRunsHandler;
import cn.banshi.reports.ReportsHandler;
import cn.banshi.reports.drafts.PublishedReportsHandler;
import cn.banshi.reports.drafts.ReportDraftsHandler;
import cn.banshi.sameperson.SamePersonHandler;
import cn.banshi.staff.StaffCasesHandler;
import cn.banshi.tracking.TrackingHandler;
import java.util.List;

/** Every Lambda handler class of the HTTP API. The SAM template and the local gateway use this list. */
public final class Handlers {
    private Handlers() {}

    public static List<Class<? extends ApiHandler>> all() {
        return List.of(
                HealthHandler.class,
                CatalogHandler.class,
                SubmissionHandler.class,
                TrackingHandler.class,
                StaffCasesHandler.class,
                StaffIntakeHandler.class,
                CalendarAdminHandler.class,
                ActivitiesHandler.class,
                PlanItemsHandler.class,
                DisclosureFiguresHandler.class,
                LeadersDutyHandler.class,
                ReportsHandler.class,
                ReportRunsHandler.class,
                MessagesHandler.class,
                ReportDraftsHandler.class,
                PublishedReportsHandler.class,
                StaffAccountsHandler.class,
                VerificationCodesHandler.class,
                UploadsHandler.class,
                SimilarCasesHandler.class,
                PersonalDataHandler.class,
                PersonalDataRequestsHandler.class,
                SamePersonHandler.class);
    }

    /** Instances sharing one context, as the local gateway and tests use them. */
    public static List<ApiHandler> create(AppContext app) {
        return List.of(
                new HealthHandler(),
                new CatalogHandler(),
                new SubmissionHandler(app),
                new TrackingHandler(app),
                new StaffCasesHandler(app),
                new StaffIntakeHandler(app),
                new CalendarAdminHandler(app),
                new ActivitiesHandler(app),
                new PlanItemsHandler(app),
                new DisclosureFiguresHandler(app),
                new LeadersDutyHandler(app),
                new ReportsHandler(app),
                new ReportRunsHandler(app),
                new MessagesHandler(app),
                new ReportDraftsHandler(app),
                new PublishedReportsHandler(app),
                new StaffAccountsHandler(app),
                new VerificationCodesHandler(app),
                new UploadsHandler(app),
                new SimilarCasesHandler(app),
                new PersonalDataHandler(app),
                new PersonalDataRequestsHandler(app),
                new SamePersonHandler(app));
    }
}

package cn.banshi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function's cold start pays only for its own parts: Lambda's no-argument constructor of the submission handler,
 * run in a class loader of its own, loads the intake's classes and none of the services other functions use.
 */
class HandlerConstructionTest {
    /** Services of other functions: the submission function must not even load their classes. */
    static final List<String> OTHER_FUNCTIONS = List.of(
            "cn.banshi.staff.StaffCaseService",
            "cn.banshi.staff.StatsService",
            "cn.banshi.staff.CsvExport",
            "cn.banshi.audit.AuditLog",
            "cn.banshi.overdue.OverdueSweep",
            "cn.banshi.overdue.DeadlineRecompute",
            "cn.banshi.tracking.TrackingService",
            "cn.banshi.tracking.AttemptLimiter",
            "cn.banshi.activities.ActivityStore",
            "cn.banshi.plans.PlanItemStore",
            "cn.banshi.disclosure.DisclosureStore",
            "cn.banshi.reports.ReportRuns",
            "cn.banshi.reports.ReportStores",
            "cn.banshi.reports.LambdaReportRunner");

    @Test
    void theSubmissionHandlerBuildsTheIntakeAndNothingElse() throws Exception {
        String region = System.getProperty("aws.region");
        System.setProperty("aws.region", "cn-north-1"); // a real (AWS) DynamoDB client is built: no request is sent
        try (Recording loader = new Recording()) {
            Class.forName("cn.banshi.intake.SubmissionHandler", true, loader)
                    .getConstructor()
                    .newInstance();
            for (String used : List.of(
                    "cn.banshi.intake.IntakeService",
                    "cn.banshi.idempotency.IdempotencyStore",
                    "cn.banshi.cases.DynamoCaseStore",
                    "cn.banshi.calendar.CalendarService")) {
                assertTrue(loader.loaded(used), used + " not built");
            }
            assertEquals(
                    List.of(), OTHER_FUNCTIONS.stream().filter(loader::loaded).toList());
        } finally {
            if (region == null) System.clearProperty("aws.region");
            else System.setProperty("aws.region", region);
        }
    }

    /** The test class path without the application class loader, so that every class loads afresh here. */
    static final class Recording extends URLClassLoader {
        Recording() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}

package cn.banshi.upkeep;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.duplicates.DuplicateMerges;
import cn.banshi.logging.Log;
import cn.banshi.logging.RequestIds;
import cn.banshi.notifications.StaffDigest;
import cn.banshi.overdue.OverdueSweepHandler;
import cn.banshi.personaldata.RetentionJob;
import cn.banshi.reports.drafts.ReportReminder;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The daily upkeep, scheduled after the overdue sweep ({@link OverdueSweepHandler}): the day's work that opens
 * personal data, which the sweep's function may not (it holds no decrypt right; docs/personal-data.md). Per deployed
 * town: merges left half-done are finished (followers move between cases), the staff digest (the day's overdue marks
 * included) and the unpublished disclosure report's reminder are queued (staff contacts), and personal data whose
 * retention has passed is erased. Each step is idempotent; a failing one does not keep the others from running, and
 * the run then fails so that Lambda retries it (the steps already done find nothing to do).
 */
public final class DailyUpkeepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(DailyUpkeepHandler.class);

    private final DuplicateMerges merges;
    private final StaffDigest digest;
    private final ReportReminder reminder;
    private final RetentionJob retention;
    private final Set<String> towns;

    /** Lambda's: builds the four steps over the deployed towns. */
    public DailyUpkeepHandler() {
        this(ExecutionEnvironment.context(), DeployedTowns.fromEnvironment(Catalogs.bundled()));
    }

    public DailyUpkeepHandler(AppContext app) {
        this(app, app.catalogs().townIds());
    }

    public DailyUpkeepHandler(AppContext app, Set<String> towns) {
        this.merges = app.merges();
        this.digest = app.staffDigest();
        this.reminder = app.reportReminder();
        this.retention = app.retention();
        this.towns = towns;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        RequestIds.set(context == null ? "upkeep" : context.getAwsRequestId());
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            RuntimeException failed = null;
            for (String town : towns) {
                Map<String, Object> done = new LinkedHashMap<>();
                failed = step(town, "mergesRepaired", () -> merges.repairTown(town), done, failed);
                failed = step(town, "digestMessages", () -> digest.queue(town), done, failed);
                failed = step(town, "reportReminder", () -> reminder.check(town), done, failed);
                failed = step(town, "erased", () -> retention.run(town).erased(), done, failed);
                result.put(town, done);
            }
            if (failed != null) throw failed;
            return result;
        } finally {
            RequestIds.clear();
        }
    }

    private interface Step {
        Object run();
    }

    private static RuntimeException step(
            String town, String name, Step step, Map<String, Object> done, RuntimeException failed) {
        try {
            done.put(name, step.run());
            return failed;
        } catch (RuntimeException e) {
            LOG.error(
                    "daily upkeep step failed",
                    "town",
                    town,
                    "step",
                    name,
                    "exception",
                    e.getClass().getSimpleName());
            done.put(name, "failed");
            return failed == null ? e : failed;
        }
    }
}

package cn.banshi.overdue;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.calendar.CalendarService;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.logging.Log;
import cn.banshi.logging.RequestIds;
import cn.banshi.notifications.StaffDigest;
import cn.banshi.personaldata.RetentionJob;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The daily overdue sweep, started by EventBridge Scheduler; sweeps the deployed towns, queues each responsible
 * person's digest ({@link StaffDigest}) and erases the personal data whose retention has passed
 * ({@link RetentionJob}), over the deployed towns (env BANSHI_TOWNS, see {@link DeployedTowns}), or every town in the
 * catalog when built with a context only. First it makes sure the loaded holiday years are stored as one item
 * ({@link CalendarService#migrate()}, docs/deadlines.md).
 */
public final class OverdueSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(OverdueSweepHandler.class);
    private final CalendarService calendars;
    private final OverdueSweep sweep;
    private final StaffDigest digest;
    private final RetentionJob retention;
    private final Set<String> towns;

    /** Lambda's: builds the sweep (with the deadline recompute it finishes) over the deployed towns. */
    public OverdueSweepHandler() {
        this(ExecutionEnvironment.context(), DeployedTowns.fromEnvironment(Catalogs.bundled()));
    }

    public OverdueSweepHandler(AppContext app) {
        this(app, app.catalogs().townIds());
    }

    public OverdueSweepHandler(AppContext app, Set<String> towns) {
        this.calendars = app.calendars();
        this.sweep = app.sweep();
        this.digest = app.staffDigest();
        this.retention = app.retention();
        this.towns = towns;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        RequestIds.set(context == null ? "sweep" : context.getAwsRequestId());
        try {
            try {
                calendars.migrate();
            } catch (RuntimeException e) {
                // the readers still read the per-year items; the next sweep tries again
                LOG.warn("calendar migration failed", "exception", e.getClass().getSimpleName());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            for (String town : towns) {
                result.put(town, sweep.sweep(town));
                digest.queue(town);
                retention.run(town); // logs its counts; the result stays the newly overdue per town
            }
            return result;
        } finally {
            RequestIds.clear();
        }
    }
}

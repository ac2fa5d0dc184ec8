package cn.banshi.overdue;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.calendar.CalendarService;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.logging.Log;
import cn.banshi.logging.RequestIds;
import cn.banshi.upkeep.DailyUpkeepHandler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The daily overdue sweep, started by EventBridge Scheduler: sweeps the deployed towns (env BANSHI_TOWNS, see {@link
 * DeployedTowns}), or every town in the catalog when built with a context only. First it makes sure the loaded holiday
 * years are stored as one item ({@link CalendarService#migrate()}, docs/deadlines.md). It never opens personal data
 * (its function holds no decrypt right): the digest, the report reminder, merge repair and retention erasure run in
 * the daily upkeep after it ({@link DailyUpkeepHandler}).
 */
public final class OverdueSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(OverdueSweepHandler.class);
    private final CalendarService calendars;
    private final OverdueSweep sweep;
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
            }
            return result;
        } finally {
            RequestIds.clear();
        }
    }
}

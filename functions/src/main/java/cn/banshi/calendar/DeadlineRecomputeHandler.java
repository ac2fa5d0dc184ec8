package cn.banshi.calendar;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.logging.RequestIds;
import cn.banshi.overdue.DeadlineRecompute;
import cn.banshi.overdue.OverdueSweep;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The recompute function: invoked asynchronously by the calendar load with {@code {"year": 2027}}, counts the deployed
 * towns' open deadlines again under the calendar as now stored (read afresh, not from a warm cache). A failed run is
 * retried by Lambda; a run that never finishes is finished by the next daily sweep.
 */
public final class DeadlineRecomputeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** The environment variable through which the calendar function knows this function (its alias ARN). */
    public static final String RECOMPUTE_FUNCTION_ENV = "BANSHI_RECOMPUTE_FUNCTION";

    private final CalendarService calendars;
    private final DeadlineRecompute recompute;
    private final OverdueSweep sweep;
    private final Set<String> towns;

    /** Lambda's: builds the calendars, the deadline recompute and the sweep over the deployed towns. */
    public DeadlineRecomputeHandler() {
        this(ExecutionEnvironment.context(), DeployedTowns.fromEnvironment(Catalogs.bundled()));
    }

    public DeadlineRecomputeHandler(AppContext app, Set<String> towns) {
        this.calendars = app.calendars();
        this.recompute = app.recompute();
        this.sweep = app.sweep();
        this.towns = towns;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        RequestIds.set(context == null ? "recompute" : context.getAwsRequestId());
        try {
            Object year = input == null ? null : input.get("year");
            if (!(year instanceof Number n)
                    || n.intValue() < YearArrangement.MIN_YEAR
                    || n.intValue() > YearArrangement.MAX_YEAR) {
                throw new IllegalArgumentException("input must be {\"year\": YYYY}: " + input);
            }
            calendars.reload();
            RecomputeRunner.inProcess(recompute, sweep, towns).start(n.intValue());
            return new LinkedHashMap<>(recompute.states(n.intValue()));
        } finally {
            RequestIds.clear();
        }
    }
}

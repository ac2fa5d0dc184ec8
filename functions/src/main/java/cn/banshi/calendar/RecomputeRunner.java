package cn.banshi.calendar;

import cn.banshi.api.AppContext;
import cn.banshi.api.AsyncInvoker;
import cn.banshi.overdue.DeadlineRecompute;
import cn.banshi.overdue.OverdueSweep;
import java.util.Map;
import java.util.Set;

/**
 * Starts the recompute of open cases' deadlines after a year's notice was loaded: in AWS by an asynchronous
 * invocation of the recompute function ({@code DeadlineRecomputeFunction}, env {@value DeadlineRecomputeHandler.RECOMPUTE_FUNCTION_ENV}); elsewhere
 * (locally, in tests) in the calling process, before the load is answered.
 */
public interface RecomputeRunner {
    /** Hands the recompute of {@code year} over (or runs it); throws if it could not be started. */
    void start(int year);

    /** The runner of the environment: the function if configured, else in-process over {@code towns}. */
    static RecomputeRunner fromEnvironment(AppContext app, Set<String> towns) {
        AsyncInvoker invoker = AsyncInvoker.of(System.getenv(DeadlineRecomputeHandler.RECOMPUTE_FUNCTION_ENV));
        if (invoker == null) return inProcess(app.recompute(), app.sweep(), towns);
        return year -> invoker.invoke(Map.of("year", year));
    }

    /** Recomputes each town, then sweeps it (a moved date may now be overdue). */
    static RecomputeRunner inProcess(DeadlineRecompute recompute, OverdueSweep sweep, Set<String> towns) {
        return year -> {
            for (String town : towns) {
                recompute.recompute(town, year);
                sweep.sweep(town);
            }
        };
    }
}

package cn.banshi.upkeep;

import cn.banshi.api.AppContext;
import cn.banshi.overdue.OverdueSweepHandler;
import java.util.Map;
import java.util.Set;

/**
 * The two daily functions in the order their schedules start them, as EventBridge Scheduler invokes them: the overdue
 * sweep (00:30, no decrypt right), then the upkeep (01:00: merge repair, digest, report reminder, retention).
 */
public final class DailyJobs {
    private final OverdueSweepHandler sweep;
    private final DailyUpkeepHandler upkeep;

    public DailyJobs(AppContext app, Set<String> towns) {
        this.sweep = new OverdueSweepHandler(app, towns);
        this.upkeep = new DailyUpkeepHandler(app, towns);
    }

    public static void run(AppContext app, Set<String> towns) {
        new DailyJobs(app, towns).run();
    }

    public void run() {
        sweep.handleRequest(Map.of(), null);
        upkeep.handleRequest(Map.of(), null);
    }
}

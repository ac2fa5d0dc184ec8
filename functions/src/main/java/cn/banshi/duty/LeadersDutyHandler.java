package cn.banshi.duty;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.records.YearDocumentHandler;

/**
 * Section 三's inputs of a year ({@code /api/v1/admin/leaders-duty/{year}}): the principal leaders, the
 * rule-of-law committee and its meetings, as the work report names them. PUT replaces the year's entry.
 */
public final class LeadersDutyHandler extends YearDocumentHandler<LeadersDuty> {
    /** Lambda's: builds the store, and nothing else. */
    public LeadersDutyHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public LeadersDutyHandler(AppContext app) {
        super(
                app.leadersDuty(),
                app.clock(),
                "/api/v1/admin/leaders-duty/{year}",
                "leaders' duty",
                LeadersDutyForms::read,
                LeadersDutyJson::write);
    }
}

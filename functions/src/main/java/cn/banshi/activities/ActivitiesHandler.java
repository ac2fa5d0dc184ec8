package cn.banshi.activities;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.json.Json;
import cn.banshi.records.TownRecords;
import cn.banshi.records.TownRecordsHandler;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * The town's activities and measures ({@code /api/v1/admin/activities}): town admins write, auditors read.
 * The town is always the token's.
 */
public final class ActivitiesHandler extends TownRecordsHandler<Activity, ActivityForms.Changes> {
    /** Lambda's: builds the activity store, and nothing else. */
    public ActivitiesHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public ActivitiesHandler(AppContext app) {
        super(app.activities(), app.clock(), "/api/v1/admin/activities", "activity");
    }

    @Override
    protected Activity parseNew(Fields body, String town) {
        return ActivityForms.create(body, town, TownRecords::newId);
    }

    @Override
    protected ActivityForms.Changes parseChanges(Fields body) {
        return ActivityForms.read(body);
    }

    /** This year's. */
    @Override
    protected int defaultYear(LocalDate today) {
        return today.getYear();
    }

    @Override
    protected ObjectNode toJson(Activity a) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("date", a.date().toString());
        n.put("theme", a.theme().code());
        n.put("themeName", a.theme().nameZh());
        n.put("kind", a.kind().code());
        n.put("kindName", a.kind().nameZh());
        n.put("title", a.title());
        if (a.description() != null) n.put("description", a.description());
        if (a.place() != null) n.put("place", a.place());
        if (a.participants() != null) n.put("participants", a.participants());
        n.put("leaderDuty", a.leaderDuty());
        n.put("version", a.version());
        return n;
    }
}

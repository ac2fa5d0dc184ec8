package cn.banshi.plans;

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
 * The next year's arrangements ({@code /api/v1/admin/plan-items}) and, later, what became of them
 * ({@code PUT} with {@code status}). {@code GET ?year=} lists a plan year (default: next year).
 */
public final class PlanItemsHandler extends TownRecordsHandler<PlanItem, PlanItemForms.Changes> {
    /** Lambda's: builds the plan item store, and nothing else. */
    public PlanItemsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public PlanItemsHandler(AppContext app) {
        super(app.planItems(), app.clock(), "/api/v1/admin/plan-items", "plan item");
    }

    @Override
    protected PlanItem parseNew(Fields body, String town) {
        return PlanItemForms.create(body, town, TownRecords::newId);
    }

    @Override
    protected PlanItemForms.Changes parseChanges(Fields body) {
        return PlanItemForms.read(body);
    }

    /** Next year's: the plan being made. */
    @Override
    protected int defaultYear(LocalDate today) {
        return today.getYear() + 1;
    }

    @Override
    protected ObjectNode toJson(PlanItem p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("year", p.year());
        n.put("title", p.title());
        if (p.description() != null) n.put("description", p.description());
        n.put("owner", p.owner());
        if (p.place() != null) n.put("place", p.place());
        n.put("targetDate", p.targetDate().toString());
        n.put("status", p.status().code());
        n.put("statusName", p.status().nameZh());
        n.put("source", p.source());
        n.put("version", p.version());
        return n;
    }
}

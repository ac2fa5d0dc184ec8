package cn.banshi.overdue;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.logging.Log;
import cn.banshi.store.Tables;
import cn.banshi.workflow.ActionContext;
import cn.banshi.workflow.Workflows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts open cases' due dates again when a year's State Council notice is loaded, per town, through the open-by-due
 * index (never a Scan): every open case due on or after 1 January of that year is counted from its stored basis (term
 * or clock) under the calendar now in force, and a case whose date or provisional mark changes gets a new version with
 * a public history entry. A run records its state in the records table ({@code calendar#recompute}, one item per
 * year and town); rerunning it after a crash finishes the rest and changes nothing twice (a case already counted under
 * the loaded year gives the same date again). Writes are conditional on the version: a staff action in between makes
 * the recompute read the case again and count once more.
 */
public final class DeadlineRecompute {
    private static final Log LOG = Log.get(DeadlineRecompute.class);
    static final String RUNS_PK = "calendar#recompute";
    /** One item per town once its pending due dates were filled: no code stores new ones, so it is done once. */
    static final String PENDING_FILLED_PK = "calendar#pending-filled";

    /** What one run did in one town. */
    public record Result(String town, int year, int examined, int changed) {}

    private final DynamoDbClient dynamo;
    private final CaseStore cases;
    private final Supplier<Deadlines> deadlines;
    private final Catalogs catalogs;
    private final Clock clock;
    private final String records;

    public DeadlineRecompute(
            DynamoDbClient dynamo, CaseStore cases, Supplier<Deadlines> deadlines, Catalogs catalogs, Clock clock) {
        this.dynamo = dynamo;
        this.cases = cases;
        this.deadlines = deadlines;
        this.catalogs = catalogs;
        this.clock = clock;
        this.records = Tables.physical(Tables.RECORDS);
    }

    /** Marks the run of {@code year} as to do in each town, before it is handed to whatever runs it. */
    public void schedule(int year, Iterable<String> towns) {
        for (String town : towns) writeState(year, town, "pending", null);
    }

    /** Recomputes the open cases of {@code town} whose due date's count may pass through {@code year}. */
    public Result recompute(String town, int year) {
        writeState(year, town, "running", null);
        Catalog catalog = catalog(town);
        Deadlines d = deadlines.get();
        List<CaseRecord> candidates = new ArrayList<>();
        cases.forEachOpenDueFrom(town, LocalDate.of(year, 1, 1), candidates::add);
        int changed = 0;
        for (CaseRecord c : candidates) {
            if (recount(c, catalog, d, year)) changed++;
        }
        Result result = new Result(town, year, candidates.size(), changed);
        writeState(year, town, "done", result);
        LOG.info("deadlines recomputed", "town", town, "year", year, "examined", result.examined(), "changed", changed);
        return result;
    }

    /**
     * Gives a due date to the open cases an earlier version stored without one ({@code dueDatePending}, received since
     * the start of last year: that version stored them only while a year was missing); returns how many. Once every
     * one of a town has its date, a marker item ends the search for good (nothing stores such cases any more).
     */
    public int fillPending(String town) {
        Map<String, AttributeValue> marker =
                Map.of("pk", AttributeValue.fromS(PENDING_FILLED_PK), "sk", AttributeValue.fromS(town));
        var done = dynamo.getItem(b -> b.tableName(records).key(marker).consistentRead(true));
        if (done.hasItem() && !done.item().isEmpty()) return 0;
        Catalog catalog = catalog(town);
        Deadlines d = deadlines.get();
        List<CaseRecord> pending = new ArrayList<>();
        // finished cases keep no due date: only the open ones need one (else the marker would never be written)
        cases.forEachDuePending(town, LocalDate.of(ChinaTime.today(clock).getYear() - 1, 1, 1), c -> {
            if (c.status().isOpen()) pending.add(c);
        });
        int filled = 0;
        for (CaseRecord c : pending) {
            if (recount(c, catalog, d, 0)) filled++;
        }
        if (filled > 0) LOG.info("pending due dates filled", "town", town, "cases", filled);
        if (filled == pending.size()) {
            Map<String, AttributeValue> item = new HashMap<>(marker);
            item.put("at", AttributeValue.fromS(clock.instant().toString()));
            dynamo.putItem(b -> b.tableName(records).item(item));
        }
        return filled;
    }

    /** Runs again every run of {@code town} that was scheduled or started but not finished (the daily sweep's check). */
    public List<Result> resumeUnfinished(String town) {
        List<Result> results = new ArrayList<>();
        var response = dynamo.query(b -> b.tableName(records)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RUNS_PK)))
                .consistentRead(true));
        for (Map<String, AttributeValue> item : response.items()) {
            String[] key = item.get("sk").s().split("#", 2);
            if (key[1].equals(town) && !"done".equals(item.get("state").s())) {
                results.add(recompute(town, Integer.parseInt(key[0])));
            }
        }
        return results;
    }

    /** The state of each town's run for {@code year}: pending, running or done. */
    public Map<String, String> states(int year) {
        Map<String, String> states = new HashMap<>();
        var response = dynamo.query(b -> b.tableName(records)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :y)")
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(RUNS_PK), ":y", AttributeValue.fromS(year + "#")))
                .consistentRead(true));
        for (Map<String, AttributeValue> item : response.items()) {
            states.put(item.get("sk").s().substring(5), item.get("state").s());
        }
        return states;
    }

    /** One case: counted again and written if anything changed; read again and retried if someone wrote first. */
    private boolean recount(CaseRecord c, Catalog catalog, Deadlines d, int year) {
        CaseRecord current = c;
        while (true) {
            ActionContext context = new ActionContext(Workflows.SYSTEM, clock.instant(), d, catalog);
            Optional<CaseRecord> next = Workflows.recomputeDue(current, context, year);
            if (next.isEmpty()) return false;
            try {
                cases.update(next.get());
                if (current.details().supervision().overdueSince() != null
                        && next.get().details().supervision().overdueSince() == null) {
                    OverdueSweep.withdrawAlert(dynamo, records, current);
                }
                return true;
            } catch (CaseStore.VersionConflictException changed) {
                Optional<CaseRecord> fresh = cases.find(current.trackingNo());
                if (fresh.isEmpty()) return false;
                current = fresh.get();
            }
        }
    }

    private Catalog catalog(String town) {
        return catalogs.town(town).orElseThrow(() -> new IllegalArgumentException("unknown town " + town));
    }

    private void writeState(int year, String town, String state, Result result) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(RUNS_PK));
        item.put("sk", AttributeValue.fromS(year + "#" + town));
        item.put("state", AttributeValue.fromS(state));
        item.put("at", AttributeValue.fromS(clock.instant().toString()));
        if (result != null) {
            item.put("examined", AttributeValue.fromN(Integer.toString(result.examined())));
            item.put("changed", AttributeValue.fromN(Integer.toString(result.changed())));
        }
        dynamo.putItem(b -> b.tableName(records).item(item));
    }
}

package cn.banshi.overdue;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.logging.Log;
import cn.banshi.store.Tables;
import cn.banshi.workflow.Workflows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The daily sweep: finds open cases past their due date (provisional ones too) through the sparse open-by-due index,
 * marks each once in its history and records one alert per case. It never opens personal data: its store passes the
 * sealed {@code personal} attribute through (docs/personal-data.md); what needs personal data runs in the daily
 * upkeep after it (the staff digest, the report reminder, merge repair, retention). Re-running it the same day
 * changes nothing.
 */
public final class OverdueSweep {
    private static final Log LOG = Log.get(OverdueSweep.class);

    private final DynamoDbClient dynamo;
    private final CaseStore cases;
    private final Clock clock;
    private final DeadlineRecompute recompute;
    private final String records;

    /**
     * {@code cases}: a store that passes personal data through unopened ({@code DynamoCaseStore.unopened}); the sweep
     * reads and writes only a case's status, dates and history.
     */
    public OverdueSweep(DynamoDbClient dynamo, CaseStore cases, Clock clock, DeadlineRecompute recompute) {
        this.dynamo = dynamo;
        this.cases = cases;
        this.clock = clock;
        this.recompute = recompute;
        this.records = Tables.physical(Tables.RECORDS);
    }

    /**
     * Sweeps one town; returns the number of newly overdue cases. First finishes any deadline recompute of the town
     * that a calendar load started and that did not finish, and gives a due date to cases an earlier version stored
     * without one, so that the sweep sees every open case's deadline.
     */
    public int sweep(String town) {
        recompute.resumeUnfinished(town);
        recompute.fillPending(town);
        LocalDate today = ChinaTime.today(clock);
        List<CaseRecord> overdue = new ArrayList<>();
        cases.forEachOpenDueBefore(town, today, c -> {
            if (c.details().supervision().overdueSince() == null) overdue.add(c);
        });
        int marked = 0;
        for (CaseRecord c : overdue) {
            if (recordAlert(c, today)) marked++;
            try {
                cases.update(Workflows.markOverdue(c, clock.instant()));
            } catch (CaseStore.VersionConflictException changed) {
                // a clerk acted meanwhile; the next sweep looks again, the alert is already recorded once, with the
                // title as it is now (the clerk may have marked the one this sweep read as personal)
                retitleQuietly(
                        c.trackingNo(),
                        () -> cases.find(c.trackingNo()).ifPresent(fresh -> retitleAlert(dynamo, fresh)));
            }
        }
        LOG.info("overdue sweep", "town", town, "newlyOverdue", marked);
        return marked;
    }

    private boolean recordAlert(CaseRecord c, LocalDate today) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(alertPk(c.town())));
        item.put("sk", AttributeValue.fromS(c.dueDate() + "#" + c.trackingNo()));
        item.put("trackingNo", AttributeValue.fromS(c.trackingNo()));
        item.put("type", AttributeValue.fromS(c.type().code()));
        item.put("title", AttributeValue.fromS(c.title()));
        item.put("status", AttributeValue.fromS(c.status().code()));
        item.put("dueDate", AttributeValue.fromS(c.dueDate().toString()));
        item.put("raisedOn", AttributeValue.fromS(today.toString()));
        if (c.village() != null) item.put("village", AttributeValue.fromS(c.village()));
        try {
            dynamo.putItem(b -> b.tableName(records).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            // raised by an earlier sweep whose mark did not land: the title as it is now
            retitleQuietly(c.trackingNo(), () -> retitleAlert(dynamo, c));
            return false;
        }
    }

    /** A retitle the sweep makes on the side: a failure is logged and does not stop the town's marks. */
    private static void retitleQuietly(String trackingNo, Runnable retitle) {
        try {
            retitle.run();
        } catch (RuntimeException e) {
            LOG.error(
                    "alert not retitled",
                    "trackingNo",
                    trackingNo,
                    "error",
                    e.getClass().getSimpleName());
        }
    }

    /** A town's alerts, most recent due date first; village staff see their village's only. */
    public List<Alert> alerts(String town, String village, int limit) {
        List<Alert> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var response = dynamo.query(b -> {
                b.tableName(records)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(alertPk(town))))
                        .scanIndexForward(false);
                if (exclusiveStart != null) b.exclusiveStartKey(exclusiveStart);
            });
            for (Map<String, AttributeValue> item : response.items()) {
                if (village != null
                        && (!item.containsKey("village")
                                || !village.equals(item.get("village").s()))) continue;
                items.add(new Alert(
                        text(item, "trackingNo"),
                        item.get("type").s(),
                        text(item, "job"),
                        item.get("title").s(),
                        item.get("status").s(),
                        LocalDate.parse(item.get("dueDate").s()),
                        LocalDate.parse(item.get("raisedOn").s()),
                        text(item, "village")));
                if (items.size() >= limit) return items;
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return items;
    }

    /** Removes the alert raised for {@code c}'s due date in force (its deadline moved; the next sweep looks again). */
    static void withdrawAlert(DynamoDbClient dynamo, String records, CaseRecord c) {
        dynamo.deleteItem(b -> b.tableName(records)
                .key(Map.of(
                        "pk",
                        AttributeValue.fromS(alertPk(c.town())),
                        "sk",
                        AttributeValue.fromS(c.dueDate() + "#" + c.trackingNo()))));
    }

    /**
     * Gives the alert raised for {@code c}'s due date in force the case's title as it is now (staff marked the title as
     * personal: docs/personal-data.md); nothing when there is no such alert.
     */
    public static void retitleAlert(DynamoDbClient dynamo, CaseRecord c) {
        if (c.dueDate() == null) return;
        try {
            dynamo.updateItem(b -> b.tableName(Tables.physical(Tables.RECORDS))
                    .key(Map.of(
                            "pk",
                            AttributeValue.fromS(alertPk(c.town())),
                            "sk",
                            AttributeValue.fromS(c.dueDate() + "#" + c.trackingNo())))
                    .updateExpression("SET #title = :title")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#title", "title"))
                    .expressionAttributeValues(Map.of(":title", AttributeValue.fromS(c.title()))));
        } catch (ConditionalCheckFailedException none) {
            // the case has not been overdue at this due date: no alert carries its title
        }
    }

    public static String alertPk(String town) {
        return "town#" + town + "#alert";
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}

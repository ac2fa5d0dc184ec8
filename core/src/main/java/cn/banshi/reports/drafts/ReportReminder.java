package cn.banshi.reports.drafts;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.overdue.OverdueSweep;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The disclosure report's reminder: from 20 January to 31 March, while last year's 政府信息公开工作年度报告 has
 * no published version, the daily sweep records one alert for it among the town's overdue alerts (due 31
 * January); publishing it withdraws the alert. Outside that window nothing is looked for, so a deployment that
 * starts mid-year does not alert about a report published before banshi.
 */
public final class ReportReminder {
    /** The day from which an unpublished disclosure report is an alert. */
    public static final int REMIND_DAY = 20;
    /** The last day a missing report is looked for (an alert raised stays until the report is published). */
    private static final MonthDay LAST = MonthDay.of(3, 31);

    /** Who else is told when the alert is due (the town admins, through the notifications' outbox). */
    public interface Notify {
        Notify NONE = (town, title, deadline) -> {};

        /** Called every day the alert is due and not yet recorded; must be idempotent per town and deadline. */
        void due(String town, String title, LocalDate deadline);
    }

    private final DynamoDbClient dynamo;
    private final Publications publications;
    private final Clock clock;
    private final Notify notify;
    private final String records;

    public ReportReminder(DynamoDbClient dynamo, Publications publications, Clock clock) {
        this(dynamo, publications, clock, Notify.NONE);
    }

    public ReportReminder(DynamoDbClient dynamo, Publications publications, Clock clock, Notify notify) {
        this.dynamo = dynamo;
        this.publications = publications;
        this.clock = clock;
        this.notify = notify;
        this.records = Tables.physical(Tables.RECORDS);
    }

    /** Records the alert if due today; true if a new alert was recorded. */
    public boolean check(String town) {
        LocalDate today = ChinaTime.today(clock);
        int year = today.getYear() - 1;
        LocalDate deadline = SigningDates.deadline(ReportKind.OGI_ANNUAL, year);
        if (today.isBefore(LocalDate.of(year + 1, 1, REMIND_DAY)) || today.isAfter(LAST.atYear(year + 1))) return false;
        if (!publications.list(town, year, ReportKind.OGI_ANNUAL).isEmpty()) return false;
        Map<String, AttributeValue> item = new HashMap<>(key(town, year));
        item.put("type", AttributeValue.fromS("report"));
        item.put("job", AttributeValue.fromS(ReportKind.OGI_ANNUAL.code()));
        String title = year + "年" + ReportKind.OGI_ANNUAL.nameZh() + "尚未发布（应于" + deadline.getMonthValue() + "月"
                + deadline.getDayOfMonth() + "日前发布）";
        item.put("title", AttributeValue.fromS(title));
        item.put("status", AttributeValue.fromS("unpublished"));
        item.put("dueDate", AttributeValue.fromS(deadline.toString()));
        item.put("raisedOn", AttributeValue.fromS(today.toString()));
        // the messages first, keyed by town and deadline: a crash before the alert is written repeats nothing
        if (!alertRecorded(town, year)) notify.due(town, title, deadline);
        try {
            dynamo.putItem(b -> b.tableName(records).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    private boolean alertRecorded(String town, int year) {
        return dynamo.getItem(b -> b.tableName(records).key(key(town, year))).hasItem();
    }

    /** Removes the year's alert (the report was published). */
    public void withdraw(String town, int year) {
        dynamo.deleteItem(b -> b.tableName(records).key(key(town, year)));
    }

    private static Map<String, AttributeValue> key(String town, int year) {
        LocalDate deadline = SigningDates.deadline(ReportKind.OGI_ANNUAL, year);
        return Map.of(
                "pk",
                AttributeValue.fromS(OverdueSweep.alertPk(town)),
                "sk",
                AttributeValue.fromS(deadline + "#report#" + ReportKind.OGI_ANNUAL.code()));
    }
}

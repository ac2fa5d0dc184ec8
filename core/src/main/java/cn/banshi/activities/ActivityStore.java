package cn.banshi.activities;

import static cn.banshi.records.TownRecordTable.text;

import cn.banshi.errors.Errors;
import cn.banshi.records.RecordUpdate;
import cn.banshi.records.TownRecordStore;
import cn.banshi.records.TownRecordTable;
import cn.banshi.records.TownRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Activities in the {@code records} table: {@code pk = town#<town>#activity}, {@code sk} = the id, which
 * starts with the activity's year. A year is one Query; changes are single conditional writes.
 */
public final class ActivityStore implements TownRecordStore<Activity, ActivityForms.Changes> {
    static final String KIND = "activity";
    private final TownRecordTable records;

    public ActivityStore(DynamoDbClient dynamo) {
        this.records = new TownRecordTable(dynamo, KIND);
    }

    @Override
    public void create(Activity a, String actor, Instant now) {
        Map<String, AttributeValue> item = toItem(records.newItem(a.town(), a.id()), a);
        item.put("updatedBy", s(actor));
        item.put("updatedAt", s(now.toString()));
        records.create(item);
    }

    /** A year's activities, by date. */
    @Override
    public List<Activity> list(String town, int year) {
        return records.year(town, year).stream()
                .map(ActivityStore::fromItem)
                .sorted(Comparator.comparing(Activity::date).thenComparing(Activity::id))
                .toList();
    }

    public Optional<Activity> find(String town, String id) {
        return records.find(town, id).map(ActivityStore::fromItem);
    }

    @Override
    public Optional<Activity> update(String town, String id, ActivityForms.Changes changes, String actor, Instant now) {
        changes.date().ifPresent(d -> {
            if (d.getYear() != TownRecords.yearOf(id)) {
                throw Errors.notAllowed(
                        "date",
                        "活动日期不能改到其他年度，请删除后重新录入",
                        "The date cannot move to another year; delete and create the activity again");
            }
        });
        RecordUpdate update = new RecordUpdate(actor, now);
        changes.date().ifPresent(v -> update.set("date", s(v.toString())));
        changes.theme().ifPresent(v -> update.set("theme", s(v.code())));
        changes.kind().ifPresent(v -> update.set("kind", s(v.code())));
        changes.title().ifPresent(v -> update.set("title", s(v)));
        changes.description().ifPresent(v -> update.set("description", s(v)));
        changes.place().ifPresent(v -> update.set("place", s(v)));
        changes.participants().ifPresent(v -> update.set("participants", s(v)));
        changes.leaderDuty().ifPresent(v -> update.set("leaderDuty", AttributeValue.fromBool(v)));
        return records.update(town, id, update).map(ActivityStore::fromItem);
    }

    @Override
    public boolean delete(String town, String id) {
        return records.delete(town, id);
    }

    static Map<String, AttributeValue> toItem(Map<String, AttributeValue> item, Activity a) {
        item.put("id", s(a.id()));
        item.put("town", s(a.town()));
        item.put("date", s(a.date().toString()));
        item.put("theme", s(a.theme().code()));
        item.put("kind", s(a.kind().code()));
        item.put("title", s(a.title()));
        if (a.description() != null) item.put("description", s(a.description()));
        if (a.place() != null) item.put("place", s(a.place()));
        if (a.participants() != null) item.put("participants", s(a.participants()));
        item.put("leaderDuty", AttributeValue.fromBool(a.leaderDuty()));
        item.put("version", AttributeValue.fromN(Long.toString(a.version())));
        return item;
    }

    static Activity fromItem(Map<String, AttributeValue> item) {
        return new Activity(
                item.get("id").s(),
                item.get("town").s(),
                LocalDate.parse(item.get("date").s()),
                ActivityTheme.find(item.get("theme").s()).orElse(ActivityTheme.OTHER),
                // activities stored before kinds existed are standing measures
                ActivityKind.find(text(item, "kind")).orElse(ActivityKind.MEASURE),
                item.get("title").s(),
                text(item, "description"),
                text(item, "place"),
                text(item, "participants"),
                item.get("leaderDuty").bool(),
                Long.parseLong(item.get("version").n()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

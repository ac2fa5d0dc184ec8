package cn.banshi.plans;

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
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Plan items in the {@code records} table: {@code pk = town#<town>#plan-item}, {@code sk} = the id, which
 * starts with the plan year (the year of the target date).
 */
public final class PlanItemStore implements TownRecordStore<PlanItem, PlanItemForms.Changes> {
    static final String KIND = "plan-item";
    private final TownRecordTable records;

    public PlanItemStore(DynamoDbClient dynamo) {
        this.records = new TownRecordTable(dynamo, KIND);
    }

    @Override
    public void create(PlanItem p, String actor, Instant now) {
        Map<String, AttributeValue> item = toItem(records.newItem(p.town(), p.id()), p, actor, now);
        item.put("createdAt", s(now.toString()));
        records.create(item);
    }

    /** Stores an item unless one with its id exists (generated items: a rerun never overwrites staff edits). */
    public boolean createIfAbsent(PlanItem p, String actor, Instant now) {
        try {
            create(p, actor, now);
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** A plan year's items, in the order they were entered. */
    @Override
    public List<PlanItem> list(String town, int year) {
        Comparator<Map<String, AttributeValue>> entered =
                Comparator.comparing(item -> Objects.requireNonNullElse(text(item, "createdAt"), ""));
        return records.year(town, year).stream()
                .sorted(entered.thenComparing(item -> item.get("id").s()))
                .map(PlanItemStore::fromItem)
                .toList();
    }

    @Override
    public Optional<PlanItem> update(String town, String id, PlanItemForms.Changes changes, String actor, Instant now) {
        changes.targetDate().ifPresent(d -> {
            if (d.getYear() != TownRecords.yearOf(id)) {
                throw Errors.notAllowed(
                        "targetDate",
                        "完成时限不能改到其他年度，请删除后重新录入",
                        "The target date cannot move to another year; delete and create the item again");
            }
        });
        RecordUpdate update = new RecordUpdate(actor, now);
        changes.title().ifPresent(v -> update.set("title", s(v)));
        changes.description().ifPresent(v -> update.set("description", s(v)));
        changes.owner().ifPresent(v -> update.set("owner", s(v)));
        changes.place().ifPresent(v -> update.set("place", s(v)));
        changes.targetDate().ifPresent(v -> update.set("targetDate", s(v.toString())));
        changes.status().ifPresent(v -> update.set("status", s(v.code())));
        return records.update(town, id, update).map(PlanItemStore::fromItem);
    }

    @Override
    public boolean delete(String town, String id) {
        return records.delete(town, id);
    }

    static Map<String, AttributeValue> toItem(Map<String, AttributeValue> item, PlanItem p, String actor, Instant now) {
        item.put("id", s(p.id()));
        item.put("town", s(p.town()));
        item.put("title", s(p.title()));
        if (p.description() != null) item.put("description", s(p.description()));
        item.put("owner", s(p.owner()));
        if (p.place() != null) item.put("place", s(p.place()));
        item.put("targetDate", s(p.targetDate().toString()));
        item.put("status", s(p.status().code()));
        item.put("source", s(p.source()));
        item.put("version", AttributeValue.fromN(Long.toString(p.version())));
        item.put("updatedBy", s(actor));
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    static PlanItem fromItem(Map<String, AttributeValue> item) {
        return new PlanItem(
                item.get("id").s(),
                item.get("town").s(),
                item.get("title").s(),
                text(item, "description"),
                item.get("owner").s(),
                text(item, "place"),
                LocalDate.parse(item.get("targetDate").s()),
                PlanStatus.find(item.get("status").s()).orElse(PlanStatus.NOT_STARTED),
                item.get("source").s(),
                Long.parseLong(item.get("version").n()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

package cn.banshi.reports.drafts;

import cn.banshi.records.TownRecords;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.QueryPages;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The legal office's layer of each draft, one item in the {@code records} table: {@code pk =
 * town#<town>#report-draft}, {@code sk = <year>#<job>}; written only over the version the writer read
 * (optimistic locking), so two editors never lose each other's changes.
 */
public final class DraftStore {
    static final String KIND = "report-draft";

    private final DynamoDbClient dynamo;
    private final String table;

    public DraftStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    /** The stored layer, or an empty one (version 0). */
    public DraftState find(String town, int year, ReportKind kind) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(town, year, kind)));
        return response.hasItem() && !response.item().isEmpty()
                ? fromItem(response.item())
                : DraftState.empty(town, year, kind);
    }

    /** The year's stored layers of a town (no item: no layer yet). */
    public List<DraftState> list(String town, int year) {
        List<DraftState> states = new ArrayList<>();
        QueryPages.all(
                dynamo,
                b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                        .expressionAttributeValues(
                                Map.of(":pk", s(TownRecords.pk(town, KIND)), ":year", s(year + "#"))),
                item -> {
                    if (ReportKind.find(item.get("job").s()).isPresent()) states.add(fromItem(item));
                });
        return states;
    }

    /** Writes {@code state} if the stored version is still {@code expected}; false if someone wrote meanwhile. */
    public boolean save(DraftState state, long expected) {
        Map<String, AttributeValue> item = toItem(state);
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (expected == 0) b.conditionExpression("attribute_not_exists(pk)");
                else
                    b.conditionExpression("version = :expected")
                            .expressionAttributeValues(Map.of(":expected", n(expected)));
            });
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(DraftState d) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.town(), d.year(), d.kind()));
        item.put("town", s(d.town()));
        item.put("year", n(d.year()));
        item.put("job", s(d.kind().code()));
        item.put("version", n(d.version()));
        item.put(
                "order",
                AttributeValue.fromL(d.order().stream().map(DraftStore::s).toList()));
        Map<String, AttributeValue> edits = new HashMap<>();
        for (DraftEdit e : d.edits().values()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("level", n(e.level()));
            m.put("text", s(e.text()));
            if (e.base() != null) m.put("base", s(e.base()));
            m.put("added", AttributeValue.fromBool(e.added()));
            m.put("by", s(e.by()));
            m.put("at", s(e.at().toString()));
            edits.put(e.id(), AttributeValue.fromM(m));
        }
        item.put("edits", AttributeValue.fromM(edits));
        item.put(
                "removed",
                AttributeValue.fromL(
                        d.removed().stream().sorted().map(DraftStore::s).toList()));
        if (d.approval() != null) {
            item.put(
                    "approval",
                    AttributeValue.fromM(Map.of(
                            "draftVersion", n(d.approval().draftVersion()),
                            "source", s(d.approval().source()),
                            "by", s(d.approval().by()),
                            "at", s(d.approval().at().toString()))));
        }
        item.put("published", n(d.published()));
        if (d.updatedBy() != null) item.put("updatedBy", s(d.updatedBy()));
        if (d.updatedAt() != null) item.put("updatedAt", s(d.updatedAt().toString()));
        return item;
    }

    static DraftState fromItem(Map<String, AttributeValue> item) {
        List<String> order = new ArrayList<>();
        if (item.containsKey("order")) item.get("order").l().forEach(v -> order.add(v.s()));
        Map<String, DraftEdit> edits = new HashMap<>();
        if (item.containsKey("edits")) {
            item.get("edits").m().forEach((id, v) -> {
                Map<String, AttributeValue> m = v.m();
                edits.put(
                        id,
                        new DraftEdit(
                                id,
                                Integer.parseInt(m.get("level").n()),
                                m.get("text").s(),
                                m.containsKey("base") ? m.get("base").s() : null,
                                m.get("added").bool(),
                                m.get("by").s(),
                                Instant.parse(m.get("at").s())));
            });
        }
        Set<String> removed = new HashSet<>();
        if (item.containsKey("removed")) item.get("removed").l().forEach(v -> removed.add(v.s()));
        DraftState.Approval approval = null;
        if (item.containsKey("approval")) {
            Map<String, AttributeValue> a = item.get("approval").m();
            approval = new DraftState.Approval(
                    Long.parseLong(a.get("draftVersion").n()),
                    a.get("source").s(),
                    a.get("by").s(),
                    Instant.parse(a.get("at").s()));
        }
        return new DraftState(
                item.get("town").s(),
                Integer.parseInt(item.get("year").n()),
                ReportKind.find(item.get("job").s()).orElseThrow(),
                Long.parseLong(item.get("version").n()),
                order,
                edits,
                removed,
                approval,
                Integer.parseInt(item.get("published").n()),
                item.containsKey("updatedBy") ? item.get("updatedBy").s() : null,
                item.containsKey("updatedAt")
                        ? Instant.parse(item.get("updatedAt").s())
                        : null);
    }

    static Map<String, AttributeValue> key(String town, int year, ReportKind kind) {
        return Map.of("pk", s(TownRecords.pk(town, KIND)), "sk", s(year + "#" + kind.code()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

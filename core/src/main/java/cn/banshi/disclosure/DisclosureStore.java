package cn.banshi.disclosure;

import cn.banshi.records.TownRecords;
import cn.banshi.store.AttributeJson;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A year's disclosure figures: one item, {@code pk = town#<town>#disclosure-figures}, {@code sk = <year>}. */
public final class DisclosureStore {
    static final String KIND = "disclosure-figures";
    private final DynamoDbClient dynamo;
    private final String table;

    public DisclosureStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    /** Replaces the year's figures in one write. */
    public void put(String town, DisclosureFigures figures, String actor, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(town, figures.year()));
        item.put("figures", AttributeJson.toAttribute(DisclosureFiguresJson.write(figures)));
        item.put("updatedBy", AttributeValue.fromS(actor));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    public Optional<DisclosureFigures> find(String town, int year) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(town, year)));
        if (!response.hasItem() || response.item().isEmpty()) return Optional.empty();
        return Optional.of(
                DisclosureFiguresJson.read(AttributeJson.toJson(response.item().get("figures"))));
    }

    private static Map<String, AttributeValue> key(String town, int year) {
        return Map.of(
                "pk",
                AttributeValue.fromS(TownRecords.pk(town, KIND)),
                "sk",
                AttributeValue.fromS(Integer.toString(year)));
    }
}

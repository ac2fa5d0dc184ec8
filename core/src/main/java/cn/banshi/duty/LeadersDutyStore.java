package cn.banshi.duty;

import cn.banshi.records.TownRecords;
import cn.banshi.store.AttributeJson;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A year's section-三 inputs: one item, {@code pk = town#<town>#leaders-duty}, {@code sk = <year>}. */
public final class LeadersDutyStore {
    static final String KIND = "leaders-duty";
    private final DynamoDbClient dynamo;
    private final String table;

    public LeadersDutyStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    /** Replaces the year's entry in one write. */
    public void put(String town, LeadersDuty duty, String actor, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(town, duty.year()));
        item.put("duty", AttributeJson.toAttribute(LeadersDutyJson.write(duty)));
        item.put("updatedBy", AttributeValue.fromS(actor));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    public Optional<LeadersDuty> find(String town, int year) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(town, year)));
        if (!response.hasItem() || response.item().isEmpty()) return Optional.empty();
        return Optional.of(
                LeadersDutyJson.read(AttributeJson.toJson(response.item().get("duty"))));
    }

    private static Map<String, AttributeValue> key(String town, int year) {
        return Map.of(
                "pk",
                AttributeValue.fromS(TownRecords.pk(town, KIND)),
                "sk",
                AttributeValue.fromS(Integer.toString(year)));
    }
}

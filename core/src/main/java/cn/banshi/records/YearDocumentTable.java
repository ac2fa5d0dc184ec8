package cn.banshi.records;

import cn.banshi.store.AttributeJson;
import cn.banshi.store.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One stored document per town and year in the records table ({@code pk = town#<town>#<kind>}, {@code sk =
 * <year>}, the document under {@code attribute}, with who wrote it when): the shared storage of the year inputs
 * that are a single document (disclosure figures, section 三's leaders and meetings). Each store names its kind,
 * attribute and codec.
 */
public class YearDocumentTable<T> implements YearDocuments<T> {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String kind;
    private final String attribute;
    private final Function<T, ? extends JsonNode> write;
    private final Function<JsonNode, T> read;
    private final ToIntFunction<T> year;

    protected YearDocumentTable(
            DynamoDbClient dynamo,
            String kind,
            String attribute,
            Function<T, ? extends JsonNode> write,
            Function<JsonNode, T> read,
            ToIntFunction<T> year) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
        this.kind = kind;
        this.attribute = attribute;
        this.write = write;
        this.read = read;
        this.year = year;
    }

    /** Replaces the year's document in one write. */
    @Override
    public final void put(String town, T document, String actor, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(town, year.applyAsInt(document)));
        item.put(attribute, AttributeJson.toAttribute(write.apply(document)));
        item.put("updatedBy", AttributeValue.fromS(actor));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public final Optional<T> find(String town, int year) {
        var response =
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(town, year)));
        if (!response.hasItem() || response.item().isEmpty()) return Optional.empty();
        return Optional.of(read.apply(AttributeJson.toJson(response.item().get(attribute))));
    }

    private Map<String, AttributeValue> key(String town, int year) {
        return Map.of(
                "pk",
                AttributeValue.fromS(TownRecords.pk(town, kind)),
                "sk",
                AttributeValue.fromS(Integer.toString(year)));
    }
}

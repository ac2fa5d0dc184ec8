package cn.banshi.notifications;

import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Staff contacts as a per-town configuration item in the {@code records} table: partition
 * {@code town#<town>#staff-contacts}, one item per person (sort key: the staff id) with {@code role},
 * {@code village} (village staff), {@code phone}, {@code email} and {@code notify} (sms, email, both, none).
 */
public final class RecordsStaffContacts implements StaffContacts {
    private final DynamoDbClient dynamo;
    private final String table;

    public RecordsStaffContacts(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    static String pk(String town) {
        return "town#" + town + "#staff-contacts";
    }

    @Override
    public List<StaffContact> forTown(String town) {
        List<StaffContact> contacts = new ArrayList<>();
        for (var page : dynamo.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(town)))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                contacts.add(new StaffContact(
                        item.get("sk").s(),
                        item.get("role").s(),
                        str(item, "village"),
                        str(item, "phone"),
                        str(item, "email"),
                        NotifyChoice.fromCode(
                                item.containsKey("notify") ? item.get("notify").s() : "both")));
            }
        }
        return contacts;
    }

    /** Registers (or replaces) one person's contact. */
    public void put(String town, StaffContact c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk(town)));
        item.put("sk", AttributeValue.fromS(c.id()));
        item.put("role", AttributeValue.fromS(c.role()));
        if (c.village() != null) item.put("village", AttributeValue.fromS(c.village()));
        if (c.phone() != null) item.put("phone", AttributeValue.fromS(c.phone()));
        if (c.email() != null) item.put("email", AttributeValue.fromS(c.email()));
        item.put("notify", AttributeValue.fromS(c.choice().code()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static String str(Map<String, AttributeValue> m, String key) {
        AttributeValue v = m.get(key);
        return v == null ? null : v.s();
    }
}

package cn.banshi.intake;

import cn.banshi.calendar.CalendarService;
import cn.banshi.personaldata.DataKeys;
import cn.banshi.store.BatchReads;
import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The records-table items a filing reads before anything else when its process has not read them yet (a cold
 * start): the current data key and the beacon key (pseudonyms for the block check, sealing, the people index) and the
 * loaded calendar years (the due date). One BatchGetItem instead of a read each, their owners then take what was read;
 * a warm process reads nothing here. In a cold JVM each DynamoDB round trip costs several milliseconds and a first
 * GetItem its own set-up besides (docs/benchmarks.md, run 23).
 */
public final class FirstReads {
    private final DynamoDbClient dynamo;
    private final DataKeys keys;
    private final CalendarService calendars;
    private final String table;

    public FirstReads(DynamoDbClient dynamo, DataKeys keys, CalendarService calendars) {
        this.dynamo = dynamo;
        this.keys = keys;
        this.calendars = calendars;
        this.table = Tables.physical(Tables.RECORDS);
    }

    /** Reads whatever of those items this process lacks, in one round trip (none when it lacks nothing). */
    public void read() {
        List<Map<String, AttributeValue>> keyItems = keys.keysToRead();
        List<Map<String, AttributeValue>> calendarItems = calendars.keysToRead();
        List<Map<String, AttributeValue>> wanted = new ArrayList<>(keyItems);
        wanted.addAll(calendarItems);
        if (wanted.isEmpty()) return;
        List<Map<String, AttributeValue>> items = BatchReads.consistent(dynamo, table, wanted);
        if (!keyItems.isEmpty()) keys.take(items);
        if (!calendarItems.isEmpty()) calendars.take(itemOf(items, calendarItems.get(0)));
    }

    private static Map<String, AttributeValue> itemOf(
            List<Map<String, AttributeValue>> items, Map<String, AttributeValue> key) {
        for (Map<String, AttributeValue> item : items) {
            if (key.entrySet().stream().allMatch(e -> e.getValue().equals(item.get(e.getKey())))) return item;
        }
        return null;
    }
}

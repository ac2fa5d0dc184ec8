package cn.banshi.testkit.atrest;

import cn.banshi.personaldata.DataKeys;
import cn.banshi.personaldata.FieldCipher;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opens the sealed values of the tables under one prefix with this JVM's key (the data keys of that prefix's records
 * table), so that the scan learns which names they hold.
 */
final class SealedValues {
    private final PersonalData personalData;

    SealedValues(DynamoDbClient dynamo, String prefix) {
        personalData = new PersonalData(new DataKeys(
                dynamo, PersonalData.wrapperFromEnvironment(), Clock.systemUTC(), prefix + Tables.RECORDS));
    }

    /** The item's key and its sealed protected attributes, opened; empty when there are none or they do not open. */
    Map<String, AttributeValue> open(ProtectedAttributes table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> sealed = new HashMap<>();
        for (String a : table.attributes()) if (FieldCipher.isSealed(item.get(a))) sealed.put(a, item.get(a));
        if (sealed.isEmpty()) return Map.of();
        for (String k : table.keyAttributes()) if (item.containsKey(k)) sealed.put(k, item.get(k));
        try {
            return personalData.open(table, sealed);
        } catch (RuntimeException unreadable) {
            // sealed under a key this JVM does not hold, or flipped by a test on purpose: not plaintext either way
            return Map.of();
        }
    }
}

package cn.banshi.testkit.atrest;

import cn.banshi.personaldata.DataKeys;
import cn.banshi.personaldata.FieldCipher;
import cn.banshi.personaldata.KeyWrapper;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opens the sealed values of the tables under one prefix with a key-encryption key (this JVM's, or a data directory's
 * key file) and the data keys of that prefix's records table, so that the scan learns which names they hold.
 */
final class SealedValues {
    private final PersonalData personalData;

    SealedValues(DynamoDbClient dynamo, String prefix, KeyWrapper keys) {
        personalData = new PersonalData(new DataKeys(dynamo, keys, Clock.systemUTC(), prefix + Tables.RECORDS));
    }

    /** The key-encryption key the desk in this JVM uses (tests: generated for the JVM). */
    static KeyWrapper thisJvmsKey() {
        return PersonalData.wrapperFromEnvironment();
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

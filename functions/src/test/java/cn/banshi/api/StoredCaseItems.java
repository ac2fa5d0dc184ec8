package cn.banshi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.cases.CaseItems;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks that every case item a test left in the table reads into the typed model and is written back unchanged
 * (item → record → item), so that the typed model never loses or reshapes a stored attribute.
 */
public final class StoredCaseItems {
    private StoredCaseItems() {}

    /** Returns the number of items checked. */
    public static int assertRoundTrip(DynamoDbClient dynamo) {
        int n = 0;
        for (var page : dynamo.scanPaginator(
                b -> b.tableName(Tables.physical(Tables.CASES)).consistentRead(true))) {
            for (Map<String, AttributeValue> stored : page.items()) {
                // the store's own write nonce is not part of the record
                // personal data is sealed with a fresh IV on every write (issue 18): compare the opened form
                Map<String, AttributeValue> item =
                        new HashMap<>(PersonalData.shared(dynamo).open(ProtectedAttributes.CASES, stored));
                item.remove(DynamoCaseStore.IDEMPOTENCY_REF);
                assertEquals(
                        item,
                        CaseItems.toItem(CaseItems.fromItem(item)),
                        () -> item.get("pk").s());
                n++;
            }
        }
        return n;
    }
}

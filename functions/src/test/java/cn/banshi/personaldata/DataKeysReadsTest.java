package cn.banshi.personaldata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.store.Tables;
import cn.banshi.testkit.CallLog;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a cold process reads its data keys: the current version and the beacon key in one BatchGetItem, the current
 * version's key from the copy its {@code current} item holds (docs/personal-data.md; a cold filing made three reads
 * before, docs/benchmarks.md run 23), and a {@code current} item from before the copy still read as before.
 */
class DataKeysReadsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final KeyWrapper wrapper = LocalKeyWrapper.generated();
    private final CallLog calls = new CallLog();
    private DynamoDbClient dynamo;
    private DynamoDbClient counted;

    @BeforeEach
    void keysExist() {
        dynamo = LocalDynamo.freshTables();
        counted = calls.client();
        DataKeys first = new DataKeys(dynamo, wrapper, clock);
        first.current();
        first.beaconKey();
    }

    private DataKeys cold() {
        calls.clear();
        return new DataKeys(counted, wrapper, clock);
    }

    @Test
    void aColdFilingReadsTheCurrentVersionAndTheBeaconKeyInOneRoundTrip() {
        DataKeys warm = new DataKeys(dynamo, wrapper, clock);
        DataKeys keys = cold();
        DataKeys.Version current = keys.current();
        byte[] beacon = keys.beaconKey();
        assertEquals(List.of("BatchGetItem"), calls.operations());
        assertEquals("k1", current.id());
        assertArrayEquals(warm.key("k1").getEncoded(), current.key().getEncoded());
        assertArrayEquals(warm.beaconKey(), beacon);
    }

    @Test
    void theBeaconKeyAloneReadsNoDataKey() {
        DataKeys keys = cold();
        keys.beaconKey();
        keys.beaconKey();
        assertEquals(List.of("GetItem"), calls.operations());
    }

    @Test
    void aCurrentItemFromBeforeTheCopyReadsItsKeyAndTheJobAddsTheCopy() {
        DataKeys warm = new DataKeys(dynamo, wrapper, clock);
        dynamo.updateItem(b -> b.tableName(Tables.physical(Tables.RECORDS))
                .key(Map.of("pk", AttributeValue.fromS(DataKeys.PK), "sk", AttributeValue.fromS(DataKeys.CURRENT)))
                .updateExpression("REMOVE #w")
                .expressionAttributeNames(Map.of("#w", "wrapped")));
        DataKeys old = cold();
        assertArrayEquals(warm.key("k1").getEncoded(), old.current().key().getEncoded());
        assertEquals(List.of("BatchGetItem", "GetItem"), calls.operations()); // current and beacon, then key#k1

        new DataKeys(dynamo, wrapper, clock).ensure();
        DataKeys copied = cold();
        assertArrayEquals(warm.key("k1").getEncoded(), copied.current().key().getEncoded());
        assertEquals(List.of("BatchGetItem"), calls.operations());
    }

    @Test
    void aRotationReachesAColdReaderAndAWarmOneAfterTheTtl() {
        DataKeys reader = new DataKeys(counted, wrapper, clock);
        assertEquals("k1", reader.current().id());
        String next = new DataKeys(dynamo, wrapper, clock).rotate();
        assertEquals("k2", next);
        assertEquals("k2", cold().current().id());
        assertEquals("k1", reader.current().id()); // within the TTL
        clock.advance(DataKeys.CURRENT_TTL.plusSeconds(1));
        DataKeys.Version rotated = reader.current();
        assertEquals("k2", rotated.id());
        // its new key from the copy in the current item: the same key as the rotation's own key#k2 item
        assertArrayEquals(
                new DataKeys(dynamo, wrapper, clock).key("k2").getEncoded(),
                rotated.key().getEncoded());
    }

    @Test
    void coldReadersAtOnceEachGetTheCurrentVersion() throws Exception {
        // CI once failed here (two report steps of one deployment asked a cold DataKeys at once)
        for (int round = 0; round < 20; round++) {
            DataKeys keys = new DataKeys(dynamo, wrapper, clock);
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    ids.add(pool.submit(() -> {
                        start.await();
                        return keys.current().id();
                    }));
                }
                for (Future<String> id : ids) assertEquals("k1", id.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

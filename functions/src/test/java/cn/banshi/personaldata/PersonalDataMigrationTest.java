package cn.banshi.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.AppContext;
import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.cases.StoredCases;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoCases;
import cn.banshi.personaldata.migration.PersonalDataMigration;
import cn.banshi.personaldata.migration.ProtectedTables;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import cn.banshi.testkit.atrest.PlaintextAtRest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The migration of plaintext items (issue 18): killed halfway and run again, every item ends sealed and was written by
 * the migration exactly once; a case the desk changes between the migration's read and its write (a function of the
 * previous deployment, still writing plaintext) keeps the desk's change (the conditional put fails, the item is read
 * again and sealed); reads accept both forms meanwhile; after a key rotation
 * new writes use the new version, old items stay readable, and the same job re-encrypts them.
 */
@PlaintextAtRest(
        tables = Tables.CASES,
        because = "cases as banshi wrote them before issue 18, for the migration to seal, and a plaintext write around"
                + " banshi after the migration's pass, which reads must refuse")
class PersonalDataMigrationTest {
    private static final int CASES = 230;

    private DynamoDbClient dynamo;
    private MutableClock clock;
    private AppContext app;
    private final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.freshTables();
        clock = MutableClock.at("2022-01-10T09:00");
        app = new AppContext(dynamo, clock);
        var catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        Iterator<CaseRecord> demo = new DemoCases(catalog, app.calendars().deadlines()).cases();
        // items as banshi wrote them before issue 18: personal data in plaintext, no people index
        for (int i = 0; i < CASES; i++) {
            CaseRecord c = demo.next();
            numbers.add(c.trackingNo());
            dynamo.putItem(b -> b.tableName(Tables.physical(Tables.CASES)).item(CaseItems.toItem(c)));
        }
    }

    @Test
    void killedHalfwayAndRunAgainSealsEveryItemOnce() {
        // reads accept plaintext items until they are migrated
        String first = numbers.get(0);
        CaseRecord before = app.cases().find(first).orElseThrow();
        assertFalse(FieldCipher.isSealed(raw(first).get("personal")));

        // the desk changes one case before the migration: written sealed, the migration leaves it alone
        String byDesk = numbers.get(1);
        CaseRecord desk = app.cases().find(byDesk).orElseThrow();
        app.cases().update(desk.toBuilder().version(desk.version() + 1).build());

        Counting killing = new Counting(130, null);
        PersonalDataMigration first1 = migration(killing);
        assertThrows(RuntimeException.class, () -> first1.run(Integer.MAX_VALUE));
        assertFalse(first1.done());

        // the second run: one case changed by the desk between the migration's read and its write
        String raced = numbers.get(CASES - 1);
        Counting second = new Counting(Integer.MAX_VALUE, raced);
        PersonalDataMigration rerun = migration(second);
        List<PersonalDataMigration.Progress> progress = rerun.run(Integer.MAX_VALUE);
        assertTrue(rerun.done(), progress.toString());

        Map<String, Integer> writes = new HashMap<>(killing.successes);
        second.successes.forEach((k, v) -> writes.merge(k, v, Integer::sum));
        for (String no : numbers) {
            assertTrue(FieldCipher.isSealed(raw(no).get("personal")), no);
            assertEquals(no.equals(byDesk) ? 0 : 1, writes.getOrDefault(no, 0), no + " sealed by the migration");
        }
        assertEquals(2, second.attempts.get(raced), "the raced case: a refused write, then one after reading again");
        assertEquals(desk.version() + 1, app.cases().find(byDesk).orElseThrow().version());
        CaseRecord racedNow = app.cases().find(raced).orElseThrow();
        assertEquals(second.deskVersion, racedNow.version(), "the desk's change survives");
        assertEquals(before.personal(), app.cases().find(first).orElseThrow().personal());

        // every migrated case is in the people index under its beacons
        StoredCases stored = new StoredCases(app.personalData());
        PersonIndex people = new PersonIndex(dynamo);
        for (String no : List.of(first, numbers.get(150), raced)) {
            CaseRecord c = app.cases().find(no).orElseThrow();
            List<String> beacons = stored.beacons(c);
            if (!beacons.isEmpty())
                assertTrue(people.find(c.town(), beacons, 1000).contains(no), no);
        }
    }

    @Test
    void aRotatedKeySealsNewWritesAndTheJobReEncryptsOldOnes() {
        PersonalDataMigration migration = migration(new Counting(Integer.MAX_VALUE, null));
        migration.run(Integer.MAX_VALUE);
        assertEquals("k1", FieldCipher.versionOf(raw(numbers.get(0)).get("personal")));

        PersonalData pd = app.personalData();
        assertEquals("k2", pd.keys().rotate());
        // a new write uses k2; an old item (k1) still reads
        CaseRecord c = app.cases().find(numbers.get(0)).orElseThrow();
        DynamoCaseStore store = new DynamoCaseStore(dynamo, pd);
        store.update(c.toBuilder().version(c.version() + 1).build());
        assertEquals("k2", FieldCipher.versionOf(raw(numbers.get(0)).get("personal")));
        assertEquals("k1", FieldCipher.versionOf(raw(numbers.get(1)).get("personal")));
        assertTrue(store.find(numbers.get(1)).isPresent());
        assertFalse(migration(new Counting(Integer.MAX_VALUE, null)).done());

        migration(new Counting(Integer.MAX_VALUE, null)).run(Integer.MAX_VALUE);
        for (String no : numbers) assertEquals("k2", FieldCipher.versionOf(raw(no).get("personal")), no);
        assertEquals(c.personal(), store.find(numbers.get(0)).orElseThrow().personal());
    }

    @Test
    void onceVerifiedReadsRefusePlaintext() {
        PersonalDataMigration migration = migration(new Counting(Integer.MAX_VALUE, null));
        assertThrows(IllegalStateException.class, migration::verify, "not before the migration is done");
        migration.run(Integer.MAX_VALUE);
        assertTrue(migration.done());

        // a function of the previous deployment writes plaintext after the migration's pass
        CaseRecord late = app.cases().find(numbers.get(5)).orElseThrow();
        Map<String, AttributeValue> plain =
                CaseItems.toItem(late.toBuilder().version(late.version() + 1).build());
        dynamo.putItem(b -> b.tableName(Tables.physical(Tables.CASES)).item(plain));
        assertFalse(FieldCipher.isSealed(raw(late.trackingNo()).get("personal")));
        assertEquals(
                late.personal(),
                app.cases().find(late.trackingNo()).orElseThrow().personal(),
                "still read");

        assertEquals(1, migration.verify(), "the late write is sealed; plaintext still accepted");
        assertTrue(FieldCipher.isSealed(raw(late.trackingNo()).get("personal")));
        AppContext fresh = new AppContext(dynamo, clock);
        assertFalse(fresh.personalData().keys().plaintextRefused(Tables.CASES));
        assertEquals(0, migration.verify(), "a pass that finds nothing");
        assertFalse(
                fresh.personalData().keys().plaintextRefused(Tables.CASES), "a warm function learns it within minutes");
        clock.advance(DataKeys.CURRENT_TTL.plusSeconds(1));
        assertTrue(fresh.personalData().keys().plaintextRefused(migration.tables()));

        // from now on a plaintext value was written around banshi: refused, never returned
        dynamo.putItem(b -> b.tableName(Tables.physical(Tables.CASES)).item(plain));
        assertThrows(PersonalDataException.class, () -> fresh.cases().find(late.trackingNo()));
        CaseRecord sealed = fresh.cases().find(numbers.get(6)).orElseThrow();
        assertEquals(app.cases().find(numbers.get(6)).orElseThrow().personal(), sealed.personal(), "sealed items read");
    }

    @Test
    void oldRequestsAreSealedAndAnErasureMeanwhileIsNotUndone() {
        String no = numbers.get(0);
        String records = Tables.physical(Tables.RECORDS);
        // requests as banshi wrote them before their words and answers were sealed, and an item of another kind
        dynamo.putItem(
                b -> b.tableName(records).item(requestItem(no, "01", "我的电话号码应为13911112223", "已将电话更正为13911112223")));
        dynamo.putItem(b -> b.tableName(records).item(requestItem(no, "02", "请删除我的个人信息", "已删除")));
        Map<String, AttributeValue> activity = Map.of(
                "pk", AttributeValue.fromS("town#gaocheng#activity"),
                "sk", AttributeValue.fromS("2021#0001"),
                "text", AttributeValue.fromS("普法宣传进村"));
        dynamo.putItem(b -> b.tableName(records).item(activity));

        // the case's erasure removes request 02's words and answer between the migration's read and its write
        ExecutionInterceptor erasing = new ExecutionInterceptor() {
            boolean done;

            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (!done
                        && context.request() instanceof UpdateItemRequest update
                        && update.tableName().equals(records)
                        && update.key().get("sk").s().endsWith("#02")) {
                    done = true;
                    Map<String, AttributeValue> erased = new HashMap<>(requestItem(no, "02", null, null));
                    dynamo.putItem(b -> b.tableName(records).item(erased));
                }
            }
        };
        PersonalDataMigration migration = migration(erasing);
        migration.run(Integer.MAX_VALUE);
        assertTrue(migration.done());

        Map<String, AttributeValue> first = rawRecord("town#gaocheng#pdr", no + "#01");
        assertTrue(FieldCipher.isSealed(first.get("text")));
        assertTrue(FieldCipher.isSealed(first.get("answer")));
        Map<String, AttributeValue> second = rawRecord("town#gaocheng#pdr", no + "#02");
        assertFalse(second.containsKey("text"), "the erasure stands");
        assertFalse(second.containsKey("answer"), "the erasure stands");
        assertEquals(activity, rawRecord("town#gaocheng#activity", "2021#0001"), "other items are not touched");
        DataRequest read = app.dataRequests().ofCase("gaocheng", no).get(0);
        assertEquals("我的电话号码应为13911112223", read.text());
        assertEquals("已将电话更正为13911112223", read.answer());
    }

    @Test
    void anOlderRefusalMarkerRefusesOnlyTheTablesItCovered() {
        String no = numbers.get(0);
        String records = Tables.physical(Tables.RECORDS);
        dynamo.putItem(b -> b.tableName(records).item(requestItem(no, "01", "请更正我的姓名", "已更正")));
        // the marker as the job wrote it before the requests' answers were sealed: no list of tables
        dynamo.putItem(b -> b.tableName(records)
                .item(Map.of(
                        "pk", AttributeValue.fromS(DataKeys.PK),
                        "sk", AttributeValue.fromS(DataKeys.PLAINTEXT_REFUSED),
                        "at", AttributeValue.fromS(clock.instant().toString()))));
        AppContext fresh = new AppContext(dynamo, clock);
        DataKeys keys = fresh.personalData().keys();
        assertTrue(keys.plaintextRefused(Tables.CASES));
        assertFalse(keys.plaintextRefused(Tables.RECORDS));
        assertEquals(
                "请更正我的姓名", fresh.dataRequests().ofCase("gaocheng", no).get(0).text(), "still read");

        // the job's next run seals the cases and the requests, and its pass names every table
        PersonalDataMigration migration = migration(new Counting(Integer.MAX_VALUE, null));
        migration.run(Integer.MAX_VALUE);
        assertEquals(0, migration.verify());
        clock.advance(DataKeys.CURRENT_TTL.plusSeconds(1));
        assertTrue(keys.plaintextRefused(migration.tables()));
        assertEquals(
                "请更正我的姓名", fresh.dataRequests().ofCase("gaocheng", no).get(0).text());

        // from now on a plaintext request was written around banshi: refused
        dynamo.putItem(b -> b.tableName(records).item(requestItem(no, "02", "请删除我的个人信息", null)));
        assertThrows(PersonalDataException.class, () -> fresh.dataRequests().ofCase("gaocheng", no));
    }

    /** A personal-data request's item as {@code DataRequestStore} writes it, before sealing (text, answer may be null). */
    private static Map<String, AttributeValue> requestItem(String no, String seq, String text, String answer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("town#gaocheng#pdr"));
        item.put("sk", AttributeValue.fromS(no + "#" + seq));
        item.put("id", AttributeValue.fromS(no + "-" + seq));
        item.put("town", AttributeValue.fromS("gaocheng"));
        item.put("trackingNo", AttributeValue.fromS(no));
        item.put("kind", AttributeValue.fromS("correction"));
        if (text != null) item.put("text", AttributeValue.fromS(text));
        item.put("receivedAt", AttributeValue.fromS("2021-09-01T01:00:00Z"));
        item.put("receivedOn", AttributeValue.fromS("2021-09-01"));
        item.put("state", AttributeValue.fromS("done"));
        if (answer != null) item.put("answer", AttributeValue.fromS(answer));
        item.put("answeredAt", AttributeValue.fromS("2021-09-03T01:00:00Z"));
        item.put("answeredBy", AttributeValue.fromS("town-admin@gaocheng"));
        return item;
    }

    private Map<String, AttributeValue> rawRecord(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(Tables.physical(Tables.RECORDS))
                        .consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
                .item();
    }

    private PersonalDataMigration migration(ExecutionInterceptor counting) {
        DynamoDbClient client =
                LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(counting));
        PersonalData pd = new PersonalData(new DataKeys(client, PersonalData.wrapperFromEnvironment(), clock));
        return new PersonalDataMigration(client, pd, ProtectedTables.all(client, pd), clock);
    }

    private Map<String, AttributeValue> raw(String no) {
        return dynamo.getItem(b -> b.tableName(Tables.physical(Tables.CASES))
                        .consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS(no))))
                .item();
    }

    /**
     * Counts the migration's UpdateItems of cases (attempted and succeeded) by tracking number; fails the call after
     * {@code killAfter} of them (the process killed); before the first write of {@code race}, the desk changes that case.
     */
    private final class Counting implements ExecutionInterceptor {
        final int killAfter;
        final String race;
        final AtomicInteger puts = new AtomicInteger();
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();
        final Map<String, Integer> successes = new ConcurrentHashMap<>();
        long deskVersion;

        Counting(int killAfter, String race) {
            this.killAfter = killAfter;
            this.race = race;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof UpdateItemRequest update)
                    || !update.tableName().equals(Tables.physical(Tables.CASES))) return;
            if (puts.incrementAndGet() > killAfter) throw new IllegalStateException("killed");
            String no = update.key().get("pk").s();
            if (attempts.merge(no, 1, Integer::sum) == 1 && no.equals(race)) {
                // a function of the previous deployment, still running, changes the case: plaintext, next version
                CaseRecord c = app.cases().find(no).orElseThrow();
                deskVersion = c.version() + 1;
                dynamo.putItem(b -> b.tableName(Tables.physical(Tables.CASES))
                        .item(CaseItems.toItem(
                                c.toBuilder().version(deskVersion).build())));
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update
                    && update.tableName().equals(Tables.physical(Tables.CASES))) {
                successes.merge(update.key().get("pk").s(), 1, Integer::sum);
            }
        }
    }
}

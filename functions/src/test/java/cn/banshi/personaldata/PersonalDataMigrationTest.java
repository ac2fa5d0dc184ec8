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
        assertFalse(fresh.personalData().keys().plaintextRefused());
        assertEquals(0, migration.verify(), "a pass that finds nothing");
        assertFalse(fresh.personalData().keys().plaintextRefused(), "a warm function learns it within minutes");
        clock.advance(DataKeys.CURRENT_TTL.plusSeconds(1));
        assertTrue(fresh.personalData().keys().plaintextRefused());

        // from now on a plaintext value was written around banshi: refused, never returned
        dynamo.putItem(b -> b.tableName(Tables.physical(Tables.CASES)).item(plain));
        assertThrows(PersonalDataException.class, () -> fresh.cases().find(late.trackingNo()));
        CaseRecord sealed = fresh.cases().find(numbers.get(6)).orElseThrow();
        assertEquals(app.cases().find(numbers.get(6)).orElseThrow().personal(), sealed.personal(), "sealed items read");
    }

    private PersonalDataMigration migration(Counting counting) {
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

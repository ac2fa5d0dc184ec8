package cn.banshi.overdue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.AppContext;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.personaldata.DataKeys;
import cn.banshi.personaldata.FieldCipher;
import cn.banshi.personaldata.LocalKeyWrapper;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.PersonalDataException;
import cn.banshi.personaldata.migration.PersonalDataMigration;
import cn.banshi.personaldata.migration.ProtectedTables;
import cn.banshi.store.Tables;
import cn.banshi.upkeep.DailyUpkeepHandler;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 18: the overdue sweep's function holds no decrypt right. Built with a key that cannot unwrap banshi's data
 * keys (as the sweep's role in AWS, whose KMS Decrypt is refused), the sweep marks overdue cases, and every case it
 * rewrites keeps its sealed personal attribute byte for byte (a re-seal would draw a new IV); a migration or
 * re-encryption that came between its read and its write is never undone. The daily upkeep, which does open personal
 * data, fails with that key: the key really cannot open anything.
 */
class SweepWithoutKeyTest extends ApiTestSupport {
    private static final Set<String> TOWN = Set.of("gaocheng");

    @BeforeEach
    void setUp() {
        setUpApp("2021-07-01T09:00");
    }

    /** A context whose key-encryption key is not the one that wrapped the data keys. */
    private AppContext withoutKey() {
        return new AppContext(dynamo, clock)
                .usePersonalData(new PersonalData(new DataKeys(dynamo, LocalKeyWrapper.generated(), clock)));
    }

    private Map<String, AttributeValue> raw(String trackingNo) {
        return dynamo.getItem(b ->
                        b.tableName(Tables.physical(Tables.CASES)).key(Map.of("pk", AttributeValue.fromS(trackingNo))))
                .item();
    }

    private byte[] sealedPersonal(String trackingNo) {
        AttributeValue personal = raw(trackingNo).get("personal");
        assertTrue(FieldCipher.isSealed(personal), "stored sealed");
        return personal.b().asByteArray();
    }

    @Test
    void theSweepMarksOverdueCasesWithoutOpeningTheirPersonalData() {
        String due = submitOnline("complaints", complaint().put("type", "help"))
                .get("trackingNo")
                .asText(); // help: 3 working days, due Tue 6 July
        String later = submitOnline("complaints", complaint()).get("trackingNo").asText();
        byte[] before = sealedPersonal(due);
        String laterVersion = raw(later).get("version").n();

        AppContext noKey = withoutKey();
        assertThrows(PersonalDataException.class, () -> noKey.cases().find(due), "this key opens nothing");

        clock.set(Instant.parse("2021-07-08T01:00:00Z"));
        assertEquals(Map.of("gaocheng", 1), new OverdueSweepHandler(noKey, TOWN).handleRequest(Map.of(), null));

        assertArrayEquals(before, sealedPersonal(due), "the personal attribute written back as it was read");
        assertEquals(laterVersion, raw(later).get("version").n(), "a case not due is not written");
        CaseRecord marked = app.cases().find(due).orElseThrow();
        assertEquals(CaseAction.MARK_OVERDUE, marked.lastStep().action());
        assertNotNull(marked.details().supervision().overdueSince());
        assertEquals("王小明", marked.personal().submitter().name(), "still opens with the right key");
        assertEquals(
                1,
                json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", ADMIN, null, null))
                        .get("items")
                        .size());

        // the upkeep opens personal data (the digest's contacts, merges, retention): with this key it cannot
        assertThrows(
                RuntimeException.class, () -> new DailyUpkeepHandler(withoutKey(), TOWN).handleRequest(Map.of(), null));
    }

    @Test
    void aCaseReadUnopenedIsNotWrittenOverARe_sealThatCameBetween() {
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        CaseStore unopened = DynamoCaseStore.unopened(dynamo);
        CaseRecord read = unopened.find(no).orElseThrow();
        assertNull(read.personal(), "never opened");
        assertNotNull(read.sealedPersonal());
        Map<String, AttributeValue> stored = new HashMap<>(raw(no));
        stored.remove(DynamoCaseStore.IDEMPOTENCY_REF); // the store's own attribute of a creation
        assertEquals(stored, CaseItems.toItem(read), "the item as read, byte for byte");

        // a rotation and the re-encryption job (which keeps the version) come between the read and the write
        app.personalData().keys().rotate();
        new PersonalDataMigration(dynamo, app.personalData(), ProtectedTables.all(dynamo, app.personalData()), clock)
                .run(100);
        byte[] resealed = sealedPersonal(no);
        assertFalse(Arrays.equals(read.sealedPersonal().stored(), resealed));

        CaseRecord next = read.toBuilder().version(read.version() + 1).build();
        assertThrows(CaseStore.VersionConflictException.class, () -> unopened.update(next));
        assertArrayEquals(resealed, sealedPersonal(no), "the re-encryption stays");

        // read again, the same write goes through
        CaseRecord fresh = unopened.find(no).orElseThrow();
        unopened.update(fresh.toBuilder().version(fresh.version() + 1).build());
        assertArrayEquals(resealed, sealedPersonal(no));
        assertEquals(
                "王小明", app.cases().find(no).orElseThrow().personal().submitter().name());
        assertThrows(UnsupportedOperationException.class, () -> unopened.create(fresh, null), "it creates no case");
    }
}

package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.json.Json;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How the loaded years are stored (docs/deadlines.md): every load writes the one item the readers get with GetItem
 * and, as before, the year's own item; a table from before the one item is read from its per-year items until a load
 * or the sweep's migration writes the one item, which then holds every year.
 */
class LoadedYearsStorageTest {
    static final YearArrangement NOTICE_2027 = new YearArrangement(
            2027,
            "国办发明电〔2026〕7号",
            Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-08"), LocalDate.parse("2027-10-08")),
            Set.of(LocalDate.parse("2027-02-20")));
    static final YearArrangement NOTICE_2028 = new YearArrangement(
            2028, "国办发明电〔2027〕8号", Set.of(LocalDate.parse("2028-01-03")), Set.of(LocalDate.parse("2028-01-29")));

    DynamoDbClient dynamo;
    MutableClock clock;
    String table;

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.freshTables();
        clock = MutableClock.at("2026-12-02T10:00:00");
        table = Tables.physical(Tables.RECORDS);
    }

    /** What a fresh process (a new Lambda instance) reads. */
    WorkingDayCalendar read() {
        return new CalendarService(dynamo, clock).deadlines().calendar();
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                        .consistentRead(true))
                .item();
    }

    /** A year as the version before the one item stored it. */
    void storeAsBefore(YearArrangement a) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS("calendar"),
                        "sk", AttributeValue.fromS(Integer.toString(a.year())),
                        "arrangement", AttributeValue.fromS(Json.write(YearArrangementJson.write(a))))));
    }

    void deletePerYear(int year) {
        dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of(
                        "pk", AttributeValue.fromS("calendar"),
                        "sk", AttributeValue.fromS(Integer.toString(year)))));
    }

    Set<String> yearsInTheOneItem() {
        Set<String> years = new TreeSet<>(item("calendar#years", "all").keySet());
        years.removeAll(Set.of("pk", "sk", "format"));
        return years;
    }

    @Test
    void aLoadWritesTheOneItemAndTheYearsOwnItem() throws Exception {
        assertTrue(read().isProvisional(2027));
        new CalendarService(dynamo, clock).put(NOTICE_2027);

        assertEquals(Set.of("2027"), yearsInTheOneItem());
        assertEquals(
                NOTICE_2027,
                YearArrangementJson.read(Json.parse(
                                item("calendar", "2027").get("arrangement").s()))
                        .arrangement()
                        .orElseThrow());
        assertFalse(read().isProvisional(2027));
        assertEquals(NOTICE_2027, read().arrangement(2027).orElseThrow());
        // read from the one item: the per-year item is not needed any more
        deletePerYear(2027);
        assertEquals(NOTICE_2027, read().arrangement(2027).orElseThrow());
    }

    @Test
    void aTableFromBeforeIsReadFromItsPerYearItemsUntilTheSweepMigratesIt() {
        storeAsBefore(NOTICE_2027);
        storeAsBefore(NOTICE_2028);
        assertTrue(item("calendar#years", "all").isEmpty());
        assertEquals(NOTICE_2027, read().arrangement(2027).orElseThrow());
        assertEquals(NOTICE_2028, read().arrangement(2028).orElseThrow());

        new CalendarService(dynamo, clock).migrate();
        new CalendarService(dynamo, clock).migrate(); // idempotent
        assertEquals(Set.of("2027", "2028"), yearsInTheOneItem());
        deletePerYear(2027);
        deletePerYear(2028);
        assertEquals(NOTICE_2027, read().arrangement(2027).orElseThrow());
        assertEquals(NOTICE_2028, read().arrangement(2028).orElseThrow());
    }

    @Test
    void aLoadOnATableFromBeforeKeepsTheYearsLoadedEarlier() {
        storeAsBefore(NOTICE_2027);
        new CalendarService(dynamo, clock).put(NOTICE_2028);

        assertEquals(Set.of("2027", "2028"), yearsInTheOneItem());
        deletePerYear(2027);
        assertEquals(NOTICE_2027, read().arrangement(2027).orElseThrow());
        assertEquals(NOTICE_2028, read().arrangement(2028).orElseThrow());
    }

    @Test
    void aYearLoadedAgainReplacesItsNoticeAndTheMigrationDoesNotUndoIt() {
        CalendarService calendars = new CalendarService(dynamo, clock);
        calendars.put(NOTICE_2027);
        YearArrangement corrected = new YearArrangement(
                2027, "国办发明电〔2026〕7号（更正）", NOTICE_2027.daysOff(), Set.of(LocalDate.parse("2027-02-21")));
        calendars.put(corrected);
        calendars.migrate();

        assertEquals(corrected, read().arrangement(2027).orElseThrow());
        assertEquals(corrected, calendars.get(2027).orElseThrow());
    }

    @Test
    void theSweepsMigrationOfATableWithNoLoadedYearWritesAnEmptyOneItem() {
        new CalendarService(dynamo, clock).migrate();

        assertFalse(item("calendar#years", "all").isEmpty());
        assertEquals(Set.of(), yearsInTheOneItem());
        assertTrue(read().isProvisional(2027));
        assertFalse(read().isProvisional(2026));
    }
}

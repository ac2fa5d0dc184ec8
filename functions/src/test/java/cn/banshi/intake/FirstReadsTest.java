package cn.banshi.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.calendar.CalendarService;
import cn.banshi.calendar.StatutoryHolidays;
import cn.banshi.personaldata.DataKeys;
import cn.banshi.personaldata.KeyWrapper;
import cn.banshi.personaldata.LocalKeyWrapper;
import cn.banshi.testkit.CallLog;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A cold filing reads its data keys and the loaded calendar years in one BatchGetItem; a warm one reads none. */
class FirstReadsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final KeyWrapper wrapper = LocalKeyWrapper.generated();
    private final CallLog calls = new CallLog();
    private DynamoDbClient dynamo;
    private DynamoDbClient counted;
    private DataKeys keys;
    private CalendarService calendars;
    private FirstReads reads;

    @BeforeEach
    void keysAndALoadedYear() {
        dynamo = LocalDynamo.freshTables();
        counted = calls.client();
        DataKeys first = new DataKeys(dynamo, wrapper, clock);
        first.current();
        first.beaconKey();
        new CalendarService(dynamo, clock).put(StatutoryHolidays.provisional(2027));
        // a cold process's: nothing read yet
        keys = new DataKeys(counted, wrapper, clock);
        calendars = new CalendarService(counted, clock);
        reads = new FirstReads(counted, keys, calendars);
    }

    @Test
    void aColdFilingReadsItsKeysAndTheCalendarInOneRoundTripAndAWarmOneNone() {
        reads.read();
        DataKeys.Version current = keys.current();
        byte[] beacon = keys.beaconKey();
        var deadlines = calendars.deadlines();
        assertEquals(List.of("BatchGetItem"), calls.operations());

        DataKeys direct = new DataKeys(dynamo, wrapper, clock);
        assertEquals("k1", current.id());
        assertArrayEquals(direct.key("k1").getEncoded(), current.key().getEncoded());
        assertArrayEquals(direct.beaconKey(), beacon);
        CalendarService read = new CalendarService(dynamo, clock);
        assertEquals(read.get(2027), calendars.get(2027));
        for (LocalDate day = LocalDate.of(2026, 12, 1); day.isBefore(LocalDate.of(2027, 3, 1)); day = day.plusDays(1)) {
            assertEquals(
                    read.deadlines().calendar().isWorkingDay(day),
                    deadlines.calendar().isWorkingDay(day),
                    day.toString());
        }

        calls.clear();
        reads.read();
        assertEquals(List.of(), calls.operations());
    }

    @Test
    void aFilingAfterTheCalendarsCacheExpiredReadsOnlyTheCalendar() {
        reads.read();
        keys.current();
        keys.beaconKey();
        clock.advance(Duration.ofMinutes(6));
        calls.clear();
        reads.read();
        calendars.deadlines();
        assertEquals(List.of("BatchGetItem"), calls.operations());
    }
}

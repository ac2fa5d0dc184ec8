package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CAL = WorkingDayCalendar.bundled();

    @ParameterizedTest(name = "{0} working={1} ({2})")
    @CsvSource({
        "2021-09-29, true,  ordinary Wednesday",
        "2021-10-16, false, ordinary Saturday",
        "2021-10-17, false, ordinary Sunday",
        "2021-10-01, false, National Day (Friday)",
        "2021-10-04, false, National Day holiday on a Monday",
        "2021-10-07, false, last day of National Day holiday (Thursday)",
        "2021-10-08, true,  Friday after the holiday",
        "2021-10-09, true,  make-up Saturday",
        "2021-10-10, false, Sunday after the make-up Saturday",
        "2021-09-26, true,  make-up Sunday",
        "2021-02-07, true,  make-up Sunday before Spring Festival",
        "2021-02-11, false, Spring Festival eve (Thursday)",
        "2021-02-20, true,  make-up Saturday after Spring Festival",
        "2022-01-03, false, New Year holiday on a Monday",
        "2023-04-05, false, Qingming on a Wednesday",
        "2024-02-18, true,  make-up Sunday",
        "2024-06-10, false, Dragon Boat on a Monday",
        "2025-10-08, false, National Day holiday on a Wednesday",
        "2025-10-11, true,  make-up Saturday",
        "2026-02-23, false, last day of Spring Festival 2026 (Monday)",
        "2026-02-28, true,  make-up Saturday",
        "2020-02-01, false, the make-up day cancelled by the 2020 extension",
        "2020-02-03, true,  first working day after the extended 2020 Spring Festival",
    })
    void classifiesDates(LocalDate date, boolean working, String why) {
        assertEquals(working, CAL.isWorkingDay(date), why);
    }

    @Test
    void aMissingYearIsProvisionalNotRefused() {
        assertTrue(CAL.isProvisional(2027));
        assertFalse(CAL.isProvisional(2026));
        assertTrue(CAL.isWorkingDay(LocalDate.of(2027, 3, 1)), "an ordinary Monday");
        // 2027 Spring Festival: 除夕 Fri 5 Feb to 初三 Mon 8 Feb; 初一 and 初二 fall on the weekend: 补假 Tue 9, Wed 10
        for (int day = 5; day <= 10; day++) {
            assertFalse(CAL.isWorkingDay(LocalDate.of(2027, 2, day)), "2027-02-" + day);
        }
        assertTrue(CAL.isWorkingDay(LocalDate.of(2027, 2, 11)));
        assertTrue(CAL.isWorkingDay(LocalDate.of(2019, 12, 31)), "2019 is provisional too");
        assertThrows(IllegalArgumentException.class, () -> CAL.isWorkingDay(LocalDate.of(1999, 12, 31)));
    }

    @Test
    void withAddsOrReplacesAYear() {
        YearArrangement y2027 =
                new YearArrangement(2027, "测试通知", Set.of(LocalDate.of(2027, 1, 1)), Set.of(LocalDate.of(2027, 1, 9)));
        WorkingDayCalendar extended = CAL.with(y2027);
        assertTrue(extended.years().contains(2027));
        assertFalse(CAL.years().contains(2027), "original unchanged");
        assertFalse(extended.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertTrue(extended.isWorkingDay(LocalDate.of(2027, 1, 9)), "Saturday made a working day");
        assertTrue(extended.isWorkingDay(LocalDate.of(2027, 10, 1)), "nothing else is off");

        WorkingDayCalendar replaced = extended.with(new YearArrangement(2027, "更正", Set.of(), Set.of()));
        assertTrue(replaced.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertFalse(replaced.isWorkingDay(LocalDate.of(2027, 1, 9)));
        assertEquals(8, replaced.years().size());
    }

    @Test
    void refusesInvalidArrangements() {
        YearArrangement weekdayMakeUp = new YearArrangement(2027, "x", Set.of(), Set.of(LocalDate.of(2027, 1, 6)));
        assertThrows(IllegalArgumentException.class, () -> CAL.with(weekdayMakeUp));
        YearArrangement a = new YearArrangement(2027, "x", Set.of(), Set.of());
        assertThrows(IllegalArgumentException.class, () -> WorkingDayCalendar.of(List.of(a, a)));
    }

    @Test
    void chinaTodayIgnoresTheClocksZone() {
        // 2021-09-30T17:00Z is 2021-10-01 01:00 in Beijing
        Clock clock = Clock.fixed(Instant.parse("2021-09-30T17:00:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2021, 10, 1), ChinaTime.today(clock));
        assertEquals("Asia/Shanghai", ChinaTime.ZONE.getId());
    }
}

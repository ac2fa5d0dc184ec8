package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled data against the State Council notices, transcribed here independently as ranges.
 */
class BundledCalendarDataTest {

    private static final WorkingDayCalendar CAL = WorkingDayCalendar.bundled();

    @Test
    void bundledHoldsYears2020To2026AndIsCached() {
        assertEquals(Set.of(2020, 2021, 2022, 2023, 2024, 2025, 2026), CAL.years());
        assertSame(CAL, WorkingDayCalendar.bundled());
    }

    @ParameterizedTest(name = "{0}: {1} days off, {2} make-up days, {3}")
    @CsvSource({
        "2020, 30, 6, 国办发明电〔2019〕16号",
        "2021, 31, 7, 国办发明电〔2020〕27号",
        "2022, 31, 7, 国办发明电〔2021〕11号",
        "2023, 26, 7, 国办发明电〔2022〕16号",
        "2024, 28, 8, 国办发明电〔2023〕7号",
        "2025, 28, 5, 国办发明电〔2024〕12号",
        "2026, 33, 6, 国办发明电〔2025〕7号",
    })
    void eachYearIsCompleteAndValid(int year, int daysOff, int makeUp, String notice) {
        YearArrangement a = CAL.arrangement(year).orElseThrow();
        assertEquals(daysOff, a.daysOff().size());
        assertEquals(makeUp, a.makeUpWorkdays().size());
        assertTrue(a.notice().startsWith(notice), a.notice());
        assertEquals(List.of(), a.problems());
        for (LocalDate d : a.makeUpWorkdays()) {
            DayOfWeek dow = d.getDayOfWeek();
            assertTrue(dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, d + " is a " + dow);
        }
    }

    @Test
    void datesMatchTheNotices() {
        expect(
                2020,
                dates(
                        r(2020, 1, 1, 1, 1),
                        r(2020, 1, 24, 2, 2),
                        r(2020, 4, 4, 4, 6),
                        r(2020, 5, 1, 5, 5),
                        r(2020, 6, 25, 6, 27),
                        r(2020, 10, 1, 10, 8)),
                d(2020, 1, 19),
                d(2020, 4, 26),
                d(2020, 5, 9),
                d(2020, 6, 28),
                d(2020, 9, 27),
                d(2020, 10, 10));
        expect(
                2021,
                dates(
                        r(2021, 1, 1, 1, 3),
                        r(2021, 2, 11, 2, 17),
                        r(2021, 4, 3, 4, 5),
                        r(2021, 5, 1, 5, 5),
                        r(2021, 6, 12, 6, 14),
                        r(2021, 9, 19, 9, 21),
                        r(2021, 10, 1, 10, 7)),
                d(2021, 2, 7),
                d(2021, 2, 20),
                d(2021, 4, 25),
                d(2021, 5, 8),
                d(2021, 9, 18),
                d(2021, 9, 26),
                d(2021, 10, 9));
        expect(
                2022,
                dates(
                        r(2022, 1, 1, 1, 3),
                        r(2022, 1, 31, 2, 6),
                        r(2022, 4, 3, 4, 5),
                        r(2022, 4, 30, 5, 4),
                        r(2022, 6, 3, 6, 5),
                        r(2022, 9, 10, 9, 12),
                        r(2022, 10, 1, 10, 7)),
                d(2022, 1, 29),
                d(2022, 1, 30),
                d(2022, 4, 2),
                d(2022, 4, 24),
                d(2022, 5, 7),
                d(2022, 10, 8),
                d(2022, 10, 9));
        expect(
                2023,
                dates(
                        r(2023, 1, 1, 1, 2),
                        r(2023, 1, 21, 1, 27),
                        r(2023, 4, 5, 4, 5),
                        r(2023, 4, 29, 5, 3),
                        r(2023, 6, 22, 6, 24),
                        r(2023, 9, 29, 10, 6)),
                d(2023, 1, 28),
                d(2023, 1, 29),
                d(2023, 4, 23),
                d(2023, 5, 6),
                d(2023, 6, 25),
                d(2023, 10, 7),
                d(2023, 10, 8));
        expect(
                2024,
                dates(
                        r(2024, 1, 1, 1, 1),
                        r(2024, 2, 10, 2, 17),
                        r(2024, 4, 4, 4, 6),
                        r(2024, 5, 1, 5, 5),
                        r(2024, 6, 10, 6, 10),
                        r(2024, 9, 15, 9, 17),
                        r(2024, 10, 1, 10, 7)),
                d(2024, 2, 4),
                d(2024, 2, 18),
                d(2024, 4, 7),
                d(2024, 4, 28),
                d(2024, 5, 11),
                d(2024, 9, 14),
                d(2024, 9, 29),
                d(2024, 10, 12));
        expect(
                2025,
                dates(
                        r(2025, 1, 1, 1, 1),
                        r(2025, 1, 28, 2, 4),
                        r(2025, 4, 4, 4, 6),
                        r(2025, 5, 1, 5, 5),
                        r(2025, 5, 31, 6, 2),
                        r(2025, 10, 1, 10, 8)),
                d(2025, 1, 26),
                d(2025, 2, 8),
                d(2025, 4, 27),
                d(2025, 9, 28),
                d(2025, 10, 11));
        expect(
                2026,
                dates(
                        r(2026, 1, 1, 1, 3),
                        r(2026, 2, 15, 2, 23),
                        r(2026, 4, 4, 4, 6),
                        r(2026, 5, 1, 5, 5),
                        r(2026, 6, 19, 6, 21),
                        r(2026, 9, 25, 9, 27),
                        r(2026, 10, 1, 10, 7)),
                d(2026, 1, 4),
                d(2026, 2, 14),
                d(2026, 2, 28),
                d(2026, 5, 9),
                d(2026, 9, 20),
                d(2026, 10, 10));
    }

    private static void expect(int year, Set<LocalDate> daysOff, LocalDate... makeUp) {
        YearArrangement a = CAL.arrangement(year).orElseThrow();
        assertEquals(daysOff, a.daysOff(), "days off " + year);
        assertEquals(new TreeSet<>(List.of(makeUp)), a.makeUpWorkdays(), "make-up days " + year);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static List<LocalDate> r(int y, int m1, int d1, int m2, int d2) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate x = d(y, m1, d1); !x.isAfter(d(y, m2, d2)); x = x.plusDays(1)) {
            out.add(x);
        }
        return out;
    }

    @SafeVarargs
    private static Set<LocalDate> dates(List<LocalDate>... ranges) {
        Set<LocalDate> out = new TreeSet<>();
        for (List<LocalDate> range : ranges) {
            out.addAll(range);
        }
        return out;
    }
}

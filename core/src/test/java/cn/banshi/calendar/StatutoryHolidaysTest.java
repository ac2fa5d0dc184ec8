package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.StatutoryHolidays.Festival;
import cn.banshi.calendar.StatutoryHolidays.Holiday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provisional rule against the law's text and against every official year the product ships. */
class StatutoryHolidaysTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Holiday holiday(int year, Festival festival) {
        return StatutoryHolidays.of(year).stream()
                .filter(h -> h.festival() == festival)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void spring2027IsTheOfficialSixthOfFebruaryNotIcusSeventh() {
        Holiday spring = holiday(2027, Festival.SPRING_FESTIVAL);
        assertEquals(
                List.of(d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08")),
                spring.days(),
                "除夕 and 正月初一至初三 under the 2025 rules");
        assertEquals(List.of(d("2027-02-09"), d("2027-02-10")), spring.inLieu(), "初一 and 初二 fall on the weekend: 补假");
    }

    @Test
    void labourDay2027FallsOnAWeekendAndIsMadeUpOnMondayAndTuesday() {
        Holiday labour = holiday(2027, Festival.LABOUR_DAY);
        assertEquals(List.of(d("2027-05-01"), d("2027-05-02")), labour.days());
        assertEquals(List.of(d("2027-05-03"), d("2027-05-04")), labour.inLieu());
    }

    @Test
    void lunarAndSolarTermDatesOf2027() {
        assertEquals(List.of(d("2027-04-05")), holiday(2027, Festival.QINGMING).days());
        assertEquals(
                List.of(d("2027-06-09")), holiday(2027, Festival.DRAGON_BOAT).days());
        assertEquals(
                List.of(d("2027-09-15")), holiday(2027, Festival.MID_AUTUMN).days());
        assertEquals(List.of(d("2027-01-01")), holiday(2027, Festival.NEW_YEAR).days());
        assertEquals(
                List.of(d("2027-10-01"), d("2027-10-02"), d("2027-10-03")),
                holiday(2027, Festival.NATIONAL_DAY).days());
        assertEquals(
                List.of(d("2027-10-04"), d("2027-10-05")),
                holiday(2027, Festival.NATIONAL_DAY).inLieu(),
                "Sat 2 and Sun 3 October");
    }

    @Test
    void theLawInForceThatYearIsUsed() {
        assertEquals(3, holiday(2024, Festival.SPRING_FESTIVAL).days().size(), "before 2025: 初一至初三");
        assertEquals(
                d("2024-02-10"), holiday(2024, Festival.SPRING_FESTIVAL).days().get(0));
        assertEquals(1, holiday(2024, Festival.LABOUR_DAY).days().size());
        assertEquals(
                d("2030-02-02"), holiday(2030, Festival.SPRING_FESTIVAL).days().get(0), "除夕 2030 (初一 3 Feb)");
        assertEquals(
                d("2012-01-22"), holiday(2012, Festival.SPRING_FESTIVAL).days().get(0), "2008–2013: 除夕、初一、初二");
        assertEquals(3, holiday(2005, Festival.LABOUR_DAY).days().size(), "1999 rules: three days in May");
        assertTrue(StatutoryHolidays.of(2005).stream().noneMatch(h -> h.festival() == Festival.QINGMING));
    }

    /**
     * For every bundled official year: each statutory day the rule names is a day off in the official arrangement (the
     * State Council only adds to them), and every official day off the rule does not predict lies in a holiday period
     * (a run of days off, weekends included) that holds a statutory day: a bridge day. A wrong lunar or solar-term
     * date breaks the first half; the make-up working days are the other difference, which no rule predicts.
     */
    @ParameterizedTest
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026})
    void theRuleAgreesWithEveryOfficialYear(int year) {
        YearArrangement official =
                WorkingDayCalendar.bundled().arrangement(year).orElseThrow();
        Set<LocalDate> statutory = new HashSet<>();
        StatutoryHolidays.of(year).forEach(h -> statutory.addAll(h.days()));
        for (LocalDate day : statutory) {
            assertTrue(official.isDayOff(day), year + ": statutory day " + day + " is off officially");
        }
        YearArrangement provisional = StatutoryHolidays.provisional(year);
        List<LocalDate> unexplained = new ArrayList<>();
        for (LocalDate day : official.daysOff()) {
            if (provisional.isDayOff(day) || isWeekend(day)) continue;
            if (!inPeriodWithStatutoryDay(day, official, statutory)) unexplained.add(day);
        }
        assertEquals(List.of(), unexplained, year + ": official days off that are neither predicted nor bridge days");
        for (LocalDate day : provisional.daysOff()) {
            if (!official.isDayOff(day) && !isWeekend(day)) {
                assertTrue(
                        inPeriodWithStatutoryDay(day.minusDays(1), official, statutory)
                                || official.makeUpWorkdays().stream()
                                        .anyMatch(m -> Math.abs(m.toEpochDay() - day.toEpochDay()) < 14),
                        year + ": predicted 补假 " + day + " is not near the official holiday");
            }
        }
    }

    @Test
    void provisionalYearsCarryNoMakeUpWorkdays() {
        IntStream.rangeClosed(2027, 2030)
                .forEach(y ->
                        assertEquals(Set.of(), StatutoryHolidays.provisional(y).makeUpWorkdays()));
        assertEquals(List.of(), StatutoryHolidays.provisional(2027).problems());
    }

    private static boolean inPeriodWithStatutoryDay(LocalDate day, YearArrangement official, Set<LocalDate> statutory) {
        for (int direction : new int[] {-1, 1}) {
            for (LocalDate d = day; isOff(d, official); d = d.plusDays(direction)) {
                if (statutory.contains(d)) return true;
            }
        }
        return false;
    }

    private static boolean isOff(LocalDate d, YearArrangement official) {
        return official.isDayOff(d) || (isWeekend(d) && !official.isMakeUpWorkday(d));
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

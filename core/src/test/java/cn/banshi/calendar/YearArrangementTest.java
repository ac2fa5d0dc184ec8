package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YearArrangementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static List<String> fields(List<CalendarProblem> problems) {
        return problems.stream().map(CalendarProblem::field).toList();
    }

    @Test
    void validArrangementHasNoProblems() {
        YearArrangement a = new YearArrangement(
                2021, "国办发明电〔2020〕27号", Set.of(LocalDate.of(2021, 10, 1)), Set.of(LocalDate.of(2021, 10, 9)));
        assertEquals(List.of(), a.problems());
    }

    @Test
    void dateOutsideTheYear() {
        // sorted daysOff: [2021-10-01, 2022-01-01]
        YearArrangement a =
                new YearArrangement(2021, "n", Set.of(LocalDate.of(2021, 10, 1), LocalDate.of(2022, 1, 1)), Set.of());
        assertEquals(List.of("daysOff[1]"), fields(a.problems()));
        CalendarProblem p = a.problems().get(0);
        assertTrue(p.messageEn().contains("2022-01-01"), p.messageEn());
        assertFalse(p.messageZh().isBlank());
    }

    @Test
    void dayBothOffAndOn() {
        LocalDate sat = LocalDate.of(2021, 10, 9);
        YearArrangement a = new YearArrangement(2021, "n", Set.of(sat), Set.of(sat));
        assertEquals(List.of("makeUpWorkdays[0]"), fields(a.problems()));
    }

    @Test
    void weekdayMakeUpDay() {
        // Fri 2021-10-08
        YearArrangement a = new YearArrangement(2021, "n", Set.of(), Set.of(LocalDate.of(2021, 10, 8)));
        assertEquals(List.of("makeUpWorkdays[0]"), fields(a.problems()));
    }

    @Test
    void yearOutOfRangeAndMissingNotice() {
        YearArrangement a = new YearArrangement(1999, " ", Set.of(), Set.of());
        assertEquals(List.of("year", "notice"), fields(a.problems()));
    }

    @Test
    void fromJsonParsesTheBundledShape() throws Exception {
        YearArrangement.Parsed parsed = YearArrangementJson.read(
                json("{'year':2021,'notice':'国办发明电〔2020〕27号','daysOff':['2021-10-02','2021-10-01'],"
                        + "'makeUpWorkdays':['2021-10-09']}"));
        assertTrue(parsed.ok(), parsed.problems().toString());
        YearArrangement a = parsed.arrangement().orElseThrow();
        assertEquals(2021, a.year());
        assertEquals(Set.of(LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 2)), a.daysOff());
        // round trip through toJson
        assertEquals(
                a,
                YearArrangementJson.read(YearArrangementJson.write(a))
                        .arrangement()
                        .orElseThrow());
    }

    @Test
    void fromJsonReportsMalformedDatesInsteadOfThrowing() throws Exception {
        YearArrangement.Parsed parsed = YearArrangementJson.read(
                json("{'year':2021,'notice':'n','daysOff':['2021-10-01','2021-02-30','2021/10/03',5,'2022-01-01'],"
                        + "'makeUpWorkdays':['2021-10-01','2021-10-08','2021-10-09','2021-10-09']}"));
        assertFalse(parsed.ok());
        assertTrue(parsed.arrangement().isEmpty());
        assertEquals(
                List.of(
                        "daysOff[1]", // 2021-02-30 does not exist
                        "daysOff[2]", // wrong format
                        "daysOff[3]", // not a string
                        "daysOff[4]", // outside 2021
                        "makeUpWorkdays[0]", // also a day off ...
                        "makeUpWorkdays[0]", // ... and a Friday
                        "makeUpWorkdays[1]", // Friday
                        "makeUpWorkdays[3]"), // listed twice
                fields(parsed.problems()));
    }

    @Test
    void fromJsonReportsMissingFields() throws Exception {
        assertEquals(
                List.of("year", "daysOff", "makeUpWorkdays", "notice"),
                fields(YearArrangementJson.read(json("{'year':'2021'}")).problems()));
        assertEquals(List.of(""), fields(YearArrangementJson.read(json("[]")).problems()));
        assertEquals(List.of(""), fields(YearArrangementJson.read(null).problems()));
        assertTrue(YearArrangementJson.read(json("{'year':2030,'notice':'n','daysOff':[],'makeUpWorkdays':[]}"))
                .ok());
    }
}

package cn.banshi.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON form of a {@link YearArrangement} (the bundled resource, the stored item and the admin
 * {@code PUT /api/v1/admin/calendar/{year}} body), described on that record.
 */
public final class YearArrangementJson {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private YearArrangementJson() {}

    /** The JSON form described on {@link YearArrangement}, dates in ascending order. */
    public static ObjectNode write(YearArrangement a) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("year", a.year());
        node.put("notice", a.notice());
        ArrayNode off = node.putArray("daysOff");
        a.daysOff().forEach(d -> off.add(d.toString()));
        ArrayNode make = node.putArray("makeUpWorkdays");
        a.makeUpWorkdays().forEach(d -> make.add(d.toString()));
        return node;
    }

    /**
     * Parses and validates the JSON form. Never throws for bad input: a missing or malformed field,
     * a string that is not an ISO date ({@code yyyy-MM-dd}), a duplicate date, and everything
     * {@link YearArrangement#problems()} checks are all reported as {@link CalendarProblem}s.
     */
    public static YearArrangement.Parsed read(JsonNode node) {
        List<CalendarProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problems.add(new CalendarProblem("", "应为 JSON 对象", "must be a JSON object"));
            return new YearArrangement.Parsed(Optional.empty(), problems);
        }
        JsonNode yearNode = node.get("year");
        int year = 0;
        boolean yearOk = yearNode != null && yearNode.isIntegralNumber() && yearNode.canConvertToInt();
        if (yearOk) {
            year = yearNode.intValue();
        } else {
            problems.add(new CalendarProblem("year", "缺少年份或年份不是整数", "year is missing or not an integer"));
        }
        JsonNode noticeNode = node.get("notice");
        String notice = noticeNode != null && noticeNode.isTextual() ? noticeNode.textValue() : "";
        List<LocalDate> off = dates(node, "daysOff", problems);
        List<LocalDate> make = dates(node, "makeUpWorkdays", problems);
        if (yearOk) {
            YearArrangement.check(year, notice, off, make, problems);
        } else if (notice.isBlank()) {
            problems.add(YearArrangement.noticeMissing());
        }
        if (!problems.isEmpty()) {
            return new YearArrangement.Parsed(Optional.empty(), problems);
        }
        return new YearArrangement.Parsed(
                Optional.of(new YearArrangement(year, notice, new HashSet<>(off), new HashSet<>(make))), problems);
    }

    /** Parsed dates in JSON order; {@code null} where an element is malformed (already reported). */
    private static List<LocalDate> dates(JsonNode node, String name, List<CalendarProblem> problems) {
        List<LocalDate> dates = new ArrayList<>();
        JsonNode array = node.get(name);
        if (array == null || !array.isArray()) {
            problems.add(new CalendarProblem(
                    name, "缺少日期数组（没有日期时请写 []）", "missing or not an array of dates (use [] for none)"));
            return dates;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            LocalDate date = null;
            if (element.isTextual() && ISO_DATE.matcher(element.textValue()).matches()) {
                try {
                    date = LocalDate.parse(element.textValue());
                } catch (DateTimeParseException e) {
                    date = null;
                }
            }
            if (date == null) {
                problems.add(new CalendarProblem(
                        name + "[" + i + "]",
                        "日期格式错误，应为 yyyy-MM-dd 的有效日期：" + element,
                        "not a valid yyyy-MM-dd date: " + element));
            }
            dates.add(date);
        }
        return dates;
    }
}

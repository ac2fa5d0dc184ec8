package cn.banshi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's holiday arrangement as published by the State Council (国务院办公厅关于某年部分节假日安排的通知).
 *
 * <p>{@code daysOff} lists every individual date of every holiday period, weekends inside the period
 * included; {@code makeUpWorkdays} lists the weekend days declared working days (调休上班). The sets
 * are copied into unmodifiable, date-ordered sets. Construction does not validate; call
 * {@link #problems()} (the calendar refuses an arrangement that has any).
 *
 * <p>JSON form, read and written by {@link YearArrangementJson} (the bundled resource and the admin {@code PUT /api/v1/admin/calendar/{year}} body):
 * <pre>{"year":2021,"notice":"国办发明电〔2020〕27号","daysOff":["2021-01-01",...],"makeUpWorkdays":["2021-02-07",...]}</pre>
 */
public record YearArrangement(int year, String notice, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkdays) {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    public YearArrangement {
        notice = notice == null ? "" : notice;
        daysOff = sorted(daysOff, "daysOff");
        makeUpWorkdays = sorted(makeUpWorkdays, "makeUpWorkdays");
    }

    private static Set<LocalDate> sorted(Collection<LocalDate> dates, String name) {
        Objects.requireNonNull(dates, name);
        return Collections.unmodifiableSortedSet(new TreeSet<>(dates));
    }

    /**
     * What is wrong with this arrangement; empty when it is usable. Checks: year in
     * {@value #MIN_YEAR}..{@value #MAX_YEAR}; a notice is cited; every date lies in {@code year}; no date
     * is both a day off and a make-up working day; every make-up working day is a Saturday or Sunday.
     * Indexes in {@link CalendarProblem#field()} refer to the date-ordered sets.
     */
    public List<CalendarProblem> problems() {
        List<CalendarProblem> problems = new ArrayList<>();
        check(year, notice, new ArrayList<>(daysOff), new ArrayList<>(makeUpWorkdays), problems);
        return List.copyOf(problems);
    }

    /** Whether {@code date} is listed as a day off. */
    public boolean isDayOff(LocalDate date) {
        return daysOff.contains(date);
    }

    /** Whether {@code date} is listed as a make-up working day. */
    public boolean isMakeUpWorkday(LocalDate date) {
        return makeUpWorkdays.contains(date);
    }

    /**
     * The result of {@link YearArrangementJson#read}: an arrangement only when there are no problems.
     *
     * @param arrangement the parsed arrangement, present if and only if {@code problems} is empty
     * @param problems    everything wrong with the input, field indexes referring to the JSON arrays
     */
    public record Parsed(Optional<YearArrangement> arrangement, List<CalendarProblem> problems) {

        public Parsed {
            Objects.requireNonNull(arrangement, "arrangement");
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    static CalendarProblem noticeMissing() {
        return new CalendarProblem("notice", "请填写国务院办公厅通知文号", "cite the State Council notice");
    }

    /** Shared checks; {@code null} list elements are skipped (reported by the parser). */
    static void check(
            int year, String notice, List<LocalDate> off, List<LocalDate> make, List<CalendarProblem> problems) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            problems.add(new CalendarProblem(
                    "year",
                    "年份应在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间：" + year,
                    "year must be between " + MIN_YEAR + " and " + MAX_YEAR + ": " + year));
        }
        if (notice == null || notice.isBlank()) {
            problems.add(noticeMissing());
        }
        Set<LocalDate> offSet = new HashSet<>();
        for (int i = 0; i < off.size(); i++) {
            LocalDate d = off.get(i);
            if (d == null) {
                continue;
            }
            String field = "daysOff[" + i + "]";
            checkYear(year, d, field, problems);
            if (!offSet.add(d)) {
                problems.add(duplicate(field, d));
            }
        }
        Set<LocalDate> makeSet = new HashSet<>();
        for (int i = 0; i < make.size(); i++) {
            LocalDate d = make.get(i);
            if (d == null) {
                continue;
            }
            String field = "makeUpWorkdays[" + i + "]";
            checkYear(year, d, field, problems);
            if (!makeSet.add(d)) {
                problems.add(duplicate(field, d));
            }
            if (offSet.contains(d)) {
                problems.add(new CalendarProblem(
                        field, d + " 同时被列为放假日和调休上班日", d + " is listed both as a day off and as a make-up working day"));
            }
            DayOfWeek dow = d.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                problems.add(new CalendarProblem(
                        field,
                        d + " 不是周六或周日，不能作为调休上班日",
                        d + " is a " + dow
                                + ", not a Saturday or Sunday; only weekend days can be make-up working days"));
            }
        }
    }

    private static void checkYear(int year, LocalDate d, String field, List<CalendarProblem> problems) {
        if (d.getYear() != year) {
            problems.add(new CalendarProblem(field, d + " 不在 " + year + " 年内", d + " is not in " + year));
        }
    }

    private static CalendarProblem duplicate(String field, LocalDate d) {
        return new CalendarProblem(field, d + " 重复列出", d + " is listed twice");
    }
}

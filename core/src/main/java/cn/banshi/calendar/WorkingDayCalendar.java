package cn.banshi.calendar;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * China's working days (工作日): Monday to Friday except the State Council's days off, plus its
 * make-up working days (调休上班). Immutable and thread-safe.
 *
 * <p>A year with no loaded arrangement is <em>provisional</em>: it is counted with
 * {@link StatutoryHolidays#provisional(int)} (weekends, the statutory holidays of the law in force that year and their
 * 补假 days), so deadlines never stop at a year boundary. Deadlines whose count passes through a provisional year
 * say so ({@link Deadlines#firstProvisionalYear}); loading the year's notice recomputes them. Years outside
 * {@link YearArrangement#MIN_YEAR}..{@link YearArrangement#MAX_YEAR} throw {@link IllegalArgumentException}.
 */
public final class WorkingDayCalendar {

    /** Classpath location of the bundled arrangements (a JSON array of {@link YearArrangement} objects). */
    public static final String RESOURCE = "/cn/banshi/calendar/china-working-days.json";

    private final Map<Integer, YearArrangement> years;

    private WorkingDayCalendar(Map<Integer, YearArrangement> years) {
        this.years = Collections.unmodifiableMap(years);
    }

    /**
     * A calendar holding {@code arrangements}.
     *
     * @throws IllegalArgumentException if two arrangements are for the same year or any has
     *                                  {@link YearArrangement#problems()}
     */
    public static WorkingDayCalendar of(Collection<YearArrangement> arrangements) {
        Map<Integer, YearArrangement> map = new TreeMap<>();
        for (YearArrangement a : arrangements) {
            requireValid(a);
            if (map.put(a.year(), a) != null) {
                throw new IllegalArgumentException("Two arrangements for year " + a.year());
            }
        }
        return new WorkingDayCalendar(map);
    }

    /** The arrangements shipped with the product (loaded once from {@link #RESOURCE}). */
    public static WorkingDayCalendar bundled() {
        return Bundled.CALENDAR;
    }

    private static final class Bundled {
        static final WorkingDayCalendar CALENDAR = load();

        private static WorkingDayCalendar load() {
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + RESOURCE);
                }
                JsonNode root = Json.parse(in);
                if (root == null || !root.isArray()) {
                    throw new IllegalStateException(RESOURCE + " must hold a JSON array");
                }
                List<YearArrangement> list = new ArrayList<>();
                for (JsonNode node : root) {
                    YearArrangement.Parsed parsed = YearArrangementJson.read(node);
                    list.add(parsed.arrangement()
                            .orElseThrow(() -> new IllegalStateException(RESOURCE + ": invalid arrangement "
                                    + node.path("year") + ": " + parsed.problems())));
                }
                return of(list);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * A new calendar with {@code arrangement} added, or replacing the one for the same year.
     *
     * @throws IllegalArgumentException if the arrangement has {@link YearArrangement#problems()}
     */
    public WorkingDayCalendar with(YearArrangement arrangement) {
        requireValid(arrangement);
        Map<Integer, YearArrangement> map = new TreeMap<>(years);
        map.put(arrangement.year(), arrangement);
        return new WorkingDayCalendar(map);
    }

    private static void requireValid(YearArrangement a) {
        Objects.requireNonNull(a, "arrangement");
        List<CalendarProblem> problems = a.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid arrangement for " + a.year() + ": " + problems);
        }
    }

    /** The years this calendar can answer for, ascending. */
    public Set<Integer> years() {
        return Collections.unmodifiableSet(new TreeSet<>(years.keySet()));
    }

    /** The arrangement for {@code year}, if loaded. */
    public Optional<YearArrangement> arrangement(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** The arrangement counted for {@code year}: the loaded one, else the provisional one. */
    public YearArrangement inForce(int year) {
        YearArrangement a = years.get(year);
        return a != null ? a : StatutoryHolidays.provisional(year);
    }

    /** Whether {@code year} is counted provisionally (no notice loaded for it). */
    public boolean isProvisional(int year) {
        return !years.containsKey(year);
    }

    /**
     * Whether {@code date} is a working day, provisionally for a year with no loaded arrangement.
     *
     * @throws IllegalArgumentException for a year outside the supported range
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        YearArrangement a = inForce(date.getYear());
        if (a.isMakeUpWorkday(date)) {
            return true;
        }
        if (a.isDayOff(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingDayCalendar other && years.equals(other.years);
    }

    @Override
    public int hashCode() {
        return years.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years.keySet();
    }
}

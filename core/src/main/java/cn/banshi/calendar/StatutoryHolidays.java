package cn.banshi.calendar;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statutory holidays (全体公民放假的节日) of 《全国年节及纪念日放假办法》 in the version in force for a year, and the
 * provisional arrangement derived from them for a year whose State Council notice is not loaded yet.
 *
 * <p>Versions: 国务院令第270号 (1999, until 2007): 元旦 1, 春节 3 (正月初一至初三), 劳动节 3, 国庆节 3; 国务院令第513号 (in
 * force 2008): 春节 3 (除夕、初一、初二), 清明节, 劳动节 1, 端午节, 中秋节 added; 国务院令第644号 (in force 2014): 春节 3
 * (初一至初三); 国务院令第795号 (in force 2025-01-01): 春节 4 (除夕、初一至初三), 劳动节 2 (1–2 May).
 *
 * <p>Art. 6 of the rules: a holiday that falls on a Saturday or Sunday is made up on working days (补假); the provisional
 * arrangement gives the first weekdays after the holiday's block off, one per weekend day inside it. No make-up
 * working days (调休上班) and no bridge days are guessed: only the notice says those, and loading it recomputes every
 * deadline that relied on the guess.
 *
 * <p>Lunar dates and the 清明 solar term come from {@code cn.6tail:lunar}, whose dates match the official ones (ICU4J
 * 78.1's Chinese calendar puts 正月初一 2027 on 7 February; the official day is 6 February).
 */
public final class StatutoryHolidays {

    /** The festivals that are days off for all citizens. */
    public enum Festival {
        NEW_YEAR("元旦"),
        SPRING_FESTIVAL("春节"),
        QINGMING("清明节"),
        LABOUR_DAY("劳动节"),
        DRAGON_BOAT("端午节"),
        MID_AUTUMN("中秋节"),
        NATIONAL_DAY("国庆节");

        private final String nameZh;

        Festival(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    /**
     * One festival of a year.
     *
     * @param festival the festival
     * @param days     its statutory days, in order
     * @param inLieu   the weekdays given off because statutory days fell on a weekend (补假), in order
     */
    public record Holiday(Festival festival, List<LocalDate> days, List<LocalDate> inLieu) {
        public Holiday {
            days = List.copyOf(days);
            inLieu = List.copyOf(inLieu);
        }
    }

    /** The notice text of a provisional arrangement. */
    public static final String PROVISIONAL_NOTICE = "暂定：依《全国年节及纪念日放假办法》推算，待国务院办公厅节假日安排通知公布后更新";

    private static final Map<Integer, List<Holiday>> CACHE = new ConcurrentHashMap<>();
    private static final Map<Integer, YearArrangement> PROVISIONAL = new ConcurrentHashMap<>();

    private StatutoryHolidays() {}

    /**
     * The statutory holidays of {@code year} under the rules in force that year, with their 补假 days, in date order.
     *
     * @throws IllegalArgumentException outside {@link YearArrangement#MIN_YEAR}..{@link YearArrangement#MAX_YEAR}
     */
    public static List<Holiday> of(int year) {
        requireSupported(year);
        return CACHE.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    /** The provisional arrangement of {@code year}: statutory days and 补假 days off, no make-up working days. */
    public static YearArrangement provisional(int year) {
        requireSupported(year);
        return PROVISIONAL.computeIfAbsent(year, y -> {
            Set<LocalDate> off = new HashSet<>();
            for (Holiday h : of(y)) {
                off.addAll(h.days());
                off.addAll(h.inLieu());
            }
            return new YearArrangement(y, PROVISIONAL_NOTICE, off, Set.of());
        });
    }

    static void requireSupported(int year) {
        if (year < YearArrangement.MIN_YEAR || year > YearArrangement.MAX_YEAR) {
            throw new IllegalArgumentException("no working-day rules for year " + year + " (supported "
                    + YearArrangement.MIN_YEAR + "–" + YearArrangement.MAX_YEAR + ")");
        }
    }

    private static List<Holiday> compute(int year) {
        LocalDate newYear = LocalDate.ofYearDay(year, 1);
        LocalDate firstMonthFirstDay = solar(Lunar.fromYmd(year, 1, 1).getSolar());
        List<List<LocalDate>> blocks = new ArrayList<>();
        List<Festival> festivals = new ArrayList<>();
        add(festivals, blocks, Festival.NEW_YEAR, range(newYear, 1));
        if (year >= 2025) {
            add(festivals, blocks, Festival.SPRING_FESTIVAL, range(firstMonthFirstDay.minusDays(1), 4));
        } else if (year >= 2014 || year < 2008) {
            add(festivals, blocks, Festival.SPRING_FESTIVAL, range(firstMonthFirstDay, 3));
        } else {
            add(festivals, blocks, Festival.SPRING_FESTIVAL, range(firstMonthFirstDay.minusDays(1), 3));
        }
        if (year >= 2008) {
            Solar qingming =
                    Solar.fromYmd(year, 4, 10).getLunar().getJieQiTable().get("清明");
            add(festivals, blocks, Festival.QINGMING, range(solar(qingming), 1));
        }
        int labourDays = year >= 2025 ? 2 : year >= 2008 ? 1 : 3;
        add(festivals, blocks, Festival.LABOUR_DAY, range(MonthDay.of(5, 1).atYear(year), labourDays));
        if (year >= 2008) {
            add(
                    festivals,
                    blocks,
                    Festival.DRAGON_BOAT,
                    range(solar(Lunar.fromYmd(year, 5, 5).getSolar()), 1));
            add(
                    festivals,
                    blocks,
                    Festival.MID_AUTUMN,
                    range(solar(Lunar.fromYmd(year, 8, 15).getSolar()), 1));
        }
        add(festivals, blocks, Festival.NATIONAL_DAY, range(MonthDay.of(10, 1).atYear(year), 3));

        Set<LocalDate> statutory = new HashSet<>();
        blocks.forEach(statutory::addAll);
        Set<LocalDate> taken = new HashSet<>(statutory);
        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            List<LocalDate> days = blocks.get(i);
            long weekendDays =
                    days.stream().filter(StatutoryHolidays::isWeekend).count();
            List<LocalDate> inLieu = new ArrayList<>();
            LocalDate d = days.get(days.size() - 1);
            while (inLieu.size() < weekendDays) {
                d = d.plusDays(1);
                if (!isWeekend(d) && taken.add(d)) inLieu.add(d);
            }
            holidays.add(new Holiday(festivals.get(i), days, inLieu));
        }
        holidays.sort((a, b) -> a.days().get(0).compareTo(b.days().get(0)));
        return List.copyOf(holidays);
    }

    private static void add(List<Festival> festivals, List<List<LocalDate>> blocks, Festival f, List<LocalDate> days) {
        festivals.add(f);
        blocks.add(days);
    }

    private static List<LocalDate> range(LocalDate first, int days) {
        List<LocalDate> list = new ArrayList<>(days);
        for (int i = 0; i < days; i++) list.add(first.plusDays(i));
        return list;
    }

    private static LocalDate solar(Solar s) {
        return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

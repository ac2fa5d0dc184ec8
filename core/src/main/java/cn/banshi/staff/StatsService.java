package cn.banshi.staff;

import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseFacts;
import cn.banshi.cases.CaseStatuses;
import cn.banshi.cases.CaseStore;
import cn.banshi.workflow.Merging;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /admin/stats?year=Y}: the year's cases (received in the year, Beijing time) counted by type,
 * status, category, village and month; on-time rate of finished cases; mediation success rate
 * (agreement reached / mediated); average satisfaction; and the cases overdue now (town-wide).
 * Read through the received-date indexes, one page at a time. A case merged as a duplicate into another (outcome
 * {@code duplicate}) is in no figure but {@code mergedDuplicates}: the group counts once, as its original, as in the
 * annual reports (docs/duplicates.md).
 */
public final class StatsService {
    private final CaseStore cases;
    private final Clock clock;

    public StatsService(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public YearStats stats(Staff staff, int year) {
        Tally t = new Tally();
        cases.forEachFacts(staff.town(), staff.village(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), t::add);
        int overdue = cases.countOpenDueBefore(staff.town(), staff.village(), ChinaTime.today(clock));
        return new YearStats(
                year,
                staff.town(),
                staff.village(),
                t.total,
                t.byType,
                t.byStatus,
                t.byCategory,
                t.byVillage,
                t.byMonth,
                t.finished,
                t.onTime,
                t.mediated,
                t.agreed,
                t.ratings,
                t.ratingSum,
                t.mergedDuplicates,
                overdue);
    }

    private static final class Tally {
        long total, finished, onTime, mediated, agreed, ratings, ratingSum, mergedDuplicates;
        final Map<String, Long> byType = new TreeMap<>();
        final Map<String, Long> byStatus = new TreeMap<>();
        final Map<String, Long> byCategory = new TreeMap<>();
        final Map<String, Long> byVillage = new TreeMap<>();
        final Map<String, Long> byMonth = new TreeMap<>();

        Tally() {
            for (int m = 1; m <= 12; m++) byMonth.put(String.format("%02d", m), 0L);
        }

        void add(CaseFacts c) {
            if (Merging.OUTCOME.equals(c.outcome())) {
                mergedDuplicates++;
                return;
            }
            total++;
            byType.merge(c.type().code(), 1L, Long::sum);
            byStatus.merge(c.status(), 1L, Long::sum);
            byCategory.merge(c.category(), 1L, Long::sum);
            byVillage.merge(c.village() == null ? "none" : c.village(), 1L, Long::sum);
            byMonth.merge(String.format("%02d", c.receivedOn().getMonthValue()), 1L, Long::sum);
            if (c.finished() && !CaseStatuses.isOpen(c.status())) {
                finished++;
                if (c.onTime()) onTime++;
                String outcome = c.outcome();
                if (outcome.equals("agreement-reached") || outcome.equals("no-agreement")) {
                    mediated++;
                    if (outcome.equals("agreement-reached")) agreed++;
                }
            }
            if (c.rating() != null) {
                ratings++;
                ratingSum += c.rating();
            }
        }
    }
}

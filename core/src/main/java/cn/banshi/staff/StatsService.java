package cn.banshi.staff;

import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseFacts;
import cn.banshi.cases.CaseStatuses;
import cn.banshi.cases.CaseStore;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /admin/stats?year=Y}: the year's cases (received in the year, Beijing time) counted by type,
 * status, category, village and month; on-time rate of finished cases; mediation success rate
 * (agreement reached / mediated); average satisfaction; and the cases overdue now (town-wide).
 * Read through the received-date indexes, one page at a time.
 */
public final class StatsService {
    private final CaseStore cases;
    private final Clock clock;

    public StatsService(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public ObjectNode stats(Staff staff, int year) {
        Tally t = new Tally();
        cases.forEachFacts(staff.town(), staff.village(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), t::add);
        int overdue = cases.countOpenDueBefore(staff.town(), staff.village(), ChinaTime.today(clock));
        ObjectNode body = Json.object();
        body.put("year", year);
        body.put("town", staff.town());
        if (staff.village() != null) body.put("village", staff.village());
        body.put("total", t.total);
        body.set("byType", Json.mapper().valueToTree(t.byType));
        body.set("byStatus", Json.mapper().valueToTree(t.byStatus));
        body.set("byCategory", Json.mapper().valueToTree(t.byCategory));
        body.set("byVillage", Json.mapper().valueToTree(t.byVillage));
        body.set("byMonth", Json.mapper().valueToTree(t.byMonth));
        body.put("finished", t.finished);
        body.put("open", t.total - t.finished);
        rate(body, "onTimeRate", t.onTime, t.finished);
        body.put("disputesMediated", t.mediated);
        body.put("disputesAgreed", t.agreed);
        rate(body, "mediationSuccessRate", t.agreed, t.mediated);
        body.put("ratings", t.ratings);
        if (t.ratings == 0) body.putNull("averageSatisfaction");
        else
            body.put(
                    "averageSatisfaction",
                    BigDecimal.valueOf(t.ratingSum).divide(BigDecimal.valueOf(t.ratings), 2, RoundingMode.HALF_UP));
        body.put("overdueNow", overdue);
        return body;
    }

    static void rate(ObjectNode body, String name, long part, long whole) {
        if (whole == 0) body.putNull(name);
        else body.put(name, BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
    }

    private static final class Tally {
        long total, finished, onTime, mediated, agreed, ratings, ratingSum;
        final Map<String, Long> byType = new TreeMap<>();
        final Map<String, Long> byStatus = new TreeMap<>();
        final Map<String, Long> byCategory = new TreeMap<>();
        final Map<String, Long> byVillage = new TreeMap<>();
        final Map<String, Long> byMonth = new TreeMap<>();

        Tally() {
            for (int m = 1; m <= 12; m++) byMonth.put(String.format("%02d", m), 0L);
        }

        void add(CaseFacts c) {
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

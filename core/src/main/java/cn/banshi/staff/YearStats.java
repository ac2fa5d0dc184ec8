package cn.banshi.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A year's figures for a town (or one village): counts by type, status, category, village and month (keys sorted;
 * cases without a village under {@code none}; months {@code 01}–{@code 12}), finished and on-time cases, mediated and
 * agreed disputes, ratings, and the cases overdue now; cases merged as duplicates into another are in none of these,
 * only in {@code mergedDuplicates}.
 */
public record YearStats(
        int year,
        String town,
        String village,
        long total,
        Map<String, Long> byType,
        Map<String, Long> byStatus,
        Map<String, Long> byCategory,
        Map<String, Long> byVillage,
        Map<String, Long> byMonth,
        long finished,
        long onTime,
        long disputesMediated,
        long disputesAgreed,
        long ratings,
        long ratingSum,
        long mergedDuplicates,
        int overdueNow) {

    public long open() {
        return total - finished;
    }

    /** On-time share of finished cases to four places; null when none finished. */
    public BigDecimal onTimeRate() {
        return rate(onTime, finished);
    }

    /** Agreement share of mediated disputes to four places; null when none was mediated. */
    public BigDecimal mediationSuccessRate() {
        return rate(disputesAgreed, disputesMediated);
    }

    /** Average rating to two places; null without ratings. */
    public BigDecimal averageSatisfaction() {
        return ratings == 0
                ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}

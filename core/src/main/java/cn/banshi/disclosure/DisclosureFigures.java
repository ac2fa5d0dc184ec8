package cn.banshi.disclosure;

import java.math.BigDecimal;

/**
 * The figures of the disclosure annual report that staff enter (ogi.md): section 二's proactive-disclosure
 * table and section 四's administrative review and litigation table, plus optional text for section 六.
 * Counts are non-negative integers; {@code feeAmount} is in 万元.
 */
public record DisclosureFigures(int year, Proactive proactive, ReviewLitigation reviewLitigation, String otherMatters) {

    /** 规章 / 行政规范性文件: issued this year, repealed this year, in force. */
    public record Documents(int issued, int repealed, int inForce) {}

    public record Proactive(
            Documents rules,
            Documents normativeDocuments,
            int licensing,
            int penalties,
            int enforcement,
            BigDecimal feeAmount) {}

    /** 结果维持, 结果纠正, 其他结果, 尚未审结; {@link #total()} is 总计. */
    public record Outcomes(int upheld, int corrected, int other, int pending) {
        public int total() {
            return upheld + corrected + other + pending;
        }
    }

    public record ReviewLitigation(Outcomes review, Outcomes litigationDirect, Outcomes litigationAfterReview) {}

    /** All zeros: what the report shows while staff have not entered the year's figures. */
    public static DisclosureFigures empty(int year) {
        Documents none = new Documents(0, 0, 0);
        Outcomes zero = new Outcomes(0, 0, 0, 0);
        return new DisclosureFigures(
                year,
                new Proactive(none, none, 0, 0, 0, BigDecimal.ZERO),
                new ReviewLitigation(zero, zero, zero),
                null);
    }
}

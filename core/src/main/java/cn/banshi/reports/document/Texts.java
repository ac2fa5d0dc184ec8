package cn.banshi.reports.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Number and date wording of the reports. */
public final class Texts {
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private Texts() {}

    /** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
    public static String chinese(int n) {
        if (n <= 0 || n > 99) throw new IllegalArgumentException("numeral " + n);
        if (n <= 10) return NUMERALS[n - 1];
        if (n < 20) return "十" + NUMERALS[n - 11];
        return NUMERALS[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10 - 1]);
    }

    /** Level-1 heading numbering: 一、 */
    public static String h1(int n, String text) {
        return chinese(n) + "、" + text;
    }

    /** Level-2 heading numbering: （一） */
    public static String h2(int n, String text) {
        return "（" + chinese(n) + "）" + text;
    }

    /** 一是, 二是 … for enumerations inside a paragraph. */
    public static String ordinal(int n) {
        return chinese(n) + "是";
    }

    /** A share as a percentage with at most one decimal: 100%, 98.7%; "—" when there is no denominator. */
    public static String percent(long part, long whole) {
        if (whole == 0) return "—";
        BigDecimal p = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        return p.stripTrailingZeros().toPlainString() + "%";
    }

    /** The percentage as a number (for report.json), null without a denominator. */
    public static BigDecimal rate(long part, long whole) {
        if (whole == 0) return null;
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    public static String average(long sum, long count) {
        if (count == 0) return "—";
        return BigDecimal.valueOf(sum)
                .divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** 2021年12月16日 */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 12月16日 */
    public static String monthDay(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 甲、乙和丙 */
    public static String list(List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join("、", items.subList(0, items.size() - 1)) + "和" + items.get(items.size() - 1);
    }

    /** Ends a sentence with 。 unless it already ends with punctuation. */
    public static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) return t;
        char last = t.charAt(t.length() - 1);
        return "。！？；”」）)".indexOf(last) >= 0 ? t : t + "。";
    }
}

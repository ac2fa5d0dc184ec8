package cn.banshi.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A due date and, when its count passes through a year whose State Council notice is not loaded, the first such
 * year: the date is then provisional (暂定) until that notice is loaded and the deadline recomputed.
 *
 * @param date            the due date
 * @param provisionalYear the first year counted provisionally, or 0 when the date is final
 */
public record Due(LocalDate date, int provisionalYear) {

    public Due {
        Objects.requireNonNull(date, "date");
    }

    public boolean provisional() {
        return provisionalYear != 0;
    }

    /** The citizen-facing remark on a provisional date: “（暂定：2027年节假日安排公布后确定）”, else "". */
    public static String remarkZh(int provisionalYear) {
        return provisionalYear == 0 ? "" : "（暂定：" + provisionalYear + "年节假日安排公布后确定）";
    }
}

package cn.banshi.reports.drafts;

import cn.banshi.errors.Errors;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.document.Texts;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The signing date (落款) of a published report. Statutory windows: the disclosure report by 31 January of the
 * next year (条例 Art. 49), the work report by the end of March (published by 1 April); the plan goes with the
 * work report. Without a date entered, the publication day, if it falls in the window; else staff enter one,
 * which must lie between the window's opening (1 December of the report year; 1 January after it for the
 * disclosure report, which covers the whole year) and the publication day.
 */
public final class SigningDates {
    private SigningDates() {}

    public static LocalDate deadline(ReportKind kind, int year) {
        MonthDay last = kind == ReportKind.OGI_ANNUAL ? MonthDay.of(1, 31) : MonthDay.of(3, 31);
        return last.atYear(year + 1);
    }

    public static LocalDate opening(ReportKind kind, int year) {
        return kind == ReportKind.OGI_ANNUAL ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, 12, 1);
    }

    /** The signing date for a publication on {@code today}: {@code entered}, checked, or the default. */
    public static LocalDate resolve(ReportKind kind, int year, LocalDate today, LocalDate entered) {
        LocalDate opening = opening(kind, year);
        LocalDate deadline = deadline(kind, year);
        if (entered == null) {
            if (today.isBefore(opening) || today.isAfter(deadline))
                throw Errors.signingDateRequired(
                        Texts.date(opening) + "至" + Texts.date(deadline), opening + " to " + deadline);
            return today;
        }
        if (entered.isBefore(opening) || entered.isAfter(today))
            throw Errors.outOfRange(
                    "signingDate",
                    Texts.date(opening) + "至发布当日（" + Texts.date(today) + "）",
                    opening + " to the publication day (" + today + ")");
        return entered;
    }
}

package cn.banshi.batch.report;

import cn.banshi.json.Json;
import cn.banshi.reports.ReportKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * The date a draft is signed with (落款) until the approval step sets the real one: the drafting day if it
 * falls within the report's window, else the nearest day of the window. The windows: the disclosure report
 * covers the whole year and is published by 31 January of the next year (条例 art. 49); the work report (and
 * the plan that goes with it) may be signed from December of the year (the seed was signed on 16 December)
 * and is published by 1 April, so by 31 March. A report for 2021 drafted in 2026 is thus signed 2022-01-31
 * (disclosure) or 2022-03-31 (work report, plan), never with the day it was drafted.
 */
public record SigningDate(LocalDate date, LocalDate from, LocalDate to) {

    public static SigningDate of(ReportKind kind, int year, LocalDate today) {
        LocalDate from;
        LocalDate to;
        switch (kind) {
            case OGI_ANNUAL -> {
                from = LocalDate.of(year + 1, 1, 1);
                to = LocalDate.of(year + 1, 1, 31);
            }
            default -> {
                from = LocalDate.of(year, 12, 1);
                to = LocalDate.of(year + 1, 3, 31);
            }
        }
        LocalDate date = today.isBefore(from) ? from : today.isAfter(to) ? to : today;
        return new SigningDate(date, from, to);
    }

    /** report.json's {@code signingDate} and {@code signingWindow}: publication may set another day within it. */
    public void putInto(ObjectNode json) {
        json.put("signingDate", date.toString());
        ObjectNode window = Json.object();
        window.put("from", from.toString());
        window.put("to", to.toString());
        json.set("signingWindow", window);
    }
}

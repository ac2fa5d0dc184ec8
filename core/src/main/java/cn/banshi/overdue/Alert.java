package cn.banshi.overdue;

import java.time.LocalDate;

/**
 * An overdue alert as the sweep recorded it: the case (number, type and status codes, title, village if any), the
 * due date it passed and the day the alert was raised. No personal data.
 */
public record Alert(
        String trackingNo,
        String type,
        String title,
        String status,
        LocalDate dueDate,
        LocalDate raisedOn,
        String village) {}

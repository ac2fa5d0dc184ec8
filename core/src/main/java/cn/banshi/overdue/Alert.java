package cn.banshi.overdue;

import java.time.LocalDate;

/**
 * An alert as the sweep recorded it: an overdue case (number, type and status codes, title, village if any) or an
 * unpublished report ({@code type} "report", its {@code job}, no number), the due date it passed and the day the
 * alert was raised. No personal data.
 */
public record Alert(
        String trackingNo,
        String type,
        String job,
        String title,
        String status,
        LocalDate dueDate,
        LocalDate raisedOn,
        String village) {}

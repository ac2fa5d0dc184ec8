package cn.banshi.audit;

import java.time.Instant;

/** One audit entry: who (staff {@code sub}, role, village if any) did what to which case; never personal data. */
public record AuditEntry(
        Instant at, String sub, String role, String village, String event, String trackingNo, String detail) {}

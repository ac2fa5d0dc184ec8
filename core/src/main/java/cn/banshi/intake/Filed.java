package cn.banshi.intake;

import cn.banshi.calendar.Due;
import cn.banshi.cases.CaseStatus;
import cn.banshi.catalog.CaseType;
import java.time.Instant;

/**
 * A case just filed, as its receipt tells the citizen: the tracking number, the access code (shown this once; the
 * case keeps only its hash), type, status, time of receipt and the due date.
 */
public record Filed(
        String trackingNo, String accessCode, CaseType type, CaseStatus status, Instant receivedAt, Due due) {}

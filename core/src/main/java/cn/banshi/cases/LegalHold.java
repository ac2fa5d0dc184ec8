package cn.banshi.cases;

import java.time.Instant;

/**
 * A town admin's hold on a case (litigation, administrative review): nothing of the case is erased while it is held.
 * {@code by} is the admin's subject; the reason is internal (the history entry's note and the audit log).
 */
public record LegalHold(String reason, String by, Instant at) {}

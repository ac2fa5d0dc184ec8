package cn.banshi.cases;

import java.time.Instant;

/**
 * A town admin marked the case as spam ({@code mark-spam}): why, who, when, and until when its phone and client are
 * refused new online submissions (null: not blocked). A spam case leaves every list, queue and report count, and
 * stays readable by its tracking number and in the audit log.
 */
public record SpamMark(String reason, String by, Instant at, Instant blockedUntil) {}

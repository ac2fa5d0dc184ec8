package cn.banshi.cases;

import java.time.Instant;

/**
 * One step in a case's append-only history. {@code actor} is a staff subject or "citizen"/"system";
 * {@code publicNote} is the text the citizen's timeline shows (never personal data), {@code note} the
 * internal remark.
 */
public record HistoryEntry(int seq, Instant at, String actor, String action, String fromStatus, String toStatus,
                           String publicNote, String note) {}

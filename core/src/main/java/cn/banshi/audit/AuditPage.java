package cn.banshi.audit;

import java.util.List;

/** A page of a town's audit entries, newest first, with the opaque cursor to the next page (null on the last). */
public record AuditPage(List<AuditEntry> items, String nextCursor) {}

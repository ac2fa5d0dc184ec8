package cn.banshi.reports;

import java.time.Instant;

/** One stored report file. */
public record ReportFile(String town, int year, ReportKind kind, ReportFormat format, long size, Instant modified) {}

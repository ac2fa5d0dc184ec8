package cn.banshi.reports.drafts;

import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One published version of a report: frozen files (their SHA-256 and size by format), the signing date, who
 * published it and when, and for a version after the first the correction it makes. Never changed once written.
 */
public record Publication(
        String town,
        int year,
        ReportKind kind,
        int version,
        LocalDate signingDate,
        String title,
        String correction,
        long draftVersion,
        String publishedBy,
        Instant publishedAt,
        Map<ReportFormat, String> sha256,
        Map<ReportFormat, Long> sizes) {
    public Publication {
        sha256 = Map.copyOf(sha256);
        sizes = Map.copyOf(sizes);
    }
}

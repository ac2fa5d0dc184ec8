package cn.banshi.reports;

import java.util.List;
import java.util.Optional;

/**
 * Where generated reports are kept, per town, year and job: locally the data directory
 * ({@link FileReportStore}, {@code DIR/reports/TOWN/YEAR/JOB/report.*}); on AWS an S3 bucket with the same
 * layout as keys ({@link S3ReportStore}, {@code reports/TOWN/YEAR/JOB/report.*}). {@link ReportStores} picks one.
 */
public interface ReportStore {

    /** Writes one file; a reader sees the old or the new content, never a partial file. */
    void put(String town, int year, ReportKind kind, ReportFormat format, byte[] content);

    /** The year's files of a town, by job and format. */
    List<ReportFile> list(String town, int year);

    Optional<byte[]> read(String town, int year, ReportKind kind, ReportFormat format);

    /** Writes a file beside the report's (the draft's document, a published version's files); never listed by {@link #list}. */
    void putMember(String town, int year, ReportKind kind, ReportMember member, byte[] content);

    Optional<byte[]> readMember(String town, int year, ReportKind kind, ReportMember member);
}

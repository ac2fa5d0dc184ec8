package cn.banshi.batch;

import cn.banshi.json.Json;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** Running a job against the test's tables and reading what it wrote. */
public final class ReportTestSupport {
    public static final String TOWN = "gaocheng";
    public static final Set<ReportFormat> ALL = EnumSet.allOf(ReportFormat.class);

    private ReportTestSupport() {}

    public static Path file(Path data, int year, ReportKind kind, ReportFormat format) {
        return new FileReportStore(data.resolve("reports"))
                .directory(TOWN, year, kind)
                .resolve(format.fileName());
    }

    public static String text(Path data, int year, ReportKind kind, ReportFormat format) {
        try {
            return Files.readString(file(data, year, kind, format), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path data, int year, ReportKind kind) {
        try {
            return Json.parse(text(data, year, kind, ReportFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReportJobs.Result run(ReportJobs jobs, ReportKind kind, int year, LocalDate today) {
        return jobs.run(kind, TOWN, year, ALL, null, today, Progress.NONE);
    }

    /** The same rounding the report states: one decimal, trailing zeros dropped. */
    public static String percent(long part, long whole) {
        return new BigDecimal(part * 100.0 / whole)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }
}

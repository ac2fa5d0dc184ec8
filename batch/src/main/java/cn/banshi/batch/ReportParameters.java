package cn.banshi.batch;

import cn.banshi.batch.cases.ReportPeriod;
import cn.banshi.reports.ReportFormat;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A report run's job parameters. Identifying: the towns (one town, or a county's towns, read by one scan and
 * written by one report step), year and run (a new run after a completed one). The others are kept with the execution, so a
 * restart drafts the same report: {@code today} (the date the report is drafted as of and signed), the scan
 * segments, the formats and the output directory.
 */
public record ReportParameters(
        List<String> towns, int year, long run, LocalDate today, int segments, Set<ReportFormat> formats, String out) {
    public static final String TOWNS = "towns",
            YEAR = "year",
            RUN = "run",
            TODAY = "today",
            SEGMENTS = "segments",
            FORMATS = "formats",
            OUT = "out";

    public ReportParameters {
        towns = normalized(towns);
    }

    /** Sorted and without repeats, so that a county's run does not depend on the order its towns were named in. */
    public static List<String> normalized(List<String> towns) {
        if (towns == null || towns.isEmpty()) throw new IllegalArgumentException("至少需要一个乡镇 / at least one town");
        return List.copyOf(new TreeSet<>(towns));
    }

    public ReportPeriod period() {
        return ReportPeriod.of(year, today);
    }

    /** Where a town's files go with {@code --out}: the directory itself for one town, a folder per town for several. */
    public Path outFor(String town) {
        if (out == null) return null;
        return towns.size() == 1 ? Path.of(out) : Path.of(out, town);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(TOWNS, String.join(",", towns), true)
                .addLong(YEAR, (long) year, true)
                .addLong(RUN, run, true)
                .addLocalDate(TODAY, today, false)
                .addLong(SEGMENTS, (long) segments, false)
                .addString(
                        FORMATS,
                        formats.stream().map(ReportFormat::code).sorted().collect(Collectors.joining(",")),
                        false);
        if (out != null) b.addString(OUT, out, false);
        return b.toJobParameters();
    }

    public static ReportParameters of(JobParameters p) {
        return new ReportParameters(
                towns(p.getString(TOWNS)),
                p.getLong(YEAR).intValue(),
                p.getLong(RUN),
                p.getLocalDate(TODAY),
                p.getLong(SEGMENTS).intValue(),
                formats(p.getString(FORMATS)),
                p.getString(OUT));
    }

    /** "dingshu,gaocheng" → [dingshu, gaocheng]. */
    public static List<String> towns(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** "json,md" → {JSON, MD}; unknown names are refused. */
    public static Set<ReportFormat> formats(String list) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String code : list.split(",")) {
            if (code.isBlank()) continue;
            formats.add(ReportFormat.find(code.strip())
                    .orElseThrow(() ->
                            new IllegalArgumentException("未知格式 unknown format: " + code + " (json, md, html, docx)")));
        }
        if (formats.isEmpty()) throw new IllegalArgumentException("至少需要一种格式 / at least one format");
        return formats;
    }

    public static String allFormats() {
        return Arrays.stream(ReportFormat.values()).map(ReportFormat::code).collect(Collectors.joining(","));
    }
}

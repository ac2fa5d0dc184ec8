package cn.banshi.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report function is asked to run: its input ({@code {"job": …, "year": …, "towns": […], "runId": …,
 * "requestedBy": …}}), from a schedule (job only, or job and towns) or from a staff request (all fields).
 * {@code year} null: the job's default year ({@link ReportKind#defaultYear}); {@code towns} empty: every town
 * of the deployment; {@code runId} null: a run nobody requested by id (a schedule). {@code "year": "previous"}
 * (a January schedule): the year before the run's day, whatever the job's default.
 */
public record ReportRunRequest(
        ReportKind kind, Integer year, List<String> towns, String runId, String requestedBy, boolean previousYear) {
    public static final String PREVIOUS = "previous";
    public static final String JOB = "job",
            YEAR = "year",
            TOWNS = "towns",
            RUN_ID = "runId",
            REQUESTED_BY = "requestedBy";

    public ReportRunRequest {
        if (kind == null) throw new IllegalArgumentException("job is required");
        towns = towns == null ? List.of() : List.copyOf(towns);
        if (previousYear && year != null) throw new IllegalArgumentException("a year or the previous year, not both");
    }

    public ReportRunRequest(ReportKind kind, Integer year, List<String> towns, String runId, String requestedBy) {
        this(kind, year, towns, runId, requestedBy, false);
    }

    /** The year to draft on {@code today} (a Beijing date). */
    public int year(LocalDate today) {
        if (year != null) return year;
        return previousYear ? today.getYear() - 1 : kind.defaultYear(today);
    }

    /** The function's input, as Lambda's JSON serializer reads and writes it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(JOB, kind.code());
        if (year != null) map.put(YEAR, year);
        if (previousYear) map.put(YEAR, PREVIOUS);
        if (!towns.isEmpty()) map.put(TOWNS, towns);
        if (runId != null) map.put(RUN_ID, runId);
        if (requestedBy != null) map.put(REQUESTED_BY, requestedBy);
        return map;
    }

    /** Reads a function input; anything it does not understand is refused with IllegalArgumentException. */
    public static ReportRunRequest fromMap(Map<String, Object> input) {
        if (input == null) throw new IllegalArgumentException("no input");
        for (String key : input.keySet()) {
            if (!List.of(JOB, YEAR, TOWNS, RUN_ID, REQUESTED_BY).contains(key))
                throw new IllegalArgumentException("unknown field " + key);
        }
        ReportKind kind = ReportKind.find(String.valueOf(input.get(JOB)))
                .orElseThrow(() -> new IllegalArgumentException("unknown job " + input.get(JOB)));
        Integer year = null;
        Object y = input.get(YEAR);
        boolean previous = PREVIOUS.equals(y);
        if (previous) year = null;
        else if (y instanceof Number n && n.doubleValue() == n.intValue()) year = n.intValue();
        else if (y instanceof String text && text.matches("\\d{4}")) year = Integer.parseInt(text);
        else if (y != null) throw new IllegalArgumentException("year must be a whole number: " + y);
        List<String> towns = new ArrayList<>();
        Object t = input.get(TOWNS);
        if (t instanceof List<?> list) {
            for (Object town : list) towns.add(String.valueOf(town));
        } else if (t instanceof String text) {
            for (String town : text.split(",")) if (!town.isBlank()) towns.add(town.strip());
        } else if (t != null) {
            throw new IllegalArgumentException("towns must be a list of town ids");
        }
        return new ReportRunRequest(
                kind, year, towns, text(input.get(RUN_ID)), text(input.get(REQUESTED_BY)), previous);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}

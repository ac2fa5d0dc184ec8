package cn.banshi.batch.report;

import cn.banshi.json.Json;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.document.DocxRenderer;
import cn.banshi.reports.document.HtmlRenderer;
import cn.banshi.reports.document.MarkdownRenderer;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

/** Renders a report in the requested formats and hands each file to the output. */
public final class ReportWriter {
    private ReportWriter() {}

    public interface Output {
        void write(ReportFormat format, byte[] content);
    }

    public static void write(Report report, Set<ReportFormat> formats, LocalDate documentDate, Output output) {
        for (ReportFormat format : ReportFormat.values()) {
            if (!formats.contains(format)) continue;
            output.write(
                    format,
                    switch (format) {
                        case JSON -> json(report);
                        case MD -> MarkdownRenderer.render(report.doc());
                        case HTML -> HtmlRenderer.render(report.doc());
                        case DOCX -> DocxRenderer.render(report.doc(), documentDate);
                    });
        }
    }

    /** report.json: every figure the report used. */
    public static byte[] json(Report report) {
        try {
            return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

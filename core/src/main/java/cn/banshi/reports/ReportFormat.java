package cn.banshi.reports;

import java.util.Arrays;
import java.util.Optional;

/** The files every report job writes. */
public enum ReportFormat {
    JSON("json", "report.json", "application/json; charset=utf-8"),
    MD("md", "report.md", "text/markdown; charset=utf-8"),
    HTML("html", "report.html", "text/html; charset=utf-8"),
    DOCX("docx", "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String code;
    private final String fileName;
    private final String contentType;

    ReportFormat(String code, String fileName, String contentType) {
        this.code = code;
        this.fileName = fileName;
        this.contentType = contentType;
    }

    public String code() {
        return code;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ReportFormat> find(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    public static Optional<ReportFormat> byFileName(String fileName) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
    }
}

package cn.banshi.reports;

/**
 * A file kept beside a report's generated files, under the same folder (key prefix): the draft's document as
 * the last run generated it ({@code draft/doc.json}) and each published version's frozen files
 * ({@code published/v2/report.docx}). The path is built here from fixed names and a version number only.
 */
public record ReportMember(String path) {
    public static final int MAX_VERSION = 999;

    public static ReportMember draftDocument() {
        return new ReportMember("draft/doc.json");
    }

    public static ReportMember published(int version, ReportFormat format) {
        if (version < 1 || version > MAX_VERSION) throw new IllegalArgumentException("bad version " + version);
        return new ReportMember("published/v" + version + "/" + format.fileName());
    }
}

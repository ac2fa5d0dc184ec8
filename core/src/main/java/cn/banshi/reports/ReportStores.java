package cn.banshi.reports;

/** The report store of this environment: the S3 bucket of {@value S3ReportStore#BUCKET_ENV} in AWS, else the data directory. */
public final class ReportStores {
    private ReportStores() {}

    public static ReportStore fromEnvironment() {
        String bucket = System.getenv(S3ReportStore.BUCKET_ENV);
        return bucket == null || bucket.isBlank() ? FileReportStore.fromEnvironment() : S3ReportStore.fromEnvironment();
    }
}

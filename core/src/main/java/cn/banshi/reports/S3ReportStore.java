package cn.banshi.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reports in the stack's private S3 bucket (env {@value #BUCKET_ENV}), with the local store's layout as keys:
 * {@code reports/TOWN/YEAR/JOB/report.EXT}. A PUT replaces an object atomically and S3 reads are strongly
 * consistent, so a reader sees the old or the new file, never a partial one. The AWS SDK's {@code s3} module
 * is an optional dependency of core: the modules that use this store (functions, batch) declare it.
 */
public final class S3ReportStore implements ReportStore {
    public static final String BUCKET_ENV = "BANSHI_REPORTS_BUCKET";
    /** The key prefix of every report; the functions' IAM statements name it ({@code ${ReportsBucket.Arn}/reports/*}). */
    public static final String PREFIX = "reports/";

    private final S3Client s3;
    private final String bucket;

    public S3ReportStore(S3Client s3, String bucket) {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("no reports bucket");
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The bucket of {@value #BUCKET_ENV}, the region and credentials of the environment (as in Lambda). */
    public static S3ReportStore fromEnvironment() {
        return new S3ReportStore(
                S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build(), System.getenv(BUCKET_ENV));
    }

    public String bucket() {
        return bucket;
    }

    /** {@code reports/TOWN/YEAR/JOB/report.EXT}, from a checked town slug, a year and the enums' fixed names. */
    public static String key(String town, int year, ReportKind kind, ReportFormat format) {
        return prefix(town, year) + kind.code() + "/" + format.fileName();
    }

    /** {@code reports/TOWN/YEAR/}: every report of a town's year is under it. */
    public static String prefix(String town, int year) {
        return PREFIX + ReportNames.town(town) + "/" + ReportNames.year(year) + "/";
    }

    /** The report file a key names, or empty for any other key (a stray object is ignored, not listed). */
    static Optional<ReportFile> file(String key, long size, Instant modified) {
        String[] parts = key.split("/", -1);
        if (parts.length != 5 || !(parts[0] + "/").equals(PREFIX)) return Optional.empty();
        Optional<ReportKind> kind = ReportKind.find(parts[3]);
        Optional<ReportFormat> format = ReportFormat.byFileName(parts[4]);
        if (kind.isEmpty() || format.isEmpty() || !parts[2].matches("\\d{4}")) return Optional.empty();
        int year = Integer.parseInt(parts[2]);
        try {
            if (!key.equals(key(parts[1], year, kind.get(), format.get()))) return Optional.empty();
        } catch (IllegalArgumentException notAReportKey) {
            return Optional.empty();
        }
        return Optional.of(new ReportFile(parts[1], year, kind.get(), format.get(), size, modified));
    }

    static PutObjectRequest putRequest(String bucket, String town, int year, ReportKind kind, ReportFormat format) {
        return PutObjectRequest.builder()
                .bucket(bucket)
                .key(key(town, year, kind, format))
                .contentType(format.contentType())
                .build();
    }

    static ListObjectsV2Request listRequest(String bucket, String town, int year) {
        return ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(prefix(town, year))
                .build();
    }

    static GetObjectRequest getRequest(String bucket, String town, int year, ReportKind kind, ReportFormat format) {
        return GetObjectRequest.builder()
                .bucket(bucket)
                .key(key(town, year, kind, format))
                .build();
    }

    /** The listed objects that are report files, by job and format in their declared order (as the local store lists). */
    static List<ReportFile> files(Iterable<S3Object> objects) {
        List<ReportFile> files = new ArrayList<>();
        for (S3Object o : objects)
            file(o.key(), o.size() == null ? 0 : o.size(), o.lastModified()).ifPresent(files::add);
        files.sort(Comparator.comparing(ReportFile::kind).thenComparing(ReportFile::format));
        return files;
    }

    @Override
    public void put(String town, int year, ReportKind kind, ReportFormat format, byte[] content) {
        s3.putObject(putRequest(bucket, town, year, kind, format), RequestBody.fromBytes(content));
    }

    @Override
    public void putMember(String town, int year, ReportKind kind, ReportMember member, byte[] content) {
        s3.putObject(
                b -> b.bucket(bucket).key(memberKey(town, year, kind, member)).contentType(contentType(member)),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> readMember(String town, int year, ReportKind kind, ReportMember member) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(memberKey(town, year, kind, member)))
                    .asByteArray());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }

    /** {@code reports/TOWN/YEAR/JOB/draft/doc.json}, {@code reports/TOWN/YEAR/JOB/published/v1/report.docx}. */
    public static String memberKey(String town, int year, ReportKind kind, ReportMember member) {
        return prefix(town, year) + kind.code() + "/" + member.path();
    }

    private static String contentType(ReportMember member) {
        String name = member.path().substring(member.path().lastIndexOf('/') + 1);
        return ReportFormat.byFileName(name).map(ReportFormat::contentType).orElse(ReportFormat.JSON.contentType());
    }

    @Override
    public List<ReportFile> list(String town, int year) {
        return files(s3.listObjectsV2Paginator(listRequest(bucket, town, year)).contents());
    }

    @Override
    public Optional<byte[]> read(String town, int year, ReportKind kind, ReportFormat format) {
        try {
            return Optional.of(s3.getObjectAsBytes(getRequest(bucket, town, year, kind, format))
                    .asByteArray());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }
}

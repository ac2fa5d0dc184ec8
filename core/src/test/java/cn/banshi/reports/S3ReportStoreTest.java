package cn.banshi.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 store's key layout and the requests it makes. No S3 runs here (no emulator, no Docker), so the requests
 * are checked as the real SDK marshals and signs them: an interceptor records each one just before it would be
 * sent and stops it there; nothing answers.
 */
class S3ReportStoreTest {

    @Test
    void keysFollowTheLocalStoresLayoutUnderTheReportsPrefix() {
        assertEquals(
                "reports/gaocheng/2021/ogi-annual/report.json",
                S3ReportStore.key("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.JSON));
        assertEquals(
                "reports/dingshu/2022/rule-of-law-annual/report.docx",
                S3ReportStore.key("dingshu", 2022, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.DOCX));
        assertEquals("reports/gaocheng/2021/", S3ReportStore.prefix("gaocheng", 2021));
        for (String bad : List.of("../x", "Gaocheng", "a/b", "", "gaocheng/../dingshu")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> S3ReportStore.key(bad, 2021, ReportKind.OGI_ANNUAL, ReportFormat.MD),
                    bad);
        }
        assertThrows(IllegalArgumentException.class, () -> S3ReportStore.prefix("gaocheng", 1999));
    }

    @Test
    void listedKeysAreReadBackAsReportFilesAndAnythingElseIsIgnored() {
        Instant at = Instant.parse("2022-01-15T02:00:00Z");
        List<S3Object> objects = new ArrayList<>();
        for (String key : List.of(
                "reports/gaocheng/2021/rule-of-law-annual/report.md",
                "reports/gaocheng/2021/ogi-annual/report.json",
                "reports/gaocheng/2021/ogi-annual/report.docx",
                "reports/gaocheng/2021/next-year-plan/notes.txt",
                "reports/gaocheng/2021/unknown-job/report.json",
                "reports/gaocheng/2021/ogi-annual/extra/report.json",
                "reports/gaocheng/2021/rule-of-law-annual/report.json")) {
            objects.add(S3Object.builder().key(key).size(1234L).lastModified(at).build());
        }
        List<ReportFile> files = S3ReportStore.files(objects);
        assertEquals(
                List.of(
                        new ReportFile("gaocheng", 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.JSON, 1234, at),
                        new ReportFile("gaocheng", 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.MD, 1234, at),
                        new ReportFile("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.JSON, 1234, at),
                        new ReportFile("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.DOCX, 1234, at)),
                files,
                "report files by job and format in their declared order, as the local store lists them");
        assertEquals(Optional.empty(), S3ReportStore.file("reports/Gaocheng/2021/ogi-annual/report.json", 1, at));
    }

    @Test
    void theSdkSendsPutListAndGetForTheKeysOfTheLayout() {
        List<SdkHttpRequest> sent = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        S3Client s3 = S3Client.builder()
                .region(Region.CN_NORTH_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "example")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        sent.add(context.httpRequest());
                        operations.add(context.request().getClass().getSimpleName());
                        throw new Recorded();
                    }
                }))
                .build();
        S3ReportStore store = new S3ReportStore(s3, "banshi-prod-reports");

        assertThrows(
                Recorded.class,
                () -> store.put(
                        "gaocheng",
                        2021,
                        ReportKind.OGI_ANNUAL,
                        ReportFormat.HTML,
                        "<p>公开</p>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(Recorded.class, () -> store.list("gaocheng", 2021));
        assertThrows(Recorded.class, () -> store.read("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.DOCX));

        assertEquals(List.of("PutObjectRequest", "ListObjectsV2Request", "GetObjectRequest"), operations);
        SdkHttpRequest put = sent.get(0);
        assertEquals("PUT", put.method().name());
        assertEquals(
                "banshi-prod-reports.s3.cn-north-1.amazonaws.com.cn",
                put.host(),
                "virtual-hosted style, the aws-cn partition");
        assertEquals("/reports/gaocheng/2021/ogi-annual/report.html", put.encodedPath());
        assertEquals(Optional.of("text/html; charset=utf-8"), put.firstMatchingHeader("Content-Type"));
        assertTrue(put.firstMatchingHeader("Authorization").orElse("").startsWith("AWS4-HMAC-SHA256"), "signed");
        SdkHttpRequest list = sent.get(1);
        assertEquals("GET", list.method().name());
        assertEquals(
                List.of("reports/gaocheng/2021/"), list.rawQueryParameters().get("prefix"));
        assertEquals(List.of("2"), list.rawQueryParameters().get("list-type"));
        SdkHttpRequest get = sent.get(2);
        assertEquals("GET", get.method().name());
        assertEquals("/reports/gaocheng/2021/ogi-annual/report.docx", get.encodedPath());
    }

    @Test
    void aStoreNeedsABucket() {
        assertThrows(IllegalArgumentException.class, () -> new S3ReportStore(null, " "));
    }

    private static final class Recorded extends RuntimeException {
        Recorded() {
            super("recorded, not sent", null, false, false);
        }
    }
}

package cn.banshi.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.testkit.LocalS3;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 report store against a real S3 API server (s3rver): what it writes is listed and read back. */
class S3ReportStoreOnLocalS3Test {
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void bucket() {
        s3 = LocalS3.client();
        bucket = LocalS3.freshBucket("reports");
    }

    @Test
    void putReportsAreListedInOrderAndReadBackByteForByte() {
        S3ReportStore store = new S3ReportStore(s3, bucket);
        byte[] html = "<p>政务公开</p>".getBytes(StandardCharsets.UTF_8);
        byte[] json = "{\"year\":2021}".getBytes(StandardCharsets.UTF_8);
        store.put("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.HTML, html);
        store.put("gaocheng", 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.JSON, json);
        store.put("gaocheng", 2022, ReportKind.OGI_ANNUAL, ReportFormat.HTML, html);
        store.put("dingshu", 2021, ReportKind.OGI_ANNUAL, ReportFormat.HTML, html);
        // a stray object under the prefix is not a report
        s3.putObject(
                b -> b.bucket(bucket).key("reports/gaocheng/2021/ogi-annual/notes.txt"), RequestBody.fromString("x"));

        List<ReportFile> files = store.list("gaocheng", 2021);
        assertEquals(
                List.of(ReportKind.RULE_OF_LAW_ANNUAL, ReportKind.OGI_ANNUAL),
                files.stream().map(ReportFile::kind).toList());
        assertEquals(html.length, files.get(1).size());
        assertTrue(files.get(1).modified() != null);
        assertArrayEquals(
                html,
                store.read("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.HTML)
                        .orElseThrow());
        assertEquals(
                "text/html; charset=utf-8",
                s3.headObject(b -> b.bucket(bucket)
                                .key(S3ReportStore.key("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.HTML)))
                        .contentType());
        assertEquals(Optional.empty(), store.read("gaocheng", 2021, ReportKind.OGI_ANNUAL, ReportFormat.DOCX));
    }

    @Test
    void aReplacedReportReadsAsTheNewOneAndMembersAreKeptBesideIt() {
        S3ReportStore store = new S3ReportStore(s3, bucket);
        store.put("dingshu", 2023, ReportKind.OGI_ANNUAL, ReportFormat.MD, "# 旧".getBytes(StandardCharsets.UTF_8));
        store.put("dingshu", 2023, ReportKind.OGI_ANNUAL, ReportFormat.MD, "# 新".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "# 新",
                new String(
                        store.read("dingshu", 2023, ReportKind.OGI_ANNUAL, ReportFormat.MD)
                                .orElseThrow(),
                        StandardCharsets.UTF_8));

        byte[] draft = "{\"draft\":true}".getBytes(StandardCharsets.UTF_8);
        store.putMember("dingshu", 2023, ReportKind.OGI_ANNUAL, ReportMember.draftDocument(), draft);
        assertArrayEquals(
                draft,
                store.readMember("dingshu", 2023, ReportKind.OGI_ANNUAL, ReportMember.draftDocument())
                        .orElseThrow());
        assertEquals(
                Optional.empty(),
                store.readMember("dingshu", 2023, ReportKind.OGI_ANNUAL, ReportMember.published(1, ReportFormat.MD)));
        assertEquals(
                List.of(ReportFormat.MD),
                store.list("dingshu", 2023).stream().map(ReportFile::format).toList(),
                "members are never listed as reports");
    }
}

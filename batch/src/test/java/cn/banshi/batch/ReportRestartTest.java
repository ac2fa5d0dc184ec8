package cn.banshi.batch;

import static cn.banshi.batch.CaseSpec.finished;
import static cn.banshi.batch.CaseSpec.open;
import static cn.banshi.batch.ReportTestSupport.TOWN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.catalog.CaseType;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Given a town's cases, when a report job runs in its own JVM and that process is killed (SIGKILL) while it
 * scans, and the job is started again, then the run resumes from its last commits (it reads fewer cases
 * than there are) and writes the same report as an uninterrupted run.
 */
class ReportRestartTest {
    static final LocalDate TODAY = LocalDate.of(2022, 1, 15);
    static final Pattern SCANNED = Pattern.compile("scanned (\\d+)");

    @TempDir
    Path reference;

    @TempDir
    Path interrupted;

    @Test
    void givenAJobKilledHalfwayWhenStartedAgainThenItResumesAndWritesTheSameReport() throws Exception {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        List<CaseSpec> specs = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            LocalDate received = LocalDate.of(2021, 1, 3).plusDays(i * 2L);
            String village =
                    List.of("meijiadu", "fucun", "hongxing", "gaocheng-cun").get(i % 4);
            specs.add(
                    i % 5 == 0
                            ? open(
                                    CaseType.COMPLAINT,
                                    "environment",
                                    village,
                                    received + "T09:30",
                                    received.plusDays(15).toString())
                            : finished(
                                    i % 2 == 0 ? CaseType.DISPUTE : CaseType.HELP,
                                    i % 2 == 0 ? "dispute-neighbour" : "health",
                                    village,
                                    received + "T09:30",
                                    received.plusDays(10).toString(),
                                    received.plusDays(i % 13).toString(),
                                    i % 2 == 0 ? (i % 7 == 0 ? "no-agreement" : "agreement-reached") : "resolved",
                                    3 + i % 3));
        }
        CaseWriter.write(dynamo, TOWN, specs);
        new StaffApi(dynamo, MutableClock.at("2021-12-10T09:00"), TOWN)
                .activity("{\"date\":\"2021-12-04\",\"theme\":\"legal-education\",\"title\":\"举办宪法宣传周活动\"}");

        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(reference), MutableClock.at("2022-01-15T09:00"))) {
            assertTrue(ReportTestSupport.run(jobs, ReportKind.RULE_OF_LAW_ANNUAL, 2021, TODAY)
                    .completed());
        }

        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dbanshi.dynamodb.endpoint=" + LocalDynamo.endpoint(),
                        "-Dbanshi.tablePrefix=" + System.getProperty("banshi.tablePrefix"),
                        "-Dbanshi.batch.pageSize=4",
                        "-Dbanshi.batch.pagesPerCommit=1",
                        "-Dbanshi.batch.chunkPauseMillis=300",
                        "cn.banshi.batch.ReportCli",
                        "--job",
                        "rule-of-law-annual",
                        "--town",
                        TOWN,
                        "--year",
                        "2021",
                        "--data",
                        interrupted.toString(),
                        "--today",
                        TODAY.toString()))
                .redirectErrorStream(true)
                .start();
        long scannedWhenKilled = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = SCANNED.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) >= specs.size() / 3) {
                    scannedWhenKilled = Long.parseLong(m.group(1));
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        assertTrue(
                scannedWhenKilled > 0 && scannedWhenKilled < specs.size(),
                "killed while scanning: " + scannedWhenKilled);
        assertTrue(!Files.exists(
                ReportTestSupport.file(interrupted, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.JSON)));

        ReportJobs.Result resumed;
        try (ReportJobs jobs =
                ReportJobs.open(dynamo, ReportJobs.Settings.of(interrupted), MutableClock.at("2022-02-01T09:00"))) {
            resumed = jobs.run(
                    ReportKind.RULE_OF_LAW_ANNUAL, TOWN, 2021, ReportTestSupport.ALL, null, null, Progress.NONE);
        }
        assertTrue(resumed.completed(), () -> resumed.failures().toString());
        assertTrue(resumed.resumed());
        assertEquals(
                2,
                resumed.run(),
                "the killed run (run 2, after the reference run 1 in the same repository) is resumed");
        assertTrue(resumed.casesReadInThisRun() > 0, "the uncommitted rest is read again");
        assertTrue(
                resumed.casesReadInThisRun() < specs.size(),
                "resumed from the last commits, read " + resumed.casesReadInThisRun() + " of " + specs.size());

        for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.MD, ReportFormat.HTML)) {
            assertArrayEquals(
                    Files.readAllBytes(ReportTestSupport.file(reference, 2021, ReportKind.RULE_OF_LAW_ANNUAL, f)),
                    Files.readAllBytes(ReportTestSupport.file(interrupted, 2021, ReportKind.RULE_OF_LAW_ANNUAL, f)),
                    f.fileName());
        }
        assertArrayEquals(
                documentXml(ReportTestSupport.file(reference, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.DOCX)),
                documentXml(
                        ReportTestSupport.file(interrupted, 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.DOCX)));
    }

    private static byte[] documentXml(Path docx) throws Exception {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            return zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes();
        }
    }
}

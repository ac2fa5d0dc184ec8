package cn.banshi.batch;

import static cn.banshi.batch.CaseSpec.finished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.catalog.CaseType;
import cn.banshi.testkit.LocalDynamo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./banshi report}'s entry point: usage errors, and a run that writes the chosen formats to --out. */
class ReportCliTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenBadArgumentsThenItPrintsUsageAndExits2() {
        Run missing = cli("--town", "gaocheng", "--year", "2021");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("用法 usage: ./banshi report"), missing.err());
        assertEquals(
                2,
                cli("--job", "annual", "--town", "gaocheng", "--year", "2021").code());
        Run format = cli("--job", "ogi-annual", "--town", "gaocheng", "--year", "2021", "--format", "pdf");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown format: pdf"), format.err());
        assertEquals(
                2,
                cli("--job", "ogi-annual", "--town", "gaocheng", "--year", "1999")
                        .code());
        assertEquals(2, cli("--job", "ogi-annual", "--town").code());
        Run unknownTown = cli("--job", "ogi-annual", "--towns", "gaocheng,yixing", "--year", "2021");
        assertEquals(2, unknownTown.code());
        assertTrue(unknownTown.err().contains("unknown town: yixing"), unknownTown.err());
    }

    @Test
    @DisplayName("given cases, when run with --out and --format on the H2 repository, "
            + "only those files are written there")
    void outAndFormatOnTheH2Repository() throws Exception {
        LocalDynamo.freshTables();
        CaseWriter.write(
                LocalDynamo.client(),
                "gaocheng",
                List.of(finished(
                        CaseType.DISPUTE,
                        "dispute-neighbour",
                        "fucun",
                        "2021-05-01T09:00",
                        "2021-05-31",
                        "2021-05-20",
                        "agreement-reached",
                        5)));
        Path out = dir.resolve("out");
        System.setProperty("banshi.dynamodb.endpoint", LocalDynamo.endpoint());
        System.setProperty("banshi.batch.repository", "h2");
        Run run;
        try {
            run = cli(
                    "--job",
                    "rule-of-law-annual",
                    "--town",
                    "gaocheng",
                    "--year",
                    "2021",
                    "--format",
                    "json,md",
                    "--out",
                    out.toString(),
                    "--data",
                    dir.resolve("data").toString(),
                    "--today",
                    "2021-12-16");
        } finally {
            System.clearProperty("banshi.dynamodb.endpoint");
            System.clearProperty("banshi.batch.repository");
        }
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(out.resolve("report.md").toAbsolutePath().toString()), run.out());
        assertTrue(run.err().contains("rule-of-law-annual gaocheng 2021: 完成"), run.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("report.json", "report.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("调结各类矛盾纠纷1起，调解成功率100%"));
        assertTrue(
                Files.exists(dir.resolve("data/batch/jobs.mv.db")),
                "banshi.batch.repository=h2: the embedded repository file");
    }
}

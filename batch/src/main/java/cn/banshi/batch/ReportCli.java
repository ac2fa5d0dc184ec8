package cn.banshi.batch;

import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSetup;
import cn.banshi.store.local.Dynalite;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.batch.core.BatchStatus;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./banshi report --job JOB --town T|all | --towns T1,T2 --year Y [--out DIR] [--format json,md,html,docx]
 * [--data DIR] [--today YYYY-MM-DD]}: runs one report job (resuming an interrupted run) with a progress bar on a
 * terminal, for one town or, as one county run, for several ({@code all}: the deployment's towns, env
 * BANSHI_TOWNS, else every town of the catalog).
 * DynamoDB is BANSHI_DYNAMODB_ENDPOINT (or -Dbanshi.dynamodb.endpoint) when set, otherwise a dynalite started
 * on {@code DATA/dynamodb}. Exit code 0 when every report was written, 1 when the job failed, 2 on bad usage.
 */
public final class ReportCli {
    private static final String USAGE = "用法 usage: ./banshi report --job rule-of-law-annual|ogi-annual|next-year-plan "
            + "--town T|all | --towns T1,T2 --year Y [--out DIR] [--format json,md,html,docx] [--data DIR] [--today YYYY-MM-DD]";

    private ReportCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        quietLibraries();
        ReportKind kind = null;
        List<String> towns = null;
        Integer year = null;
        Path outDir = null;
        Path data = Path.of(".banshi", "data");
        Set<ReportFormat> formats = ReportParameters.formats(ReportParameters.allFormats());
        LocalDate today = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--job" ->
                        kind = ReportKind.find(required(value, "--job"))
                                .orElseThrow(() -> new IllegalArgumentException("未知任务 unknown job: " + value));
                    case "--town" ->
                        towns = "all".equals(required(value, "--town"))
                                ? List.copyOf(DeployedTowns.fromEnvironment(Catalogs.bundled()))
                                : List.of(value);
                    case "--towns" -> towns = ReportParameters.towns(required(value, "--towns"));
                    case "--year" -> year = Integer.parseInt(required(value, "--year"));
                    case "--out" -> outDir = Path.of(required(value, "--out"));
                    case "--data" -> data = Path.of(required(value, "--data"));
                    case "--format" -> formats = ReportParameters.formats(required(value, "--format"));
                    case "--today" -> today = LocalDate.parse(required(value, "--today"));
                    default -> throw new IllegalArgumentException("未知参数 unknown option: " + args[i]);
                }
                i++;
            }
            if (kind == null || towns == null || towns.isEmpty() || year == null) {
                throw new IllegalArgumentException("缺少参数 missing --job, --town (or --towns) or --year");
            }
            for (String town : towns) {
                if (Catalogs.bundled().town(town).isEmpty())
                    throw new IllegalArgumentException("未知乡镇 unknown town: " + town);
            }
            towns = ReportParameters.normalized(towns);
            if (year < 2000 || year > 2100) throw new IllegalArgumentException("年份超出范围 year out of range: " + year);
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }

        Dynalite dynalite = null;
        try {
            String endpoint = DynamoClients.configuredEndpoint();
            if (endpoint == null) {
                dynalite = Dynalite.start(Dynalite.repoRoot(), data.resolve("dynamodb"));
                endpoint = dynalite.endpoint();
            }
            DynamoDbClient dynamo = DynamoClients.forBatchJobs(endpoint, ClientOverrideConfiguration.builder());
            TableSetup.ensureTables(dynamo);
            String label = kind.code() + " " + String.join(",", towns) + " " + year;
            TerminalProgress progress = new TerminalProgress(err, System.console() != null, label);
            ReportJobs.Result result;
            try (ReportJobs jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), Clock.systemUTC())) {
                result = jobs.run(new ReportJobs.Request(kind, towns, year, formats, outDir, today, progress, null));
            }
            progress.finish();
            if (result.resumed()) err.println("已继续上次中断的运行 / resumed the interrupted run " + result.run());
            FileReportStore store = new FileReportStore(data.resolve("reports"));
            for (String town : towns) {
                if (result.townStatus().get(town) != BatchStatus.COMPLETED) continue;
                Path where = outDir == null
                        ? store.directory(town, year, kind)
                        : towns.size() == 1
                                ? outDir.toAbsolutePath()
                                : outDir.toAbsolutePath().resolve(town);
                out.println("报告已生成 / report written: " + where);
                for (ReportFormat f : ReportFormat.values())
                    if (formats.contains(f)) out.println("  " + where.resolve(f.fileName()));
            }
            if (!result.completed()) {
                err.println("报告生成失败 / the job failed (" + result.status() + "):");
                result.townStatus().forEach((town, status) -> {
                    if (status != BatchStatus.COMPLETED) err.println("  " + town + ": " + status);
                });
                for (Throwable t : result.failures()) err.println("  " + rootMessage(t));
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("报告生成失败 / failed: " + rootMessage(e));
            return 1;
        } finally {
            if (dynalite != null) dynalite.close();
        }
    }

    private static String required(String value, String option) {
        if (value == null || value.startsWith("--"))
            throw new IllegalArgumentException(option + " 需要一个值 needs a value");
        return value;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message =
                root.getMessage() != null ? root.getMessage() : root.getClass().getName();
        return root == t ? message : message + " (" + t.getClass().getSimpleName() + ")";
    }

    /** Spring logs through java.util.logging: keep it off the terminal. */
    static void quietLibraries() {
        Logger.getLogger("").setLevel(Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) h.setLevel(Level.WARNING);
        // a failed step is reported by the CLI itself, with its cause, not as a stack trace
        Logger.getLogger("org.springframework").setLevel(Level.OFF);
    }
}

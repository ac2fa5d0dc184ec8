package cn.banshi.local;

import cn.banshi.accounts.CognitoIdentities;
import cn.banshi.accounts.StaffAccount;
import cn.banshi.accounts.StaffManagement;
import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.AppContext;
import cn.banshi.attachments.AttachmentCleanup;
import cn.banshi.attachments.BucketAccess;
import cn.banshi.attachments.UploadsBucket;
import cn.banshi.auth.Role;
import cn.banshi.errors.ApiException;
import cn.banshi.overdue.OverdueSweepHandler;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.migration.PersonalDataMigration;
import cn.banshi.personaldata.migration.ProtectedTables;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSetup;
import cn.banshi.store.Tables;
import cn.banshi.store.local.Dynalite;
import cn.banshi.store.local.LocalS3Clients;
import cn.banshi.store.local.LocalS3Server;
import cn.banshi.upkeep.DailyUpkeepHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code ./banshi token}, {@code ./banshi sweep} and {@code ./banshi user add|reset|disable|enable}. */
public final class Cli {
    private Cli() {}

    public static void main(String[] args) throws Exception {
        // ./banshi user SUBCOMMAND --…: its options start after the subcommand
        Map<String, String> options = (args[0].equals("user") || args[0].equals("personal-data")) && args.length > 1
                ? options(Arrays.copyOfRange(args, 1, args.length))
                : options(args);
        Path data = Path.of(options.getOrDefault("data", ".banshi/data"));
        LocalMain.useDataKeyFile(data);
        switch (args[0]) {
            case "token" -> token(options, data);
            case "sweep" -> sweep(data);
            case "user" -> user(args, data);
            case "personal-data" -> personalData(args, options, data);
            default -> fail("unknown command " + args[0]);
        }
    }

    static void token(Map<String, String> o, Path data) throws Exception {
        String town = o.get("town");
        String role = o.get("role");
        if (town == null || role == null || Role.fromCode(role).isEmpty()) {
            fail(
                    "用法 usage: ./banshi token --town T --role town-admin|village-staff|auditor [--village V] [--sub NAME] [--hours 8]");
        }
        if (role.equals("village-staff") && o.get("village") == null)
            fail("village-staff 需要 --village / needs --village");
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", o.getOrDefault("sub", role + "@" + town));
        claims.put("town", town);
        claims.put("role", role);
        if (o.get("village") != null) claims.put("village", o.get("village"));
        Duration lifetime = Duration.ofHours(Long.parseLong(o.getOrDefault("hours", "8")));
        System.out.println(LocalJwt.forDataDir(data, Clock.systemUTC()).issue(claims, lifetime));
    }

    /** Unattached uploads older than 24 hours (docs/attachments.md), on the local S3 server at {@code endpoint}. */
    private static void sweepOrphanUploads(AppContext app, String endpoint) {
        try (S3Client s3 = LocalS3Clients.client(endpoint)) {
            int removed = new AttachmentCleanup(app.uploadStore(), s3, UploadsBucket.LOCAL_BUCKET, app.clock())
                    .sweepOrphans();
            System.out.println("附件 / uploads: " + removed + " 个未使用的上传已删除 / unattached uploads removed");
        }
    }

    /** The running local S3 server of ./banshi up, or null (then the sweep starts one over the data directory). */
    private static String runningS3(Path data) {
        Path endpointFile = data.resolve("s3.endpoint");
        try {
            if (!Files.exists(endpointFile)) return null;
            String running = Files.readString(endpointFile).strip();
            return answers(running) ? running : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether something listens at the endpoint (a stale s3.endpoint file from a killed gateway does not). */
    private static boolean answers(String endpoint) {
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code ./banshi personal-data migrate [--pages N]}: seals plaintext items (and items under an older key) in
     * place, resumable; {@code rotate}: a new key version for new writes, then {@code migrate} re-encrypts;
     * {@code status}: done or not for the current key version.
     */
    static void personalData(String[] args, Map<String, String> o, Path data) {
        String usage = "用法 usage: ./banshi personal-data migrate|rotate|status [--pages N]";
        if (args.length < 2) fail(usage);
        String running = DynamoClients.configuredEndpoint();
        try (Dynalite dynalite =
                running == null ? Dynalite.start(Dynalite.repoRoot(), data.resolve("dynamodb")) : null) {
            DynamoDbClient dynamo = DynamoClients.forEndpoint(
                    running != null ? running : dynalite.endpoint(), ClientOverrideConfiguration.builder());
            TableSetup.ensureTables(dynamo);
            PersonalDataMigration migration = ProtectedTables.migration(dynamo, Clock.systemUTC());
            switch (args[1]) {
                case "migrate" -> {
                    int pages = Integer.parseInt(o.getOrDefault("pages", Integer.toString(Integer.MAX_VALUE)));
                    for (PersonalDataMigration.Progress p : migration.run(pages)) {
                        System.out.printf(
                                "%s (%s): %d 条已检查 / scanned, %d 条已加密 / sealed, %s%n",
                                p.table(),
                                p.version(),
                                p.scanned(),
                                p.sealed(),
                                p.done() ? "完成 / done" : "未完成，请再次运行 / not done, run again");
                    }
                    if (migration.done() && !PersonalData.shared(dynamo).keys().plaintextRefused(migration.tables())) {
                        long late = migration.verify();
                        System.out.println(
                                late == 0
                                        ? "已核验无明文，此后拒绝读取明文 / verified: no plaintext left, reads refuse it from now on"
                                        : late + " 条迟到的明文已加密，请再次运行 / late plaintext sealed, run again");
                    }
                }
                case "rotate" ->
                    System.out.println("新密钥版本 / new key version: "
                            + PersonalData.shared(dynamo).keys().rotate()
                            + "（请运行 migrate 重新加密旧数据 / run migrate to re-encrypt）");
                case "status" ->
                    System.out.println((migration.done() ? "完成 / done" : "未完成 / not done")
                            + (PersonalData.shared(dynamo).keys().plaintextRefused(migration.tables())
                                    ? "；拒绝读取明文 / plaintext refused"
                                    : "；仍接受明文 / plaintext still accepted"));
                default -> fail(usage);
            }
        }
    }

    static void sweep(Path data) {
        String running = DynamoClients.configuredEndpoint();
        try (Dynalite dynalite =
                running == null ? Dynalite.start(Dynalite.repoRoot(), data.resolve("dynamodb")) : null) {
            String endpoint = running != null ? running : dynalite.endpoint();
            DynamoDbClient dynamo = DynamoClients.forEndpoint(endpoint, ClientOverrideConfiguration.builder());
            TableSetup.ensureTables(dynamo);
            AppContext app = new AppContext(dynamo, Clock.systemUTC());
            String s3 = runningS3(data);
            try (LocalS3Server started = s3 != null
                    ? null
                    : LocalS3Server.start(
                            Dynalite.repoRoot(), data.resolve("s3"), List.of(UploadsBucket.LOCAL_BUCKET), List.of())) {
                String s3Endpoint = s3 != null ? s3 : started.endpoint();
                // the retention erasure deletes the citizen's files there (docs/personal-data.md)
                app.useUploads(BucketAccess.local(UploadsBucket.LOCAL_BUCKET, URI.create(s3Endpoint)), null);
                // the two daily functions in their schedules' order (docs/infra.md "Schedules")
                Map<String, Object> overdue = new OverdueSweepHandler(app).handleRequest(Map.of(), null);
                Map<String, Object> upkeep = new DailyUpkeepHandler(app).handleRequest(Map.of(), null);
                for (String town : app.catalogs().townIds()) {
                    Map<?, ?> done = (Map<?, ?>) upkeep.get(town);
                    System.out.println(town + ": " + overdue.get(town) + " 件新逾期 / newly overdue");
                    System.out.println(town + ": " + done.get("digestMessages") + " 条待办摘要 / digest messages queued");
                    System.out.println(town + ": " + done.get("erased")
                            + " 件保存期满，个人信息已删除 / personal data erased (retention passed)");
                }
                sweepOrphanUploads(app, s3Endpoint);
            }
        }
    }

    /**
     * {@code ./banshi user add --town T --username U --role R [--village V] [--name N] [--phone P] [--email E]},
     * {@code ./banshi user reset|disable|enable --username U}: prints a temporary password (add, reset) once.
     */
    static void user(String[] args, Path data) {
        String usage = "用法 usage: ./banshi user add --town T --username U --role town-admin|village-staff|auditor"
                + " [--village V] [--name 姓名] [--phone P] [--email E] [--aws-stage S --user-pool ID]\n"
                + "           ./banshi user reset|disable|enable --username U [--aws-stage S --user-pool ID]";
        if (args.length < 2) fail(usage);
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        String stage = o.get("aws-stage");
        if (stage != null) {
            // a deployed stage: its tables (default region and credentials) and its user pool, which mails passwords
            if (o.get("user-pool") == null) fail(usage);
            if (System.getenv(Tables.PREFIX_ENV) == null)
                System.setProperty("banshi.tablePrefix", "banshi-" + stage + "-");
        }
        String running = stage != null ? null : DynamoClients.configuredEndpoint();
        try (Dynalite dynalite = stage == null && running == null
                ? Dynalite.start(Dynalite.repoRoot(), data.resolve("dynamodb"))
                : null) {
            DynamoDbClient dynamo = stage != null
                    ? DynamoClients.fromEnvironment()
                    : DynamoClients.forEndpoint(
                            running != null ? running : dynalite.endpoint(), ClientOverrideConfiguration.builder());
            if (stage == null) TableSetup.ensureTables(dynamo);
            AppContext app = new AppContext(dynamo, Clock.systemUTC());
            StaffManagement management = stage == null
                    ? app.staffManagement()
                    : new StaffManagement(
                            app.staffAccounts(),
                            CognitoIdentities.forPool(o.get("user-pool")),
                            app.audit(),
                            app.clock());
            String username = o.get("username");
            if (username == null) fail(usage);
            switch (args[1]) {
                case "add" -> {
                    String town = o.get("town");
                    Role role = Role.fromCode(o.getOrDefault("role", "")).orElse(null);
                    if (town == null
                            || role == null
                            || app.catalogs().town(town).isEmpty()) fail(usage);
                    if (!StaffProfile.isUsername(username)) fail("用户名格式不正确 / bad username: " + username);
                    if (role == Role.VILLAGE_STAFF
                            && app.catalogs()
                                    .town(town)
                                    .orElseThrow()
                                    .village(o.getOrDefault("village", ""))
                                    .isEmpty()) fail("village-staff 需要本镇的 --village / needs --village of the town");
                    var created = management.create(
                            town,
                            username,
                            new StaffProfile(
                                    role,
                                    role == Role.VILLAGE_STAFF ? o.get("village") : null,
                                    o.getOrDefault("name", username),
                                    o.get("phone"),
                                    o.get("email")),
                            null);
                    System.out.println("临时密码 / temporary password: "
                            + created.temporaryPassword().orElseThrow());
                }
                case "reset", "disable", "enable" -> {
                    StaffAccount account = app.staffAccounts().find(username).orElse(null);
                    if (account == null) fail("没有该用户 / no such user: " + username);
                    if (args[1].equals("reset")) {
                        String temporary = app.staffManagement()
                                .resetPassword(account, null)
                                .orElseThrow();
                        app.staffAccounts().clearTotp(username);
                        System.out.println("临时密码 / temporary password: " + temporary
                                + "  （动态验证码已解绑，下次登录重新绑定 / TOTP removed: enrol again at sign-in）");
                    } else {
                        management.setEnabled(account, args[1].equals("enable"), null);
                        System.out.println(
                                username + ": " + (args[1].equals("enable") ? "已启用 / enabled" : "已停用 / disabled"));
                    }
                }
                default -> fail(usage);
            }
        } catch (ApiException e) {
            fail(e.messageZh() + " / " + e.messageEn());
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) fail("bad option " + args[i]);
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}

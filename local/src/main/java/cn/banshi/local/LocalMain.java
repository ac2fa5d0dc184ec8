package cn.banshi.local;

import cn.banshi.accounts.SignInPolicy;
import cn.banshi.accounts.SignInService;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.attachments.BucketAccess;
import cn.banshi.attachments.LocalUploadProcessing;
import cn.banshi.attachments.UploadsBucket;
import cn.banshi.notifications.LocalOutbox;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.reports.FileReportStore;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSetup;
import cn.banshi.store.local.Dynalite;
import cn.banshi.store.local.LocalS3Clients;
import cn.banshi.store.local.LocalS3Server;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./banshi up [--port 8080] [--data DIR]}: dynalite and the local S3 server on disk under DIR, the tables, and the HTTP API
 * with the pages on 127.0.0.1. Ctrl-C stops everything it started.
 */
public final class LocalMain {
    private LocalMain() {}

    public static void main(String[] args) throws Exception {
        int port = 8080;
        boolean demo = true;
        Path data = Path.of(".banshi", "data");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--no-demo" -> demo = false;
                default -> {
                    System.err.println("用法 usage: ./banshi up [--port 8080] [--data DIR] [--no-demo]");
                    System.exit(2);
                }
            }
        }
        Path root = Dynalite.repoRoot();
        useDataKeyFile(data);
        Dynalite dynalite = Dynalite.start(root, data.resolve("dynamodb"));
        DynamoDbClient dynamo = DynamoClients.forEndpoint(dynalite.endpoint(), ClientOverrideConfiguration.builder());
        TableSetup.ensureTables(dynamo);
        // the local S3 API server (attachments' uploads bucket), objects on disk beside the tables; the pages on this
        // gateway's origin may POST uploads to it
        LocalS3Server s3 = LocalS3Server.start(
                root,
                data.resolve("s3"),
                List.of(UploadsBucket.LOCAL_BUCKET),
                List.of("http://127.0.0.1:" + port, "http://localhost:" + port));
        // staff's "generate now" runs in a background thread of this process (the report function in AWS)
        LocalReportRunner reports = new LocalReportRunner(
                DynamoClients.forBatchJobs(dynalite.endpoint(), ClientOverrideConfiguration.builder()),
                data,
                Clock.systemUTC());
        AppContext app =
                new AppContext(dynamo, Clock.systemUTC(), new FileReportStore(data.resolve("reports")), reports);
        // attachments: the uploads bucket on the local S3 server; processing runs in process when a pending upload is
        // looked at (the local server sends no S3 events; docs/attachments.md)
        app.useUploads(
                BucketAccess.local(UploadsBucket.LOCAL_BUCKET, URI.create(s3.endpoint())),
                new LocalUploadProcessing(
                        LocalS3Clients.client(s3.endpoint()), UploadsBucket.LOCAL_BUCKET, app.uploadStore()));
        // verification codes are sent at once, to the same readable outbox as the dispatcher's messages
        app.useSms(new LocalOutbox(LocalDispatch.outboxFile(data), Clock.systemUTC()));
        for (LocalStaff.FirstAdmin admin : LocalStaff.ensureTownAdmins(app)) {
            // printed once: only the Argon2id hash is stored; ./banshi user reset makes a new one
            System.err.printf(
                    "镇管理员 / town admin of %s: 用户名 %s  临时密码 %s  （首次登录须修改密码并绑定动态验证码）%n",
                    admin.town(), admin.username(), admin.temporaryPassword());
        }
        // after the first admins: the demo gives admin.gaocheng the digest's e-mail address
        if (demo) DemoSetup.ensureLoaded(app, data);
        SignInService signIn = LocalStaff.signIn(app, SignInPolicy.DEFAULT);
        LocalJwt jwt = LocalJwt.forDataDir(data, Clock.systemUTC()).checkingSessions(LocalStaff.sessions(signIn));
        List<ApiHandler> handlers = new ArrayList<>(Handlers.create(app));
        handlers.add(new LocalSignInHandler(signIn, jwt, Clock.systemUTC()));
        Path web = root.resolve("web");
        LocalGateway gateway = new LocalGateway(
                        handlers, Clock.systemUTC(), Files.isDirectory(web) ? new StaticFiles(web) : null, jwt, port)
                .start();
        LocalDispatch dispatch = new LocalDispatch(app, data, "http://127.0.0.1:" + gateway.port());
        // so that ./banshi report and ./banshi sweep use this dynalite instead of opening the same files
        Path endpointFile = data.resolve("dynamodb.endpoint");
        Files.writeString(endpointFile, dynalite.endpoint());
        Path s3EndpointFile = data.resolve("s3.endpoint");
        Files.writeString(s3EndpointFile, s3.endpoint());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(endpointFile);
                Files.deleteIfExists(s3EndpointFile);
            } catch (IOException ignored) {
                // a stale file is checked before use
            }
            dispatch.close();
            gateway.close();
            reports.close();
            dynalite.close();
            s3.close();
            stopped.countDown();
        }));
        System.err.printf(
                "banshi 已启动 / running: http://127.0.0.1:%d/  (API: /api/v1, data: %s, DynamoDB: %s, S3: %s)%n",
                gateway.port(), data.toAbsolutePath(), dynalite.endpoint(), s3.endpoint());
        System.err.println("短信和邮件写入 / messages go to: " + dispatch.file().toAbsolutePath() + "（控制台：消息记录）");
        System.err.println("按 Ctrl-C 停止 / Ctrl-C to stop");
        stopped.await();
    }

    /**
     * The raw AES key that wraps the personal-data keys locally: {@code <data>/personal-data.key}, created on first
     * use with mode 600 (docs/personal-data.md); {@code BANSHI_DATA_KEY_FILE} overrides it.
     */
    static void useDataKeyFile(Path data) {
        if (System.getenv(PersonalData.KEY_FILE_ENV) == null && System.getProperty("banshi.dataKeyFile") == null) {
            System.setProperty(
                    "banshi.dataKeyFile", data.resolve("personal-data.key").toString());
        }
    }
}

package cn.banshi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.abuse.ClientLimits;
import cn.banshi.json.Json;
import cn.banshi.personaldata.LocalKeyWrapper;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.local.Dynalite;
import cn.banshi.testkit.atrest.PlaintextScan;
import cn.banshi.testkit.atrest.TablesAtRest;
import cn.banshi.testkit.logscan.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * A stream of submissions through a real {@code ./banshi up} process (LocalMain: dynalite on disk, the local
 * gateway, the handlers) while that process is killed with SIGKILL and started again, three times. Clients do
 * what a phone does: retry with the same Idempotency-Key until they get a receipt. Afterwards every 201 receipt
 * opens its case with its access code, the case is complete (what was sent is what is stored), and the town's
 * case list holds exactly the receipted cases: none lost, none twice, none half there. The dynalite child of a
 * killed process must exit by itself (it watches its stdin), or the restart could not open the data directory.
 */
class KillDurabilityTest {
    static final int KILLS = 3;
    static final int CLIENTS = 3;

    @TempDir
    Path dir;

    final List<Process> started = new ArrayList<>();
    final List<ProcessHandle> children = new ArrayList<>();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final AtomicReference<String> base = new AtomicReference<>();

    record Sent(String key, ObjectNode body) {}

    record Receipt(Sent sent, String trackingNo, String accessCode) {}

    @AfterEach
    void cleanUp() {
        for (Process p : started) p.destroyForcibly();
        for (ProcessHandle h : children) h.destroyForcibly();
    }

    @Test
    void everyReceiptSurvivesSigkillAndRestart() throws Exception {
        Path data = dir.resolve("data");
        Process server = start(data);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger receiptsSinceStart = new AtomicInteger();
        AtomicInteger refusedConnections = new AtomicInteger();
        Map<String, Receipt> receipts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    Sent sent = new Sent("durable-" + client + "-" + i, body(client, i));
                    Receipt r = submitUntilReceipt(sent, refusedConnections);
                    receipts.put(sent.key(), r);
                    receiptsSinceStart.incrementAndGet();
                }
                return null;
            }));
        }
        for (int kill = 0; kill < KILLS; kill++) {
            while (receiptsSinceStart.get() < 12) Thread.sleep(20);
            List<ProcessHandle> node = server.descendants().toList();
            assertFalse(node.isEmpty(), "LocalMain runs dynalite as a child");
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle orphan : node) {
                // dynalite sees its stdin close and exits; otherwise the next start could not open the data
                orphan.onExit().get(30, TimeUnit.SECONDS);
            }
            receiptsSinceStart.set(0);
            server = start(data);
        }
        while (receiptsSinceStart.get() < 12) Thread.sleep(20);
        stop.set(true);
        for (Future<?> f : clients) f.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(refusedConnections.get() > 0, "the kills interrupted the stream");

        String token = LocalJwt.forDataDir(data, Clock.systemUTC())
                .issue(
                        Map.of("sub", "admin@gaocheng", "town", "gaocheng", "role", "town-admin"),
                        Duration.ofMinutes(10));
        Set<String> receipted = new HashSet<>();
        for (Receipt r : receipts.values()) {
            assertTrue(receipted.add(r.trackingNo()), "one case per key: " + r.trackingNo());
            HttpResponse<String> tracked =
                    send(HttpRequest.newBuilder(URI.create(base.get() + "/api/v1/track/" + r.trackingNo()))
                            .header("X-Access-Code", r.accessCode())
                            .GET());
            assertEquals(200, tracked.statusCode(), tracked.body());
            HttpResponse<String> detail =
                    send(HttpRequest.newBuilder(URI.create(base.get() + "/api/v1/admin/cases/" + r.trackingNo()))
                            .header("Authorization", "Bearer " + token)
                            .GET());
            assertEquals(200, detail.statusCode(), detail.body());
            JsonNode view = Json.parse(detail.body());
            ObjectNode sent = r.sent().body();
            assertEquals(sent.get("title").asText(), view.get("title").asText());
            assertEquals(
                    sent.get("description").asText(), view.get("description").asText());
            assertEquals(
                    sent.get("submitter").get("phone").asText(),
                    view.at("/personal/submitter/phone").asText());
            assertEquals(
                    sent.get("submitter").get("name").asText(),
                    view.at("/personal/submitter/name").asText());
            assertEquals(
                    sent.get("location").get("address").asText(),
                    view.at("/personal/location/address").asText());
            assertEquals(1, view.get("history").size());
            assertEquals("submitted", view.get("status").asText());
        }
        assertEquals(receipted, listAll(token), "the town's list holds exactly the receipted cases");
        for (int i = 0; i < started.size(); i++) {
            List<String> leaked = PersonalData.find(Files.readString(dir.resolve("banshi-up-" + i + ".log")));
            assertEquals(List.of(), leaked, "the server's log holds no phone or ID number");
        }
        assertTrue(receipts.size() >= 4 * 12, receipts.size() + " receipts");

        // the raw tables of the data directory (its own dynalite, not the one the class scan reads) hold no personal
        // data in plaintext, read with the directory's key file
        List<ProcessHandle> node = server.descendants().toList();
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle orphan : node) orphan.onExit().get(30, TimeUnit.SECONDS);
        try (Dynalite dynalite = Dynalite.start(Dynalite.repoRoot(), data.resolve("dynamodb"))) {
            PlaintextScan.Result scanned = TablesAtRest.assertClean(
                    DynamoClients.forEndpoint(dynalite.endpoint(), ClientOverrideConfiguration.builder()),
                    "banshi-",
                    LocalKeyWrapper.fromFile(data.resolve("personal-data.key")));
            assertTrue(scanned.names().contains("王小明"), "the sealed values were opened with the key file");
        }
    }

    ObjectNode body(int client, int i) {
        ObjectNode body = Json.object();
        body.put("type", "complaint").put("category", "environment").put("village", "meijiadu");
        body.put("title", "河道有垃圾 " + client + "-" + i);
        body.put("description", "梅家渎村东侧河道漂浮大量生活垃圾，第 " + client + "-" + i + " 次反映。");
        body.putObject("location").put("address", "梅家渎村东河桥边 " + i + " 号");
        body.putObject("submitter")
                .put("name", "王小明")
                .put("phone", String.format("139%d%07d", client, i))
                .put("anonymous", false);
        return body;
    }

    Receipt submitUntilReceipt(Sent sent, AtomicInteger refusedConnections) throws Exception {
        for (int attempt = 0; attempt < 400; attempt++) {
            try {
                HttpResponse<String> r =
                        send(HttpRequest.newBuilder(URI.create(base.get() + "/api/v1/towns/gaocheng/complaints"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", sent.key())
                                .POST(HttpRequest.BodyPublishers.ofString(Json.write(sent.body()))));
                if (r.statusCode() == 201) {
                    JsonNode receipt = Json.parse(r.body());
                    return new Receipt(
                            sent,
                            receipt.get("trackingNo").asText(),
                            receipt.get("accessCode").asText());
                }
                // the only other answers: busy (503) or the same key still held by a killed process (409, Retry-After)
                assertTrue(
                        r.statusCode() == 503
                                || (r.statusCode() == 409 && r.body().contains("IDEMPOTENCY_IN_PROGRESS")),
                        r.statusCode() + " " + r.body());
                assertTrue(r.headers().firstValue("retry-after").isPresent());
            } catch (IOException connection) {
                refusedConnections.incrementAndGet();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no receipt for " + sent.key());
    }

    Set<String> listAll(String token) throws Exception {
        Set<String> all = new HashSet<>();
        String cursor = null;
        do {
            String url = base.get() + "/api/v1/admin/cases?limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .GET());
            assertEquals(200, page.statusCode(), page.body());
            JsonNode body = Json.parse(page.body());
            for (JsonNode item : body.get("items"))
                assertTrue(all.add(item.get("trackingNo").asText()));
            cursor = body.get("nextCursor").isNull()
                    ? null
                    : body.get("nextCursor").asText();
        } while (cursor != null);
        return all;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code ./banshi up --port P --data DIR --no-demo} as the launcher runs it, with this JVM's class path. */
    Process start(Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("banshi-up-" + started.size() + ".log");
        ProcessBuilder launch = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx256m",
                        "-Dbanshi.root=" + Dynalite.repoRoot(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalMain.class.getName(),
                        "--port",
                        Integer.toString(port),
                        "--data",
                        data.toString(),
                        "--no-demo")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // a durability test, not a per-client limit test: its stream from one address must not be rate limited
        launch.environment().put(ClientLimits.LIMITS_ENV, "citizen-writes=1000000,tracking=1000000");
        Process p = launch.start();
        started.add(p);
        String url = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            p.descendants().forEach(children::add);
            try {
                if (send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health"))
                                        .GET())
                                .statusCode()
                        == 200) break;
            } catch (IOException notYet) {
                // still starting
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("banshi up did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        base.set(url);
        return p;
    }
}

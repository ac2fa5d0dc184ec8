package cn.banshi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.abuse.ClientLimits;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.json.Json;
import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 21's flood: one client sends 200 complaints in 10 seconds while another submits normally, through the real
 * local gateway (real HTTP from two loopback addresses, 127.0.0.2 and 127.0.0.3), the real handlers and dynalite.
 * The gateway's clock is a test clock advanced 50 ms per request, so "10 seconds" does not depend on the machine.
 */
class ClientLimitsFloodTest {
    static final String FLOOD_TITLE = "刷屏测试";
    static DynamoDbClient dynamo;
    static MutableClock edge;
    static LocalGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        dynamo = LocalDynamo.freshTables();
        AppContext app = new AppContext(dynamo, Clock.systemUTC());
        edge = new MutableClock(Instant.parse("2026-06-01T02:00:00Z"));
        gateway = new LocalGateway(
                        Handlers.create(app),
                        edge,
                        null,
                        new LocalJwt(new byte[32], Clock.systemUTC()),
                        0,
                        ClientLimits.defaults())
                .start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    record Answer(int status, Map<String, String> headers, JsonNode body) {}

    /** One HTTP/1.1 request over a socket bound to {@code from}: a distinct client address on loopback. */
    static Answer post(String from, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.port()));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(
                    head[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    head[i].substring(colon + 1).strip());
        }
        String body = text.substring(split + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Answer(status, headers, body.isEmpty() ? null : Json.parse(body));
    }

    static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (true) {
            int eol = indexOf(bytes, i);
            int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) return out.toString();
            out.append(new String(bytes, eol + 2, size, StandardCharsets.UTF_8));
            i = eol + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) if (bytes[i] == '\r' && bytes[i + 1] == '\n') return i;
        throw new IllegalStateException("no chunk size line");
    }

    static String complaint(String title, String phone) {
        ObjectNode body = Json.object()
                .put("type", "complaint")
                .put("category", "environment")
                .put("village", "meijiadu")
                .put("title", title)
                .put("description", "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。");
        body.putObject("submitter").put("name", "王小明").put("phone", phone);
        return Json.write(body);
    }

    static long items() {
        long count = 0;
        for (TableSpec table : Tables.all()) {
            for (var page : dynamo.scanPaginator(
                    b -> b.tableName(Tables.physical(table.name())).select("COUNT"))) count += page.count();
        }
        return count;
    }

    @Test
    void aFloodFromOneClientIsCutAtItsLimitWhileAnotherClientSubmitsNormally() throws Exception {
        String path = "/api/v1/towns/gaocheng/complaints";
        // what one accepted submission writes (case, idempotency and anything else), from a third address; after a
        // first one, which also makes the personal-data keys once (issue 18)
        assertEquals(
                201, post("127.0.0.4", path, complaint("首次提交", "13700000001")).status());
        long before = items();
        assertEquals(
                201, post("127.0.0.4", path, complaint("基准提交", "13700000000")).status());
        long perSubmission = items() - before;
        assertTrue(perSubmission >= 1);

        long start = items();
        int limit = ClientLimits.CITIZEN_WRITES.limit();
        List<Integer> flood = new ArrayList<>();
        List<Integer> citizen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Answer a = post("127.0.0.2", path, complaint(FLOOD_TITLE + i, "13900000000"));
            flood.add(a.status());
            if (a.status() == 429) {
                assertEquals("RATE_LIMITED", a.body().at("/error/code").asText());
                assertTrue(a.body().at("/error/message").asText().contains("频繁"));
                int retryAfter = Integer.parseInt(a.headers().get("retry-after"));
                assertTrue(retryAfter >= 1 && retryAfter <= ClientLimits.WINDOW_SECONDS, "Retry-After " + retryAfter);
            }
            if (i % 40 == 20)
                citizen.add(post("127.0.0.3", path, complaint("路灯不亮" + i, "13811112222"))
                        .status());
            edge.advance(Duration.ofMillis(50)); // 200 requests in 10 s
        }
        assertEquals(limit, flood.stream().filter(s -> s == 201).count(), flood.toString());
        assertEquals(200 - limit, flood.stream().filter(s -> s == 429).count());
        assertEquals(List.of(201, 201, 201, 201, 201), citizen, "the other client is not affected");
        assertEquals(
                (limit + citizen.size()) * perSubmission, items() - start, "nothing beyond the limit reached DynamoDB");

        // the window ends: the same address may submit again (Retry-After told the truth)
        edge.advance(Duration.ofSeconds(ClientLimits.WINDOW_SECONDS));
        assertEquals(
                201, post("127.0.0.2", path, complaint("窗口结束后", "13900000000")).status());
    }

    @Test
    void suggestionsWhileTypingHaveTheirOwnLimitPerClient() throws Exception {
        String path = "/api/v1/towns/gaocheng/similar-cases";
        String draft = Json.write(Json.object()
                .put("category", "environment")
                .put("village", "meijiadu")
                .put("text", "梅家渎村东侧河道漂浮大量生活垃圾"));
        int limit = ClientLimits.SUGGESTIONS.limit();
        List<Integer> typing = new ArrayList<>();
        for (int i = 0; i < limit + 5; i++) {
            Answer a = post("127.0.0.5", path, draft);
            typing.add(a.status());
            if (a.status() == 429)
                assertEquals("RATE_LIMITED", a.body().at("/error/code").asText());
            edge.advance(Duration.ofMillis(100));
        }
        assertEquals(limit, typing.stream().filter(s -> s == 200).count(), typing.toString());
        assertEquals(5, typing.stream().filter(s -> s == 429).count());
        assertEquals(200, post("127.0.0.6", path, draft).status(), "another client is not affected");
        edge.advance(Duration.ofSeconds(ClientLimits.WINDOW_SECONDS));
        assertEquals(200, post("127.0.0.5", path, draft).status());
    }
}

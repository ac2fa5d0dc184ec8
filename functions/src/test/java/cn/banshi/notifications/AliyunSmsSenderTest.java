package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alibaba Cloud SMS over real HTTP: a local server plays dysmsapi's endpoint, checks each request's parameters and
 * signature (recomputed here from the documented algorithm with the secret) and answers the documented JSON.
 */
class AliyunSmsSenderTest extends ApiTestSupport {
    static final String KEY_ID = "LTAI5tTestKeyId";
    static final String KEY_SECRET = "test-secret-不外传";
    static final String OK = "{\"Message\":\"OK\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\","
            + "\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}";
    static final String ILLEGAL =
            "{\"Message\":\"invalid mobile number\",\"RequestId\":\"A1\"," + "\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}";
    static final String THROTTLED =
            "{\"Message\":\"触发分钟级流控Permits:1\",\"RequestId\":\"A2\"," + "\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    NotificationFixture n;
    HttpServer server;
    final List<Map<String, String>> requests = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final List<Integer> statuses = new ArrayList<>();
    AliyunSmsSender sender;

    @BeforeEach
    void setUp() throws Exception {
        setUpApp("2021-04-06T09:00");
        n = new NotificationFixture(app, clock, mail, dir);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            Map<String, String> form = new TreeMap<>();
            for (String pair : body.toString(StandardCharsets.US_ASCII).split("&")) {
                int eq = pair.indexOf('=');
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            form.put("_method", exchange.getRequestMethod());
            String answer;
            int status;
            synchronized (requests) {
                requests.add(form);
                answer = answers.isEmpty() ? OK : answers.remove(0);
                status = statuses.isEmpty() ? 200 : statuses.remove(0);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        AliyunSmsSettings settings = new AliyunSmsSettings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                AliyunSmsSettings.templateCodes("received=SMS_465900001, accepted=SMS_465900002"));
        sender = new AliyunSmsSender(
                HttpClient.newHttpClient(), settings, () -> new AliyunCredentials(KEY_ID, KEY_SECRET), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Dispatcher dispatcher() {
        return n.dispatcher(sender, n.smtp, NotificationFixture.SETTINGS);
    }

    /** The documented encoding, written out per character (RFC 3986 unreserved kept, UTF-8 bytes as %XY). */
    static String rfc3986(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0)
                out.append(c);
            else out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    /** Verifies a received request's Signature the way Alibaba's side does. */
    static String expectedSignature(String method, Map<String, String> form, String secret) throws Exception {
        String query = new TreeMap<>(form)
                .entrySet().stream()
                        .filter(e ->
                                !e.getKey().equals("Signature") && !e.getKey().startsWith("_"))
                        .map(e -> rfc3986(e.getKey()) + "=" + rfc3986(e.getValue()))
                        .collect(Collectors.joining("&"));
        String toSign = method + "&" + rfc3986("/") + "&" + rfc3986(query);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDocumentedSignatureExample() {
        // Alibaba's worked example (DescribeRegions, testid / testsecret); the canonical query is encoded once more,
        // so its '&' is %26 and the timestamp's ':' %253A
        Map<String, String> example = Map.of(
                "TimeStamp", "2016-02-23T12:46:24Z",
                "Format", "XML",
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "Version", "2014-05-26",
                "SignatureVersion", "1.0");
        assertEquals(
                "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                        + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                        + "%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                AliyunSignature.stringToSign("GET", example));
        assertEquals("CT9X0VtwR86fNWSnsc6v8YGOjuE=", AliyunSignature.sign("GET", example, "testsecret"));
        assertEquals("a%20b%2A~%E9%95%87", AliyunSignature.percentEncode("a b*~镇"));
    }

    @Test
    void theReceiptIsSentAsTheRegisteredTemplateSignedWithTheSecret() throws Exception {
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        Dispatcher.Report report = dispatcher().run("gaocheng");
        assertEquals(1, report.sent(), report.toString());
        assertEquals(1, requests.size());
        Map<String, String> r = requests.get(0);
        assertEquals("POST", r.get("_method"));
        assertEquals("SendSms", r.get("Action"));
        assertEquals("2017-05-25", r.get("Version"));
        assertEquals("JSON", r.get("Format"));
        assertEquals(KEY_ID, r.get("AccessKeyId"));
        assertEquals("HMAC-SHA1", r.get("SignatureMethod"));
        assertEquals("1.0", r.get("SignatureVersion"));
        assertEquals("2021-04-06T01:00:00Z", r.get("Timestamp"), "UTC, from the injected clock");
        assertEquals("13912345678", r.get("PhoneNumbers"));
        assertEquals("高塍镇人民政府", r.get("SignName"));
        assertEquals("SMS_465900001", r.get("TemplateCode"));
        Message m = app.messages().byCase(no).get(0);
        assertEquals(m.id(), r.get("OutId"), "banshi's message id, for tracing");
        JsonNode param = Json.parse(r.get("TemplateParam"));
        assertEquals(no, param.get("trackingNo").asText());
        assertEquals(2, param.size(), "only the template's variables: " + param);
        assertTrue(param.get("accessCode").asText().length() >= 6, param.toString());
        assertEquals(expectedSignature("POST", r, KEY_SECRET), r.get("Signature"), "the signature verifies");
        assertFalse(
                r.get("Signature").equals(expectedSignature("POST", r, "another-secret")), "and only with the secret");
        assertEquals(MessageState.SENT, m.state());
        assertEquals("aliyun:900619746936498440^0", m.providerId());
        // a second message gets a fresh nonce
        act(no, "accept");
        dispatcher().run("gaocheng");
        assertEquals(2, requests.size());
        assertEquals("SMS_465900002", requests.get(1).get("TemplateCode"));
        assertFalse(requests.get(0).get("SignatureNonce").equals(requests.get(1).get("SignatureNonce")));
    }

    @Test
    void anInvalidNumberFailsForGoodOnTheCase() {
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        answers.add(ILLEGAL);
        Dispatcher.Report report = dispatcher().run("gaocheng");
        assertEquals(1, report.failed());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            dispatcher().run("gaocheng");
        }
        assertEquals(1, requests.size(), "never retried");
        Message m = app.messages().byCase(no).get(0);
        assertEquals(MessageState.FAILED, m.state());
        assertEquals("号码无效（isv.MOBILE_NUMBER_ILLEGAL）", m.error());
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        answers.add(THROTTLED);
        answers.add("<html>502 Bad Gateway</html>");
        statuses.add(200);
        statuses.add(502);
        Dispatcher.Report first = dispatcher().run("gaocheng");
        assertEquals(1, first.deferred(), "flow control: later");
        assertEquals(
                "isv.BUSINESS_LIMIT_CONTROL", app.messages().byCase(no).get(0).error());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, dispatcher().run("gaocheng").deferred(), "a 5xx: later");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, dispatcher().run("gaocheng").sent());
        assertEquals(3, requests.size());
        Message m = app.messages().byCase(no).get(0);
        assertEquals(MessageState.SENT, m.state());
        assertEquals(3, m.attempts());
    }

    @Test
    void answersAndMissingTemplatesAreClassified() {
        assertInstanceOf(SendResult.Sent.class, AliyunSmsSender.result(200, OK));
        assertEquals(
                new SendResult.Failed("短信模板不可用（isv.SMS_TEMPLATE_ILLEGAL）", true),
                AliyunSmsSender.result(200, "{\"Code\":\"isv.SMS_TEMPLATE_ILLEGAL\",\"Message\":\"x\"}"));
        assertEquals(
                new SendResult.Failed("短信签名不可用（isv.SMS_SIGNATURE_ILLEGAL）", true),
                AliyunSmsSender.result(200, "{\"Code\":\"isv.SMS_SIGNATURE_ILLEGAL\",\"Message\":\"x\"}"));
        assertEquals(
                new SendResult.Failed("短信服务拒绝（isv.INVALID_PARAMETERS）", true),
                AliyunSmsSender.result(400, "{\"Code\":\"isv.INVALID_PARAMETERS\",\"Message\":\"x\"}"));
        assertEquals(new SendResult.Failed("阿里云短信 HTTP 503", false), AliyunSmsSender.result(503, ""));
        SendResult unregistered = sender.send(
                new SmsMessage("m1", "13912345678", "高塍镇人民政府", "finished", Map.of("trackingNo", "X"), "text"));
        assertEquals(new SendResult.Failed("短信模板未登记（finished）", true), unregistered);
        assertEquals(0, requests.size(), "nothing is sent without a registered template");
        AtomicInteger reads = new AtomicInteger();
        var once = Senders.once(() -> new AliyunCredentials("id-" + reads.incrementAndGet(), "s"));
        once.get();
        once.get();
        assertEquals(1, reads.get(), "the secret is read once per container");
        assertFalse(new AliyunCredentials(KEY_ID, KEY_SECRET).toString().contains(KEY_SECRET));
    }
}

package cn.banshi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import cn.banshi.reports.FileReportStore;
import cn.banshi.testkit.LocalDynamo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Under {@code ./banshi up}, a town admin's "generate now" (POST /api/v1/admin/reports/{job}) is answered 202 at once
 * and the report is then written by a background thread of the process, through the real gateway, handlers, report
 * jobs and dynalite; the list shows the run going from queued to completed, with the files to download.
 */
class LocalReportRunnerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void givenATownAdminsRequestThenTheReportIsWrittenInTheBackgroundAndListed(@TempDir Path data) throws Exception {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        Clock clock = Clock.systemUTC();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        LocalJwt jwt = new LocalJwt(key, clock);
        try (LocalReportRunner runner = new LocalReportRunner(dynamo, data, clock)) {
            AppContext app = new AppContext(dynamo, clock, new FileReportStore(data.resolve("reports")), runner);
            LocalGateway gateway = new LocalGateway(Handlers.create(app), clock, null, jwt, 0).start();
            try {
                String base = "http://127.0.0.1:" + gateway.port();
                String token = jwt.issue(
                        Map.of("sub", "zhang.san", "town", "gaocheng", "role", "town-admin"), Duration.ofHours(1));
                for (int i = 0; i < 3; i++) {
                    ObjectNode body = Json.object()
                            .put("type", "complaint")
                            .put("category", "environment")
                            .put("village", "meijiadu")
                            .put("title", "河道有垃圾" + i)
                            .put("description", "梅家渎村东侧河道漂浮垃圾。");
                    body.putObject("submitter").put("name", "王小明").put("phone", "13912345678");
                    assertEquals(
                            201,
                            send("POST", base + "/api/v1/towns/gaocheng/complaints", null, Json.write(body))
                                    .statusCode());
                }
                int year = ChinaTime.today(clock).getYear();

                HttpResponse<String> started =
                        send("POST", base + "/api/v1/admin/reports/rule-of-law-annual", token, null);
                assertEquals(202, started.statusCode(), started.body());
                String runId = Json.parse(started.body()).get("runId").asText();
                assertEquals(
                        "/api/v1/admin/reports?year=" + year,
                        started.headers().firstValue("location").orElseThrow());

                JsonNode report = null;
                for (int polls = 0; polls < 600 && report == null; polls++) {
                    JsonNode list = Json.parse(send("GET", base + "/api/v1/admin/reports?year=" + year, token, null)
                            .body());
                    for (JsonNode r : list.get("reports")) {
                        String status = r.at("/run/status").asText();
                        if (r.get("job").asText().equals("rule-of-law-annual")
                                && (status.equals("completed") || status.equals("failed"))) {
                            report = r;
                        }
                    }
                    if (report == null) Thread.sleep(100);
                }
                if (report == null) fail("the run never finished");
                assertEquals("completed", report.at("/run/status").asText(), report.toString());
                assertEquals(runId, report.at("/run/runId").asText());
                assertEquals(4, report.get("files").size(), "json, md, html and docx");
                JsonNode json = Json.parse(send(
                                "GET",
                                base + report.get("files").get(0).get("href").asText(),
                                token,
                                null)
                        .body());
                assertEquals(3, json.at("/cases/received").asLong(), "the three complaints of this year");
            } finally {
                gateway.close();
            }
        }
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

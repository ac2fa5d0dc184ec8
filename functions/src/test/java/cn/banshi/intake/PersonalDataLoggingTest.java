package cn.banshi.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import cn.banshi.tracking.TrackingHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every log line is JSON with a request id, and no submitted phone, ID number or name ever appears. */
class PersonalDataLoggingTest extends ApiTestSupport {
    final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalOut;

    @BeforeEach
    void capture() {
        setUpApp("2021-05-06T11:00");
        originalOut = System.out;
        PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        Log.redirect(sink);
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        Log.redirect(originalOut);
    }

    @Test
    void submissionsTrackingAndErrorsLogNoPersonalData() throws Exception {
        SubmissionHandler submissions = new SubmissionHandler(app);
        ObjectNode complaint = complaint();
        ((ObjectNode) complaint.get("submitter")).put("phone", "13987654321").put("name", "欧阳娜娜");
        var created = json(call(
                submissions,
                Events.post(
                        ComplaintSubmissionApiTest.ROUTE, "/api/v1/towns/gaocheng/complaints", Json.write(complaint))));
        ObjectNode info = infoRequest();
        String idNumber = residentId("19751111", "456");
        ((ObjectNode) info.get("applicant")).put("idNumber", idNumber).put("phone", "13611112222");
        assertEquals(
                201,
                call(
                                submissions,
                                Events.post(
                                        InfoRequestSubmissionApiTest.ROUTE,
                                        "/api/v1/towns/gaocheng/info-requests",
                                        Json.write(info)))
                        .getStatusCode());
        // refused requests: an invalid ID number and an invalid phone are echoed nowhere
        ((ObjectNode) info.get("applicant"))
                .put("idNumber", idNumber.substring(0, 17) + (idNumber.endsWith("1") ? "2" : "1"));
        assertEquals(
                400,
                call(
                                submissions,
                                Events.post(
                                        InfoRequestSubmissionApiTest.ROUTE,
                                        "/api/v1/towns/gaocheng/info-requests",
                                        Json.write(info)))
                        .getStatusCode());
        ((ObjectNode) complaint.get("submitter")).put("phone", "1398765432");
        assertEquals(
                400,
                call(
                                submissions,
                                Events.post(
                                        ComplaintSubmissionApiTest.ROUTE,
                                        "/api/v1/towns/gaocheng/complaints",
                                        Json.write(complaint)))
                        .getStatusCode());
        call(
                new TrackingHandler(app),
                Events.get(
                                "/api/v1/track/{trackingNo}",
                                "/api/v1/track/" + created.get("trackingNo").asText())
                        .header("x-access-code", created.get("accessCode").asText()));

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.lines().count() >= 5, logs);
        int metrics = 0;
        for (String line : logs.lines().toList()) {
            JsonNode record = Json.parse(line);
            if (record.has("_aws")) {
                // CloudWatch Embedded Metric Format: a directive naming the metrics, and each metric's value
                JsonNode directive = record.get("_aws").get("CloudWatchMetrics").get(0);
                assertEquals("banshi", directive.get("Namespace").asText());
                directive
                        .get("Metrics")
                        .forEach(m ->
                                assertTrue(record.get(m.get("Name").asText()).isNumber(), line));
                directive
                        .get("Dimensions")
                        .get(0)
                        .forEach(d -> assertTrue(record.get(d.asText()).isTextual(), line));
                metrics++;
                continue;
            }
            assertTrue(record.has("level") && record.has("message") && record.has("timestamp"), line);
            if (record.get("message").asText().equals("request")) assertTrue(record.has("function_request_id"), line);
        }
        assertEquals(5, metrics, "one metrics line per request");
        for (String secret : new String[] {
            "13987654321",
            "1398765432",
            "欧阳娜娜",
            idNumber,
            idNumber.substring(0, 17),
            "13611112222",
            "李华",
            "87654321",
            created.get("accessCode").asText()
        }) {
            assertFalse(logs.contains(secret), "log contains " + secret);
        }
    }
}

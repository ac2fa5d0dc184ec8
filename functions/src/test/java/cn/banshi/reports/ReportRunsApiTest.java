package cn.banshi.reports;

import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static cn.banshi.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.AppContext;
import cn.banshi.api.Events;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code POST /api/v1/admin/reports/{job}}: a town admin starts a run of the token's town, which is handed to the
 * runner (the report function in AWS) and answered 202 at once; while it is queued or running, a second request
 * is 409; its state shows in the report list; a run that could not be handed over is 503 and blocks nothing.
 */
class ReportRunsApiTest {
    static final String START = "/api/v1/admin/reports/{job}";
    static final String LIST = "/api/v1/admin/reports";

    @TempDir
    Path data;

    final List<ReportRunRequest> handedOver = new ArrayList<>();
    boolean runnerFails;
    MutableClock clock;
    DynamoDbClient dynamo;
    ReportRunsHandler runs;
    ReportsHandler reports;

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.freshTables();
        clock = MutableClock.at("2021-12-20T10:00");
        ReportRunner runner = run -> {
            if (runnerFails) throw new IllegalStateException("Lambda said no");
            handedOver.add(run);
        };
        AppContext app = new AppContext(dynamo, clock, new FileReportStore(data.resolve("reports")), runner);
        runs = new ReportRunsHandler(app);
        reports = new ReportsHandler(app);
    }

    private APIGatewayV2HTTPResponse start(String job, String year, String role) {
        Events e = Events.request("POST", START, "/api/v1/admin/reports/" + job);
        if (year != null) e.query(Map.of("year", year));
        return call(runs, e.claims("zhang.san", "gaocheng", role, role.equals("village-staff") ? "fucun" : null));
    }

    private JsonNode list(String year) {
        return json(call(
                reports,
                Events.get(LIST, LIST).query(Map.of("year", year)).claims("li.si", "gaocheng", "auditor", null)));
    }

    @Test
    @DisplayName("given a town admin, when asking for a report, the run is handed over and 202 points to its status")
    void townAdminStartsARun() {
        APIGatewayV2HTTPResponse r = start("rule-of-law-annual", "2021", "town-admin");
        assertEquals(202, r.getStatusCode(), r.getBody());
        JsonNode body = json(r);
        assertEquals("queued", body.get("status").asText());
        assertEquals(2021, body.get("year").asInt());
        assertEquals("/api/v1/admin/reports?year=2021", body.get("statusHref").asText());
        assertEquals("/api/v1/admin/reports?year=2021", r.getHeaders().get("location"));
        assertEquals(
                List.of(new ReportRunRequest(
                        ReportKind.RULE_OF_LAW_ANNUAL,
                        2021,
                        List.of("gaocheng"),
                        body.get("runId").asText(),
                        "zhang.san")),
                handedOver,
                "the town is the token's, the run id the answer's");

        JsonNode entry = list("2021").get("reports").get(0);
        assertEquals("rule-of-law-annual", entry.get("job").asText());
        assertEquals(0, entry.get("files").size(), "no file yet");
        assertEquals(body.get("runId").asText(), entry.at("/run/runId").asText());
        assertEquals("queued", entry.at("/run/status").asText());
    }

    @Test
    void givenARunQueuedWhenAskedAgainThen409UntilItFinishesOrIsStale() {
        String first =
                json(start("ogi-annual", "2021", "town-admin")).get("runId").asText();
        APIGatewayV2HTTPResponse conflict = start("ogi-annual", "2021", "town-admin");
        assertError(conflict, 409, "REPORT_RUNNING", "job");
        assertEquals(first, json(conflict).at("/error/runId").asText(), "names the run that is going");
        assertEquals("queued", json(conflict).at("/error/status").asText());
        assertEquals(
                202,
                start("rule-of-law-annual", "2021", "town-admin").getStatusCode(),
                "another report is not blocked");
        assertEquals(202, start("ogi-annual", "2020", "town-admin").getStatusCode(), "another year is not blocked");

        // the run reports back as the report function does
        ReportRuns records = new ReportRuns(dynamo);
        String runId = handedOver.get(0).runId();
        assertTrue(records.started("gaocheng", 2021, ReportKind.OGI_ANNUAL, runId, "zhang.san", clock.instant()));
        assertError(start("ogi-annual", "2021", "town-admin"), 409, "REPORT_RUNNING", "job");
        assertEquals(
                "running", list("2021").get("reports").get(1).at("/run/status").asText());
        records.finished(
                "gaocheng", 2021, ReportKind.OGI_ANNUAL, runId, ReportRuns.Status.COMPLETED, null, clock.instant());
        assertEquals(
                "completed",
                list("2021").get("reports").get(1).at("/run/status").asText());
        assertEquals(
                202, start("ogi-annual", "2021", "town-admin").getStatusCode(), "after a completed run, a new one");

        // a queued run that never reported back (its function died) blocks for 30 minutes, then shows as failed
        assertError(start("ogi-annual", "2021", "town-admin"), 409, "REPORT_RUNNING", "job");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(
                "failed", list("2021").get("reports").get(1).at("/run/status").asText());
        assertEquals(202, start("ogi-annual", "2021", "town-admin").getStatusCode());
        // and an older run's late report never overwrites the newer run's record
        records.finished(
                "gaocheng", 2021, ReportKind.OGI_ANNUAL, runId, ReportRuns.Status.FAILED, "old", clock.instant());
        assertEquals(
                "queued", list("2021").get("reports").get(1).at("/run/status").asText());
    }

    @Test
    void givenTheRunnerFailsThen503AndTheRunIsRecordedFailedSoANewRequestMayStartIt() {
        runnerFails = true;
        assertError(start("next-year-plan", "2021", "town-admin"), 503, "SERVICE_UNAVAILABLE", null);
        JsonNode run = list("2021").get("reports").get(0).get("run");
        assertEquals("failed", run.get("status").asText());
        assertFalse(run.get("message").asText().isBlank());
        runnerFails = false;
        assertEquals(202, start("next-year-plan", "2021", "town-admin").getStatusCode());
    }

    @Test
    void givenNoYearThenTheJobsDefaultYearAndOnlyTownAdminsOfAServedTownMayStartARun() {
        clock.set(Instant.parse("2022-01-15T02:00:00Z"));
        assertEquals(
                2021,
                json(start("ogi-annual", null, "town-admin")).get("year").asInt(),
                "disclosure report: the year before");
        assertEquals(
                2022,
                json(start("next-year-plan", null, "town-admin")).get("year").asInt(),
                "plan: the current year");
        assertError(start("rule-of-law-annual", "2021", "auditor"), 403, "FORBIDDEN", "role");
        assertError(start("rule-of-law-annual", "2021", "village-staff"), 403, "FORBIDDEN", "role");
        assertError(start("annual-everything", "2021", "town-admin"), 404, "NOT_FOUND", "job");
        assertError(start("rule-of-law-annual", "2023", "town-admin"), 400, "OUT_OF_RANGE", "year");
        assertError(
                call(
                        runs,
                        Events.request("POST", START, "/api/v1/admin/reports/ogi-annual")
                                .claims("u", "nowhere", "town-admin", null)),
                404,
                "UNKNOWN_TOWN",
                "town");
        assertEquals(2, handedOver.size(), "refused requests hand nothing over");
    }
}

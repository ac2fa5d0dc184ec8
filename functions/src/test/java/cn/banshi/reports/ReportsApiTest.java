package cn.banshi.reports;

import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static cn.banshi.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.AppContext;
import cn.banshi.api.Events;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsApiTest {
    static final String LIST = "/api/v1/admin/reports";
    static final String FILE = "/api/v1/admin/reports/{year}/{job}/{file}";

    @TempDir
    Path data;

    private FileReportStore store;
    private ReportsHandler handler;
    private final byte[] docx = {0x50, 0x4b, 0x03, 0x04, 0, (byte) 0xff, 0x10};

    @BeforeEach
    void setUp() throws Exception {
        store = new FileReportStore(data.resolve("reports"));
        handler = new ReportsHandler(
                new AppContext(LocalDynamo.freshTables(), MutableClock.at("2022-01-15T09:00"), store));
        store.put(
                "gaocheng",
                2021,
                ReportKind.OGI_ANNUAL,
                ReportFormat.JSON,
                "{\"requests\":{}}".getBytes(StandardCharsets.UTF_8));
        store.put("gaocheng", 2021, ReportKind.RULE_OF_LAW_ANNUAL, ReportFormat.DOCX, docx);
        store.put(
                "gaocheng",
                2021,
                ReportKind.RULE_OF_LAW_ANNUAL,
                ReportFormat.MD,
                "# 报告".getBytes(StandardCharsets.UTF_8));
        store.put("gaocheng", 2020, ReportKind.OGI_ANNUAL, ReportFormat.JSON, "{}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(data.resolve("secret.txt"), "not a report");
    }

    private static Events as(Events e, String role) {
        return e.claims("u-1", "gaocheng", role, role.equals("village-staff") ? "fucun" : null);
    }

    private APIGatewayV2HTTPResponse download(String path, String role) {
        String[] parts = path.split("/", -1);
        return call(handler, as(Events.get(FILE, LIST + "/" + parts[0] + "/" + parts[1] + "/" + parts[2]), role));
    }

    @Test
    @DisplayName("given generated reports, when listing a year, each job has its files with links that download")
    void yearListingLinksEachJobsFiles() {
        JsonNode list = json(call(handler, as(Events.get(LIST, LIST).query(Map.of("year", "2021")), "auditor")));
        assertEquals(2021, list.get("year").asInt());
        assertEquals(2, list.get("reports").size());
        JsonNode rule = list.get("reports").get(0);
        assertEquals("rule-of-law-annual", rule.get("job").asText());
        assertEquals("2021年法治政府建设年度报告", rule.get("name").asText());
        assertEquals(2, rule.get("files").size());
        JsonNode docxEntry = rule.get("files").get(1);
        assertEquals("docx", docxEntry.get("format").asText());
        assertEquals(docx.length, docxEntry.get("size").asInt());
        String href = docxEntry.get("href").asText();
        assertEquals("/api/v1/admin/reports/2021/rule-of-law-annual/report.docx", href);

        APIGatewayV2HTTPResponse file = download(href.substring((LIST + "/").length()), "town-admin");
        assertEquals(200, file.getStatusCode(), file.getBody());
        assertTrue(file.getIsBase64Encoded());
        assertArrayEquals(docx, Base64.getDecoder().decode(file.getBody()));
        assertTrue(file.getHeaders().get("content-type").startsWith("application/vnd.openxmlformats"));
        assertEquals(
                "attachment; filename=\"gaocheng-2021-rule-of-law-annual.docx\"",
                file.getHeaders().get("content-disposition"));

        assertEquals(
                1,
                json(call(handler, as(Events.get(LIST, LIST).query(Map.of("year", "2020")), "town-admin")))
                        .get("reports")
                        .size());
    }

    @Test
    void givenPathTricksThenEveryDownloadIs404AndNothingOutsideTheStoreIsRead() {
        assertError(download("2021/rule-of-law-annual/..", "town-admin"), 404, "NOT_FOUND", "file");
        assertError(download("2021/..%2F..%2Fsecret.txt/report.md", "town-admin"), 404, "NOT_FOUND", "job");
        assertError(download("2021/../secret.txt", "town-admin"), 404, "NOT_FOUND", "job");
        assertError(download("2021/rule-of-law-annual/report.md%00.docx", "town-admin"), 404, "NOT_FOUND", "file");
        assertError(download("..%2F..%2F/ogi-annual/report.json", "town-admin"), 400, "INVALID_FORMAT", "year");
        assertError(download("2021/ogi-annual/report.docx", "town-admin"), 404, "NOT_FOUND", "file");
        assertError(download("2021/ogi-annual/report.json", "village-staff"), 403, "FORBIDDEN", "role");
    }

    @Test
    void givenATokenForATownThatIsNotServedThenRefusedBeforeAnyPathIsBuilt() {
        APIGatewayV2HTTPResponse r = call(handler, Events.get(LIST, LIST).claims("u", "../../etc", "town-admin", null));
        assertError(r, 404, "UNKNOWN_TOWN", "town");
    }
}

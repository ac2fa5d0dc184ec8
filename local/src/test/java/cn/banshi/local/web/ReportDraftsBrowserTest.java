package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.AppContext;
import cn.banshi.digest.Sha256;
import cn.banshi.json.Json;
import cn.banshi.local.LocalReportRunner;
import cn.banshi.reports.ReportRunsHandler;
import cn.banshi.testkit.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The disclosure report of 2021 from draft to publication, with real runs of the report job: a paragraph edited
 * in the console, the report regenerated with one more request (the edit stays, its changed figure is flagged),
 * approved, published on the town's public page, then corrected as version 2 with version 1 kept.
 */
class ReportDraftsBrowserTest {
    static final String DRAFT = "/api/v1/admin/report-drafts/2021/ogi-annual";
    static Path data;
    static String previousDataDir;
    static MutableClock clock;
    static LocalReportRunner runner;
    static WebStack stack;
    static Browser browser;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("banshi-drafts-");
        previousDataDir = System.getProperty("banshi.dataDir");
        System.setProperty("banshi.dataDir", data.toString());
        clock = MutableClock.at("2021-06-01T10:00");
        stack = WebStack.start(clock, app -> {
            runner = new LocalReportRunner(app.dynamo(), data, clock);
            return List.of(new ReportRunsHandler(new AppContext(app.dynamo(), clock, app.reports(), runner)));
        });
        browser = Browser.start(stack.base);
        api = new Api(stack.base);
        admin = stack.token("town-admin", null, "zhang.admin");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (runner != null) runner.close();
        if (stack != null) stack.close();
        if (previousDataDir == null) System.clearProperty("banshi.dataDir");
        else System.setProperty("banshi.dataDir", previousDataDir);
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** An information request received on {@code day} of 2021. */
    static void request(String day) {
        clock.set(MutableClock.at(day + "T10:00").instant());
        ObjectNode info = Json.object()
                .put("description", "请公开本镇2021年农村人居环境整治项目的预算和决算。")
                .put("form", "electronic")
                .put("delivery", "online");
        info.putObject("applicant")
                .put("kind", "natural-person")
                .put("name", "李华")
                .put("idType", "resident-id")
                .put("idNumber", "11010519491231002X")
                .put("phone", "0510-87654321");
        api.submit("info-requests", info);
        clock.set(MutableClock.at("2022-01-20T09:00").instant()); // drafting and publishing in January
    }

    /** Runs the disclosure report through the staff route and waits for the run to finish. */
    static void run() throws InterruptedException {
        assertEquals(
                202,
                api.send("POST", "/api/v1/admin/reports/ogi-annual?year=2021", admin, null)
                        .status());
        awaitRun();
    }

    static void awaitRun() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode list = api.send("GET", "/api/v1/admin/reports?year=2021", admin, null)
                    .body();
            for (JsonNode r : list.get("reports")) {
                if (!r.get("job").asText().equals("ogi-annual") || !r.has("run")) continue;
                String status = r.get("run").get("status").asText();
                if (status.equals("completed")) return;
                assertFalse(status.equals("failed"), r.toString());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the run did not finish");
    }

    static JsonNode draft() {
        Api.Answer answer = api.send("GET", DRAFT, admin, null);
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        return answer.body();
    }

    static JsonNode block(JsonNode draft, String id) {
        for (JsonNode b : draft.get("blocks")) if (b.get("id").asText().equals(id)) return b;
        throw new AssertionError("no block " + id);
    }

    void signIn(String hash) {
        browser.signInWithToken(admin, hash);
    }

    void edit(String id, String text) {
        browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-edit='" + id + "']")))
                .click();
        browser.type("[data-editor='" + id + "']", text);
        browser.find("[data-save='" + id + "']").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-block='" + id + "'] .draft-text"), text));
    }

    @Test
    void editRegenerateApprovePublishAndCorrect() throws Exception {
        request("2021-03-02");
        request("2021-05-11");
        run();
        JsonNode before = draft();
        request("2021-06-15");
        run();
        JsonNode after = draft();
        // a paragraph whose figures move with the requests, and one that does not
        String figures = null;
        String steady = null;
        for (JsonNode b : after.get("blocks")) {
            if (!b.get("kind").asText().equals("para")) continue;
            String was = block(before, b.get("id").asText()).get("text").asText();
            if (!was.equals(b.get("text").asText()) && figures == null)
                figures = b.get("id").asText();
            if (was.equals(b.get("text").asText()) && steady == null)
                steady = b.get("id").asText();
        }
        assertNotNull(figures, "a paragraph states the number of requests");
        assertNotNull(steady);

        signIn("#/reports?year=2021");
        browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-draft='ogi-annual']")))
                .click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-blocks")));
        String mine = "（经核对）" + block(after, figures).get("text").asText();
        edit(figures, mine);
        edit(steady, "（法制办修改）" + block(after, steady).get("text").asText());
        WebElement edited = browser.find("[data-block='" + figures + "']");
        assertTrue(edited.getText().contains("已修改（zhang.admin"), edited.getText());
        browser.screenshot("report-draft-edited");

        // one more request, regenerated from the console: the edit stays, its changed figure is flagged
        request("2021-09-20");
        browser.find("#draft-regenerate").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(300), Duration.ofMillis(200))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-flag='" + figures + "']")));
        assertEquals(
                mine, browser.find("[data-block='" + figures + "'] .draft-text").getText(), "the edit stays");
        assertTrue(browser.find("[data-flag='" + figures + "']").getText().contains("数据已变化"));
        assertTrue(browser.findAll("[data-flag='" + steady + "']").isEmpty(), "its figures did not change");
        assertFalse(browser.find("#draft-approve").isEnabled(), "approval waits for the review");
        browser.screenshot("report-draft-flagged");

        String reviewed = "（经核对）" + block(draft(), figures).get("generated").asText();
        edit(figures, reviewed);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-flag]")));
        browser.until(ExpectedConditions.elementToBeClickable(By.id("draft-approve")))
                .click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-form")));
        browser.find("#draft-publish").click();
        browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#publications li[data-version='1']")));

        // the public page, without signing in
        browser.js("sessionStorage.clear()");
        browser.open("/reports.html");
        WebElement v1 = browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-report='2021/ogi-annual/1']")));
        assertTrue(v1.getText().contains("落款日期 2022年1月20日"), v1.getText());
        browser.screenshot("public-reports");
        v1.findElement(By.cssSelector("a[data-format='html']")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        String page = browser.find("body").getText();
        assertTrue(page.contains(reviewed), "the reviewed text is published");
        assertTrue(page.contains("2022年1月20日"), "signed on the publication day");
        assertAccessibleStructure();
        String v1Url = browser.driver.getCurrentUrl();
        byte[] v1Html = fetch(v1Url);

        // a correction: version 2, which says so; version 1 stays as it was
        signIn("#/draft?year=2021&job=ogi-annual");
        edit(steady, "（更正）" + block(after, steady).get("text").asText());
        browser.until(ExpectedConditions.elementToBeClickable(By.id("draft-approve")))
                .click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("correction")));
        browser.type("#correction", "更正总体情况的表述");
        browser.find("#draft-publish").click();
        browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#publications li[data-version='2']")));
        assertEquals(1, browser.findAll("#publications li[data-version='1']").size());

        browser.open("/reports.html");
        WebElement v2 = browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-report='2021/ogi-annual/2']")));
        assertTrue(v2.getText().contains("第 2 版") && v2.getText().contains("更正总体情况的表述"), v2.getText());
        assertEquals(1, browser.findAll("li[data-report='2021/ogi-annual/1']").size(), "version 1 is kept");
        assertEquals(Sha256.hex(v1Html), Sha256.hex(fetch(v1Url)));
        JsonNode listed =
                api.send("GET", "/api/v1/towns/gaocheng/reports", null, null).body();
        for (JsonNode r : listed.get("reports")) {
            for (JsonNode f : r.get("files")) {
                if (r.get("version").asInt() == 1 && f.get("format").asText().equals("html"))
                    assertEquals(f.get("sha256").asText(), Sha256.hex(v1Html), "frozen");
            }
        }
        v2.findElement(By.cssSelector("a[data-format='html']")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertTrue(browser.find("body").getText().contains("本报告为第2版"));
        assertTrue(browser.find("body").getText().contains("更正总体情况的表述"));
        assertAccessibleStructure();

        // the public page on a phone: nothing wider than the screen
        browser.phone();
        browser.open("/reports.html");
        browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-report='2021/ogi-annual/2']")));
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("public-reports-phone");
        browser.desktop();

        // LibreOffice still converts the published Word document
        String docx = null;
        for (JsonNode r : listed.get("reports"))
            for (JsonNode f : r.get("files"))
                if (f.get("format").asText().equals("docx"))
                    docx = f.get("href").asText();
        Path file = data.resolve("published.docx");
        Files.write(file, fetch(stack.base + docx));
        assertLibreOfficeConverts(file);
    }

    /** One h1; heading levels that never skip; every header cell a th with a scope; every table named, with headers. */
    void assertAccessibleStructure() {
        assertEquals("zh-CN", browser.js("return document.documentElement.lang"));
        assertEquals(1L, browser.js("return document.querySelectorAll('h1').length"));
        assertEquals(
                List.of(),
                browser.js("const out = []; let last = 1;"
                        + "for (const h of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {"
                        + " const l = Number(h.tagName[1]); if (l > last + 1) out.push(h.textContent); last = l; }"
                        + "return out;"),
                "heading levels never skip");
        assertEquals(
                List.of(),
                browser.js("return [...document.querySelectorAll('th')]"
                        + ".filter(th => !['col','colgroup','row','rowgroup'].includes(th.getAttribute('scope')))"
                        + ".map(th => th.textContent)"),
                "every th has a scope");
        assertEquals(
                0L,
                browser.js("return [...document.querySelectorAll('table')]"
                        + ".filter(t => !t.querySelector('th[scope=col], th[scope=colgroup]') || !(t.querySelector('caption')"
                        + " || document.getElementById(t.getAttribute('aria-labelledby') || '-'))).length"),
                "every table has a name (caption or its section's heading) and column headers");
        assertTrue((Long) browser.js("return document.querySelectorAll('table').length") > 0, "the statutory tables");
    }

    static byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    static void assertLibreOfficeConverts(Path docx) throws Exception {
        Path out = data.resolve("pdf");
        Files.createDirectories(out);
        Process soffice = new ProcessBuilder(
                        "soffice",
                        "-env:UserInstallation=" + data.resolve("lo-profile").toUri(),
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        out.toString(),
                        docx.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(soffice.waitFor(180, TimeUnit.SECONDS), "soffice finished");
        assertEquals(0, soffice.exitValue(), output);
        byte[] pdf = Files.readAllBytes(out.resolve("published.pdf"));
        assertTrue(pdf.length > 5000 && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF");
    }
}

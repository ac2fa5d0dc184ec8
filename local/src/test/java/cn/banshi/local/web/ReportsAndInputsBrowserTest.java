package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The console's 年度报告 and 年度资料 pages against the report store and the staff-input API. */
class ReportsAndInputsBrowserTest {
    static Path data;
    static String previousDataDir;
    static WebStack stack;
    static Browser browser;
    static final int YEAR = LocalDate.now(Clock.system(ChinaTime.ZONE)).getYear();

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("banshi-reports-");
        previousDataDir = System.getProperty("banshi.dataDir");
        System.setProperty("banshi.dataDir", data.toString()); // the local report store: DIR/reports/TOWN/YEAR/JOB/
        stack = WebStack.start();
        browser = Browser.start(stack.base);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (stack != null) stack.close();
        if (previousDataDir == null) System.clearProperty("banshi.dataDir");
        else System.setProperty("banshi.dataDir", previousDataDir);
    }

    @BeforeEach
    void freshSession() {
        browser.desktop();
        browser.open("/admin/");
        browser.js("sessionStorage.clear()");
        browser.consoleErrors();
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    void signIn(String token, String hash) {
        browser.signInWithToken(token, hash);
    }

    @Test
    void aTownAdminRecordsTheYearsActivitiesPlanAndDisclosureFigures() {
        signIn(stack.token("town-admin", null, "zhang.admin"), "#/inputs?year=" + YEAR);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("activity-form")));

        // A refused activity: the error sits at the title, what was typed stays.
        new Select(browser.find("#act-theme")).selectByValue("legal-education");
        browser.type("#act-place", "梅家渎村文化礼堂");
        browser.find("#activity-submit").click();
        WebElement error = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#activity-form [data-field='title'] .field-error")));
        assertTrue(error.getText().contains("缺少必填项"), error.getText());
        assertEquals("梅家渎村文化礼堂", browser.find("#act-place").getAttribute("value"));

        browser.type("#act-title", "宪法宣传周进村入户");
        browser.type("#act-participants", "镇司法所、梅家渎村两委");
        browser.find("#activity-submit").click();
        WebElement activities = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("activities-table")));
        assertTrue(activities.getText().contains("宪法宣传周进村入户"));
        assertTrue(activities.getText().contains("普法宣传教育"));

        browser.type("#plan-title-input", "开展“八五”普法中期评估");
        browser.type("#plan-owner", "司法所");
        browser.find("#plan-submit").click();
        WebElement plan = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-table")));
        assertTrue(plan.getText().contains("开展“八五”普法中期评估"));
        WebElement status = browser.find("#plan-table select[data-plan-status]");
        new Select(status).selectByValue("done");
        browser.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#plan-items > .form-alert"), "已完成"));

        browser.find("#fig-proactive-rules-issued").clear();
        browser.find("#fig-proactive-rules-issued").sendKeys("2");
        browser.find("#fig-reviewLitigation-review-upheld").clear();
        browser.find("#fig-reviewLitigation-review-upheld").sendKeys("2");
        browser.find("#fig-reviewLitigation-review-corrected").clear();
        browser.find("#fig-reviewLitigation-review-corrected").sendKeys("1");
        assertEquals("3", browser.find("[data-total='review']").getText(), "the total adds up as you type");
        browser.find("#fig-proactive-feeAmount").clear();
        browser.find("#fig-proactive-feeAmount").sendKeys("-1");
        browser.find("#disclosure-submit").click();
        WebElement feeError = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='proactive.feeAmount'] .field-error")));
        assertTrue(feeError.getText().contains("超出范围"), feeError.getText());
        browser.find("#fig-proactive-feeAmount").clear();
        browser.find("#fig-proactive-feeAmount").sendKeys("1.5");
        browser.find("#disclosure-submit").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#disclosure-form > .form-alert"), "已保存"));
        browser.screenshot("admin-inputs");

        browser.driver.navigate().refresh();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("disclosure-form")));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-table")));
        assertEquals("2", browser.find("#fig-proactive-rules-issued").getAttribute("value"));
        assertEquals("1.5", browser.find("#fig-proactive-feeAmount").getAttribute("value"));
        assertEquals(
                "done", browser.find("#plan-table select[data-plan-status]").getAttribute("value"));
    }

    @Test
    void aTownAdminEntersSectionThreesLeadersCommitteeAndMeetings() {
        signIn(stack.token("town-admin", null, "zhang.admin"), "#/inputs?year=" + YEAR);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("duty-form")));
        browser.type("#duty-leaders", "镇党委书记 王建华\n党委副书记、镇长 陈立新");
        browser.type("#duty-committee-name", "高塍镇全面依法治镇委员会");
        browser.type("#duty-committee-chair", "镇党委书记 王建华");
        browser.type("#duty-committee-viceChairs", "党委副书记、镇长 陈立新");
        browser.type("#duty-committee-officeHead", "政法委员 刘振东");
        browser.type("#duty-meetings", YEAR + "-05-06｜召开全面依法治镇委员会第一次会议｜委员会主任王建华｜审议通过法治建设规划");
        browser.find("#duty-submit").click();
        browser.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#duty-form > .form-alert"), "已保存"));

        browser.driver.navigate().refresh();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("duty-form")));
        assertEquals("镇党委书记 王建华\n党委副书记、镇长 陈立新", browser.find("#duty-leaders").getAttribute("value"));
        assertEquals("政法委员 刘振东", browser.find("#duty-committee-officeHead").getAttribute("value"));
        assertTrue(browser.find("#duty-meetings").getAttribute("value").startsWith(YEAR + "-05-06｜召开全面依法治镇委员会第一次会议｜"));
    }

    @Test
    void anAuditorReadsTheInputsButCannotChangeThem() {
        signIn(stack.token("auditor", null, "zhao.audit"), "#/inputs?year=" + YEAR);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("disclosure-form")));
        assertTrue(
                browser.findAll("#activity-form, #plan-form, #disclosure-submit")
                        .isEmpty(),
                "no forms to change anything");
        assertFalse(browser.find("#fig-proactive-rules-issued").isEnabled(), "the figures are read-only");
    }

    @Test
    void aVillageClerkHasNoReportPages() {
        signIn(stack.token("village-staff", "meijiadu", "wang.clerk"), "#/cases");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases-table, #no-cases")));
        assertFalse(browser.find("#console-nav a[data-nav='reports']").isDisplayed());
        assertFalse(browser.find("#console-nav a[data-nav='inputs']").isDisplayed());
        browser.open("/admin/#/reports");
        assertTrue(browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reports-unavailable")))
                .getText()
                .contains("无权"));
    }

    @Test
    void reportsAreListedReadInThePageWithoutTheirScriptsAndDownloaded() throws Exception {
        Path dir = data.resolve("reports/gaocheng/2021/rule-of-law-annual");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.html"), """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报告</title>
                <style>body { color: rgb(17, 17, 17); } h1 { color: rgb(200, 16, 46); } .lead { font-weight: 700; }</style></head>
                <body><h1>高塍镇2021年法治政府建设年度报告</h1>
                <p class="lead" onclick="window.__xss=3" style="padding-left:2em;background-image:url(https://example.com/x.png)">一、主要举措和成效</p>
                <script>window.__xss = 1</script><img src="x" onerror="window.__xss=2"><a href="javascript:alert(1)">链接</a></body></html>
                """, StandardCharsets.UTF_8);
        byte[] docx = {'P', 'K', 3, 4, 1, 2, 3};
        Files.write(dir.resolve("report.docx"), docx);
        Files.writeString(dir.resolve("report.json"), "{\"year\":2021}");

        signIn(stack.token("town-admin", null, "zhang.admin"), "#/reports?year=2021");
        WebElement card = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article[data-job='rule-of-law-annual']")));
        assertTrue(card.getText().contains("2021年法治政府建设年度报告"), card.getText());

        card.findElement(By.cssSelector("[data-open='rule-of-law-annual']")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("report-content")));
        String heading = (String) browser.js(
                "return document.querySelector('#report-content').shadowRoot.querySelector('h1').textContent");
        assertEquals("高塍镇2021年法治政府建设年度报告", heading);
        assertEquals(
                "rgb(200, 16, 46)",
                browser.js(
                        "return getComputedStyle(document.querySelector('#report-content').shadowRoot.querySelector('h1')).color"),
                "the report's own styles apply inside the viewer");
        assertEquals(
                "rgb(17, 17, 17)",
                browser.js(
                        "return getComputedStyle(document.querySelector('#report-content').shadowRoot.querySelector('.report-body')).color"),
                "the report's body style applies to the viewer's page");
        assertEquals(
                List.of("32px", "none"),
                browser.js(
                        "const p = document.querySelector('#report-content').shadowRoot"
                                + ".querySelector('.lead'); return [getComputedStyle(p).paddingLeft, getComputedStyle(p).backgroundImage]"),
                "indentation kept, anything loading from outside dropped");
        assertEquals(
                0L,
                browser.js(
                        "return document.querySelector('#report-content').shadowRoot.querySelectorAll('script, img[src], [onclick], [onerror], a[href]').length"));
        assertNull(browser.js("return window.__xss === undefined ? null : window.__xss"));
        browser.screenshot("admin-report-viewer");

        card.findElement(By.cssSelector("[data-download='rule-of-law-annual.docx']"))
                .click();
        Path downloaded = browser.until(d -> browser.downloaded(".docx"));
        assertArrayEquals(docx, Files.readAllBytes(downloaded));
        assertEquals(
                "gaocheng-2021-rule-of-law-annual.docx",
                downloaded.getFileName().toString());

        browser.open("/admin/#/reports?year=2020");
        assertTrue(browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-reports")))
                .getText()
                .contains("尚未生成"));
    }
}

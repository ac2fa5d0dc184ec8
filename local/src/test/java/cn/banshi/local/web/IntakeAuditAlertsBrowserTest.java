package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's 代录 (staff intake), 逾期提醒 (the sweep's alerts) and 审计日志 pages in headless Chromium at 375 px,
 * against the real stack: what the pages enter is read back through the API, the sweep runs for real.
 */
class IntakeAuditAlertsBrowserTest extends OnWebStack {
    static String admin;
    static String clerk;
    static String auditor;

    @BeforeAll
    static void given() throws Exception {
        admin = stack.token("town-admin", null, "zhang.admin");
        clerk = stack.token("village-staff", "meijiadu", "wang.clerk");
        auditor = stack.token("auditor", null, "zhao.audit");
    }

    @BeforeEach
    void freshSession() {
        browser.phone();
        browser.open("/admin/");
        browser.js("sessionStorage.clear()");
        browser.consoleErrors();
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Signs in with a staff token (as the console keeps it in the session) and lands on {@code hash}. */
    void signIn(String token, String hash) {
        browser.signInWithToken(token, hash);
        browser.until(d -> d.findElement(By.tagName("main")).getAttribute("data-rendered") != null);
    }

    void open(String hash) {
        String before = browser.find("main").getAttribute("data-rendered");
        browser.open("/admin/" + hash);
        browser.until(d -> {
            String now = d.findElement(By.tagName("main")).getAttribute("data-rendered");
            return now != null && !now.equals(before);
        });
    }

    void rerender(Runnable action) {
        String before = browser.find("main").getAttribute("data-rendered");
        action.run();
        browser.until(d -> {
            String now = d.findElement(By.tagName("main")).getAttribute("data-rendered");
            return now != null && !now.equals(before);
        });
    }

    void setDate(String css, String isoDate) {
        browser.js(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
                browser.find(css),
                isoDate);
    }

    void choose(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    /** Submits the intake form and waits for the receipt or a field error. */
    void submitIntake() {
        browser.find("#intake-submit").click();
        browser.until(d -> d.findElement(By.id("intake-done")).isDisplayed()
                || !d.findElements(By.cssSelector("#intake-form .form-alert:not([hidden])"))
                        .isEmpty());
    }

    static LocalDate today() {
        return LocalDate.now(Clock.system(ChinaTime.ZONE));
    }

    @Test
    void aPhoneCallAndALetterAreEnteredOnAPhoneWithTheirRealDateOfReceipt() {
        signIn(admin, "#/intake");
        assertTrue(browser.find("#intake-form").isDisplayed());
        LocalDate receivedOn = today().minusDays(40);

        // a phone call: a clear error next to the missing title, nothing typed is lost
        choose("#intake-channel", "phone");
        setDate("#intake-received-on", receivedOn.toString());
        choose("#intake-type", "complaint");
        choose("#intake-category", "roads-traffic");
        choose("#intake-village", "meijiadu");
        browser.type("#intake-description", "来电反映：梅家渎村口路灯坏了一个月，夜间行走不便。");
        browser.type("#intake-name", "赵六");
        browser.type("#intake-phone", "13611112222");
        submitIntake();
        WebElement titleError = browser.find("[data-field='title'] .field-error");
        assertTrue(titleError.getText().contains("必填") || !titleError.getText().isBlank(), titleError.getText());
        assertEquals("13611112222", browser.find("#intake-phone").getAttribute("value"));
        assertFalse(browser.overflowsHorizontally(), "usable at 375 px");
        assertEquals(List.of(), browser.unlabelledControls());
        browser.screenshot("admin-intake-error-375");

        browser.type("#intake-title", "梅家渎村口路灯不亮");
        submitIntake();
        String trackingNo = browser.find("#intake-tracking-no").getText();
        assertFalse(browser.find("#intake-access-code").getText().isBlank());
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("admin-intake-receipt-375");
        JsonNode entered = api.detail(admin, trackingNo);
        assertEquals("phone", entered.get("channel").asText());
        assertEquals(receivedOn.toString(), entered.get("receivedOn").asText());
        assertEquals("梅家渎村口路灯不亮", entered.get("title").asText());
        assertEquals("meijiadu", entered.get("village").asText());
        assertTrue(entered.get("overdue").asBoolean(), "40 days ago: past its deadline");

        // a letter asking for government information, sent back by post: the address is then required
        browser.find("#intake-again").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-form")));
        choose("#intake-channel", "post");
        setDate("#intake-received-on", today().minusDays(2).toString());
        browser.find("#intake-kind-info").click();
        choose("#intake-applicant-kind", "natural-person");
        choose("#intake-id-type", "resident-id");
        browser.type("#intake-id-number", "11010519491231002X");
        browser.type("#intake-applicant-name", "李华");
        browser.type("#intake-applicant-phone", "13800138000");
        browser.type("#intake-info-description", "请公开本镇2021年农村人居环境整治项目的预算和决算");
        browser.find("#intake-form-paper").click();
        browser.find("#intake-delivery-post").click();
        submitIntake();
        assertTrue(
                browser.find("[data-field='applicant.address'] .field-error").isDisplayed(),
                "delivery by post needs the address, shown next to it");
        browser.type("#intake-applicant-address", "江苏省宜兴市高塍镇红星路1号");
        submitIntake();
        String letter = browser.find("#intake-tracking-no").getText();
        JsonNode info = api.detail(admin, letter);
        assertEquals("info-request", info.get("type").asText());
        assertEquals("post", info.get("channel").asText());
        assertEquals(today().minusDays(2).toString(), info.get("receivedOn").asText());

        // the receipt leads to the case
        rerender(() -> browser.find("#intake-open-case").click());
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-title")));
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/case/" + letter));
    }

    @Test
    void theSweepsAlertsAreListedAndLeadToTheCase() {
        String late = api.enter(
                        admin, "hongxing", "红星社区积水点", today().minusDays(60).toString())
                .get("trackingNo")
                .asText();
        String clerksLate = api.enter(
                        admin, "meijiadu", "梅家渎桥面破损", today().minusDays(60).toString())
                .get("trackingNo")
                .asText();
        String fresh = api.enter(admin, "hongxing", "红星社区新井盖松动", today().toString())
                .get("trackingNo")
                .asText();
        stack.app.sweep().sweep("gaocheng");

        signIn(admin, "#/alerts");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts-table, #alerts-empty")));
        Set<String> listed = rows("#alerts-table tbody tr");
        assertTrue(listed.containsAll(Set.of(late, clerksLate)), listed.toString());
        assertFalse(listed.contains(fresh), "a case within its deadline raises no alert");
        WebElement row = browser.find("#alerts-table tr[data-tracking-no='" + late + "']");
        assertTrue(row.getText().contains("红星社区积水点") && row.getText().contains("已逾期"), row.getText());
        assertFalse(browser.overflowsHorizontally(), "the table scrolls inside its frame at 375 px");
        browser.screenshot("admin-alerts-375");
        rerender(() -> row.findElement(By.cssSelector("a")).click());
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-title")));
        assertEquals("红星社区积水点", browser.find("#case-title").getText());

        // a village clerk sees only her village's alerts
        browser.js("sessionStorage.clear()");
        signIn(clerk, "#/alerts");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts-table, #alerts-empty")));
        Set<String> clerks = rows("#alerts-table tbody tr");
        assertTrue(clerks.contains(clerksLate), clerks.toString());
        assertFalse(clerks.contains(late), "another village's alert");
    }

    @Test
    void aTownAdminFiltersAndPagesTheAuditLogOthersCannotOpenIt() {
        String no = api.enter(admin, "meijiadu", "梅家渎垃圾清运不及时", today().toString())
                .get("trackingNo")
                .asText();
        for (int i = 0; i < 35; i++) api.detail(admin, no); // 35 audited views of personal data
        api.detail(clerk, no);

        signIn(admin, "#/audit");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-table")));
        assertEquals(30, browser.findAll("#audit-table tbody tr").size());
        assertFalse(browser.overflowsHorizontally());
        assertEquals(List.of(), browser.unlabelledControls());
        browser.screenshot("admin-audit-375");

        // pages: forward, back
        String firstPageTop = browser.find("#audit-table tbody tr").getText();
        rerender(() -> browser.find("#audit-next").click());
        assertTrue(browser.findAll("#audit-table tbody tr").size() >= 1);
        assertFalse(browser.find("#audit-prev").getAttribute("disabled") != null);
        rerender(() -> browser.find("#audit-prev").click());
        assertEquals(firstPageTop, browser.find("#audit-table tbody tr").getText());

        // the case's entries by the clerk: one view (on a phone the filters start folded)
        assertTrue(browser.find("#audit-filters details").getAttribute("open") == null);
        browser.find("#audit-filters summary").click();
        browser.type("#a-trackingNo", no);
        browser.type("#a-sub", "wang.clerk");
        rerender(() -> browser.find("#audit-apply").click());
        List<WebElement> clerkRows = browser.findAll("#audit-table tbody tr");
        assertEquals(1, clerkRows.size());
        assertEquals("view-personal-data", clerkRows.get(0).getAttribute("data-event"));
        assertTrue(clerkRows.get(0).getText().contains("wang.clerk"));

        // the case's entry by event: entered by staff
        browser.type("#a-sub", "");
        choose("#a-event", "enter-case");
        rerender(() -> browser.find("#audit-apply").click());
        List<WebElement> entered = browser.findAll("#audit-table tbody tr");
        assertEquals(1, entered.size());
        assertTrue(entered.get(0).getText().contains("代录事项")
                && entered.get(0).getText().contains("phone"));
        assertFalse(browser.find("#audit-list").getText().contains("赵六"), "no personal data in the log");

        // a bad filter is answered next to the field
        browser.type("#a-trackingNo", "不是编号");
        rerender(() -> browser.find("#audit-apply").click());
        assertTrue(browser.find("[data-field='trackingNo'] .field-error").isDisplayed());

        // village staff and auditors: no link, and the page says why
        for (String token : List.of(clerk, auditor)) {
            browser.js("sessionStorage.clear()");
            signIn(token, "#/audit");
            assertFalse(browser.find("[data-nav='audit']").isDisplayed());
            assertTrue(browser.find("#audit-forbidden").isDisplayed());
        }
        assertFalse(browser.find("[data-nav='intake']").isDisplayed(), "auditors enter nothing");
    }

    private Set<String> rows(String css) {
        return browser.findAll(css).stream()
                .map(r -> r.getAttribute("data-tracking-no"))
                .collect(Collectors.toSet());
    }
}

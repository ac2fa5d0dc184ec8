package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.accounts.Totp;
import cn.banshi.audit.AuditViews;
import cn.banshi.auth.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Staff sign in with a password (and a TOTP code) in the console and a town admin manages the staff. */
class StaffSignInBrowserTest extends OnWebStack {
    static final String NEW_PASSWORD = "Taihu-Lake2026";
    static String meijiaduCase;

    @BeforeAll
    static void given() throws Exception {
        meijiaduCase = api.submit("complaint", "environment", "meijiadu", "梅家渎河道垃圾", "梅家渎村东侧河道漂浮大量生活垃圾。")
                .get("trackingNo")
                .asText();
        api.submit("complaint", "environment", "hongxing", "红星村路灯不亮", "红星村主干道路灯已坏两周，夜间出行不便。");
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

    void passwordStep(String username, String password) {
        browser.open("/admin/#/cases");
        browser.driver.navigate().refresh();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        browser.type("#username", username);
        browser.type("#password", password);
        browser.find("#signin-submit").click();
    }

    void newPassword(String password) {
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
        browser.type("#new-password", password);
        browser.type("#new-password-again", password);
        browser.find("#password-submit").click();
    }

    void awaitCases() {
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases-table, #no-cases")));
    }

    String signInError() {
        return browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signin-form .field-error")))
                .getText();
    }

    @Test
    @DisplayName("an admin signs in with password and TOTP, creates a village clerk, who sees only her village")
    void adminCreatesClerk() {
        String temporary = stack.createStaff("zhang.admin", Role.TOWN_ADMIN, null);
        passwordStep("zhang.admin", temporary);
        // a weak password is refused next to the field
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
        browser.type("#new-password", "short1");
        browser.type("#new-password-again", "short1");
        browser.find("#password-submit").click();
        assertTrue(browser.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-field='newPassword'] .field-error")))
                .getText()
                .contains("至少 10 个字符"));
        newPassword(NEW_PASSWORD);
        String secret = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret")))
                .getText();
        assertTrue(browser.find("#totp-uri").getText().startsWith("otpauth://totp/"));
        Totp totp = new Totp(stack.clock);
        browser.type("#totp-code", totp.code(secret, totp.currentStep()));
        browser.find("#totp-submit").click();
        awaitCases();
        browser.screenshot("signed-in-admin");

        browser.find("#console-nav a[data-nav='staff']").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-form")));
        browser.type("#staff-username", "wang.li");
        browser.type("#staff-name", "王丽");
        browser.js("document.getElementById('staff-role').value = 'village-staff';"
                + "document.getElementById('staff-role').dispatchEvent(new Event('change'))");
        browser.js("document.getElementById('staff-village').value = 'meijiadu'");
        browser.type("#staff-phone", "13900001111");
        browser.find("#staff-submit").click();
        String clerkPassword = browser.until(
                        ExpectedConditions.visibilityOfElementLocated(By.id("staff-temp-password")))
                .getText();
        WebElement row = browser.find("#staff-table tr[data-username='wang.li']");
        assertTrue(row.getText().contains("梅家渎"), row.getText());
        browser.screenshot("staff-accounts");
        assertEquals(List.of(), browser.unlabelledControls());

        browser.find("#sign-out").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        assertNull(browser.js("return sessionStorage.getItem('banshi.staffToken')"));

        passwordStep("wang.li", clerkPassword);
        newPassword(NEW_PASSWORD);
        awaitCases();
        String table = browser.find("#cases-table").getText();
        assertTrue(table.contains("梅家渎河道垃圾"), table);
        assertFalse(table.contains("红星村路灯不亮"), "another village's case");
        assertFalse(browser.find("#console-nav a[data-nav='staff']").isDisplayed(), "no staff page for a clerk");
        // she works the case: accepts it
        browser.find("tr[data-tracking-no='" + meijiaduCase + "'] a").click();
        browser.until(ExpectedConditions.textToBe(By.id("case-tracking-no"), meijiaduCase));
        browser.find("#actions button[data-action='accept']").click();
        browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#action-form[data-action='accept']")));
        browser.find("#action-submit").click();
        browser.until(d -> d.findElements(By.cssSelector("#action-form")).isEmpty());
        assertTrue(
                browser.find("#case-message").getText().startsWith("已"),
                browser.find("#case-message").getText());
        assertEquals(2, stack.app.cases().find(meijiaduCase).orElseThrow().version(), "accepted by wang.li");

        // the admin signs in again: a code now, no enrolment
        browser.find("#sign-out").click();
        passwordStep("zhang.admin", NEW_PASSWORD);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-form")));
        assertTrue(browser.findAll("#totp-secret").isEmpty());
        stack.clock.advance(Duration.ofSeconds(30));
        browser.type("#totp-code", totp.code(secret, totp.currentStep()));
        browser.find("#totp-submit").click();
        awaitCases();
    }

    @Test
    @DisplayName("five wrong passwords lock the account: the right one is refused too")
    void lockedOut() {
        String temporary = stack.createStaff("li.clerk", Role.VILLAGE_STAFF, "hongxing");
        stack.signInToken("li.clerk", temporary, NEW_PASSWORD, null);
        for (int i = 0; i < 5; i++) {
            passwordStep("li.clerk", "Wrong-Password" + i);
            assertTrue(signInError().contains("用户名、密码或验证码不正确"));
        }
        passwordStep("li.clerk", NEW_PASSWORD);
        assertTrue(signInError().contains("暂时锁定"));
        assertNull(browser.js("return sessionStorage.getItem('banshi.staffToken')"));
        List<String> events = new ArrayList<>();
        AuditViews.toJson(stack.app.audit().list("gaocheng", null, null, 100, null))
                .get("items")
                .forEach(e -> {
                    if (e.get("sub").asText().equals("li.clerk"))
                        events.add(e.get("event").asText());
                });
        assertTrue(events.contains("lockout"), events.toString());
    }

    @Test
    @DisplayName("30 minutes without a request: the next click returns to the sign-in")
    void idleTimeout() {
        String temporary = stack.createStaff("chen.clerk", Role.VILLAGE_STAFF, "meijiadu");
        passwordStep("chen.clerk", temporary);
        newPassword(NEW_PASSWORD);
        awaitCases();
        stack.clock.advance(Duration.ofMinutes(31));
        browser.find("#console-nav a[data-nav='dashboard']").click();
        WebElement notice = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-notice")));
        assertTrue(notice.getText().contains("登录已失效"), notice.getText());
        assertNull(browser.js("return sessionStorage.getItem('banshi.staffToken')"));
    }
}

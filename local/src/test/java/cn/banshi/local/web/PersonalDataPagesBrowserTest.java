package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 18 in the pages: on the tracking page a citizen reads and downloads a copy of their personal data and asks for
 * a correction; a town admin finds it in the console's list of personal-data requests with its due date, answers it
 * on the case, and the citizen reads the answer on the tracking page.
 */
class PersonalDataPagesBrowserTest extends OnWebStack {
    void track(String no, String code) {
        browser.open("/track.html#no=" + no);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#track-form[data-ready]")));
        browser.type("#access-code", code);
        browser.find("#track-submit").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("personal-data")));
        browser.find("#pd-open").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy")));
    }

    @Test
    void aCitizenCopiesTheirDataAndAsksForACorrectionThatATownAdminAnswers() throws Exception {
        JsonNode receipt = api.submit("complaint", "environment", "meijiadu", "路灯不亮", "村口路灯已坏两周，夜间出行不便。");
        String no = receipt.get("trackingNo").asText();
        String code = receipt.get("accessCode").asText();

        browser.phone();
        track(no, code);
        String copy = browser.find("#copy-personal").getText();
        assertTrue(copy.contains("王小明") && copy.contains("13912345678"), copy);
        assertNotNull(browser.find("#copy-no-requests"));
        assertFalse(browser.overflowsHorizontally());
        browser.find("#copy-download").click();
        Path downloaded = browser.until(d -> browser.downloaded(".json"));
        JsonNode json = Json.parse(Files.readString(downloaded, StandardCharsets.UTF_8));
        assertEquals(no, json.get("trackingNo").asText());
        assertEquals("王小明", json.at("/personal/submitter/name").asText());

        browser.find("#pd-kind-correction").click();
        browser.type("#pd-text", "我的电话号码应为13912345679");
        browser.find("#pd-request-submit").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("pd-message")));
        assertTrue(browser.find("#pd-message").getText().contains("答复期限"));
        assertEquals(
                "open",
                browser.find("#copy-requests li[data-request='" + no + "-01'] [data-state]")
                        .getAttribute("data-state"));
        browser.screenshot("track-personal-data");
        assertEquals(List.of(), browser.consoleErrors());

        String admin = stack.token("town-admin", null, "zhang.admin");
        browser.desktop();
        browser.signInWithToken(admin, "#/personal-data");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("pd-requests-table")));
        String row = browser.find("tr[data-request='" + no + "-01']").getText();
        assertTrue(row.contains("更正个人信息"), row);
        assertFalse(row.contains("13912345679"), "the list shows no personal data");
        JsonNode listed = api.send("GET", "/api/v1/admin/personal-data-requests", admin, null)
                .body()
                .get("items")
                .get(0);
        assertEquals(
                listed.get("dueDate").asText(),
                browser.find("tr[data-request='" + no + "-01'] [data-due]").getAttribute("data-due"));
        browser.screenshot("admin-personal-data-requests");

        browser.find("tr[data-request='" + no + "-01'] a").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#case-pd-requests form[data-answer='" + no + "-01']")));
        assertTrue(browser.find("#case-pd-requests").getText().contains("我的电话号码应为13912345679"));
        new Select(browser.find("#case-pd-requests select[name='outcome']")).selectByValue("done");
        browser.type("#case-pd-requests textarea[name='answer']", "已将电话号码更正为13912345679");
        browser.find("#case-pd-requests form button[type='submit']").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#case-pd-requests [data-request='" + no + "-01'] [data-state='done']")));
        assertEquals(List.of(), browser.consoleErrors());

        browser.phone();
        track(no, code);
        String answered = browser.find("#copy-requests").getText();
        assertTrue(answered.contains("已办理") && answered.contains("已将电话号码更正为13912345679"), answered);
        assertEquals(List.of(), browser.consoleErrors());
    }
}

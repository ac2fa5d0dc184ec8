package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 21 in the pages: the citizen form's honeypot is out of people's way and a bot that fills it gets a receipt
 * and stores nothing; a town admin marks a case as spam on the console and it leaves the case list.
 */
class SpamPagesBrowserTest extends OnWebStack {
    @Test
    void aBotThatFillsTheHoneypotGetsAReceiptAndStoresNothing() {
        browser.phone();
        browser.open("/");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-form[data-ready]")));
        assertFalse(browser.find("#website").isDisplayed(), "people do not see the trap");
        assertEquals("-1", browser.find("#website").getAttribute("tabindex"), "nor tab into it");
        assertFalse(browser.overflowsHorizontally());

        browser.find("#type-complaint").click();
        new Select(browser.find("#category")).selectByVisibleText("生态环境");
        browser.type("#title", "机器人提交的标题");
        browser.type("#description", "这是一段由脚本自动填写的内容，不应被保存。");
        browser.type("#name", "机器人");
        browser.type("#phone", "13900001111");
        browser.js("document.getElementById('website').value = 'http://spam.example'");
        browser.find("#submit").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertFalse(browser.find("#receipt-tracking-no").getText().isBlank(), "answered like a success");
        assertEquals(0, stack.countCasesTitled("机器人提交的标题"), "stored nowhere");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aTownAdminMarksACaseAsSpamAndItLeavesTheList() {
        String junk = api.submit("complaint", "environment", "meijiadu", "广告：低价装修", "低价装修，联系电话见标题，欢迎来电。")
                .get("trackingNo")
                .asText();
        String admin = stack.token("town-admin", null, "zhang.admin");
        browser.desktop();
        browser.signInWithToken(admin, "#/case/" + junk);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-title")));

        browser.find("#actions button[data-other-action='mark-spam']").click();
        browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#action-form[data-action='mark-spam']")));
        browser.find("#action-submit").click(); // no reason: the API's error next to the field
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#action-form [data-field='reason'] .field-error")));
        browser.type("#action-form [name='reason']", "广告信息");
        browser.type("#action-form [name='blockDays']", "7");
        browser.find("#action-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-spam")));
        assertTrue(browser.find("#case-spam").getText().contains("广告信息"));
        browser.screenshot("admin-case-spam");

        JsonNode detail = api.detail(admin, junk);
        assertEquals("广告信息", detail.at("/spam/reason").asText());
        assertFalse(detail.at("/spam/blockedUntil").isNull());
        browser.open("/admin/#/cases");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases-table, #no-cases")));
        assertTrue(browser.findAll("tr[data-tracking-no='" + junk + "']").isEmpty(), "gone from the list");
        assertEquals(List.of(), browser.consoleErrors());
    }
}

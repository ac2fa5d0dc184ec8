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
 * Issue 18's free text marked as personal, in the console: a town admin opens a case whose description and title carry
 * a phone, lets the page replace it (the log scanner's patterns) and submits; the case shows the redacted text, the
 * personal-data card the citizen's words, and the case list the redacted title.
 */
class PersonalTextPagesBrowserTest extends OnWebStack {
    static final String PHONE = "13955507788";

    void openForm() {
        browser.find("#personal-text-open").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("personal-text-form")));
    }

    @Test
    void aTownAdminReplacesAPhoneInTheDescriptionAndTheTitleAndTheListShowsTheRedactedTitle() {
        String description = "村口路灯已坏两周，夜间出行不便。我的电话" + PHONE + "，请回电。";
        JsonNode receipt = api.submit("complaint", "environment", "meijiadu", "路灯不亮 请联系" + PHONE, description);
        String no = receipt.get("trackingNo").asText();
        String admin = stack.token("town-admin", null, "zhang.admin");
        browser.desktop();
        browser.signInWithToken(admin, "#/case/" + no);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-title")));

        // nothing replaced yet: the API's refusal next to the text
        openForm();
        new Select(browser.find("#pt-field")).selectByValue("description");
        assertEquals(description, browser.find("#pt-text").getAttribute("value"), "pre-filled with the current text");
        assertEquals(List.of(), browser.unlabelledControls());
        browser.find("#pt-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#personal-text-form [data-field='text'] .field-error")));

        // the page finds the phone and replaces it; the case then shows the redacted description
        browser.find("#pt-detect").click();
        assertTrue(
                browser.find("#pt-status").getText().contains("1 处"),
                browser.find("#pt-status").getText());
        String redacted = browser.find("#pt-text").getAttribute("value");
        assertEquals("村口路灯已坏两周，夜间出行不便。我的电话＊＊＊，请回电。", redacted);
        browser.find("#pt-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-message")));
        assertEquals(redacted, browser.find("#case-description").getText());
        assertTrue(browser.find("#case-personal").getText().contains(description), "staff see the citizen's words");
        assertTrue(browser.find("#history").getText().contains("隐去个人信息"));
        browser.screenshot("admin-case-personal-text");

        // the title too (the first part offered), then the list
        openForm();
        assertEquals(
                "title",
                new Select(browser.find("#pt-field")).getFirstSelectedOption().getAttribute("value"));
        browser.find("#pt-detect").click();
        browser.find("#pt-submit").click();
        browser.until(ExpectedConditions.textToBe(By.id("case-title"), "路灯不亮 请联系＊＊＊"));
        JsonNode detail = api.detail(admin, no);
        assertEquals(
                "路灯不亮 请联系" + PHONE, detail.at("/personal/markedTexts/title").asText());

        browser.open("/admin/#/cases");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-tracking-no='" + no + "']")));
        String row = browser.find("tr[data-tracking-no='" + no + "']").getText();
        assertTrue(row.contains("路灯不亮 请联系＊＊＊"), row);
        assertFalse(browser.find("#case-list").getText().contains(PHONE), "the list shows no phone");
        assertEquals(List.of(), browser.consoleErrors());
    }
}

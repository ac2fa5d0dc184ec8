package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19 in the pages: a clerk merges a duplicate into its original on the console, both cases show the link, the
 * citizen's tracking page says 已合并至 the original's number, and the clerk undoes the merge (docs/duplicates.md).
 */
class MergePagesBrowserTest extends OnWebStack {
    void openCase(String no) {
        browser.open("/admin/#/case/" + no);
        browser.until(ExpectedConditions.textToBe(By.id("case-tracking-no"), no));
    }

    @Test
    void aClerkMergesADuplicateBothCasesShowTheLinkTheCitizenSeesItAndTheClerkUndoesIt() {
        String original = api.submit("complaint", "environment", "meijiadu", "河道有垃圾", "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。")
                .get("trackingNo")
                .asText();
        JsonNode receipt = api.submit("complaint", "environment", "meijiadu", "河道垃圾", "梅家渎村东侧河道漂浮大量生活垃圾，已经一周没有人清理了。");
        String duplicate = receipt.get("trackingNo").asText();
        String clerk = stack.token("village-staff", "meijiadu", "li.clerk");
        browser.desktop();
        browser.signInWithToken(clerk, "#/case/" + duplicate);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-title")));

        browser.find("#actions button[data-other-action='merge-as-duplicate']").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#action-form[data-action='merge-as-duplicate']")));
        browser.find("#action-submit").click(); // no number: the API's error next to the field
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#action-form [data-field='original'] .field-error")));
        // the original is offered among the similar open cases
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#merge-similar button[data-original='" + original + "']")));
        browser.find("#merge-similar button[data-original='" + original + "']").click();
        assertEquals(original, browser.find("#action-form [name='original']").getAttribute("value"));
        browser.find("#action-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("link-merged-into")));
        assertTrue(browser.find("#link-merged-into").getText().contains(original));
        assertEquals("已合并办理", browser.find("#case-status").getText());
        assertFalse(
                browser.findAll("#actions button[data-other-action='unmerge']").isEmpty(), "undo offered");
        browser.screenshot("admin-case-merged");

        // the original lists it, linked
        browser.find("#link-merged-into a").click();
        browser.until(ExpectedConditions.textToBe(By.id("case-tracking-no"), original));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("link-duplicates")));
        assertTrue(browser.find("#link-duplicates").getText().contains(duplicate));

        // the citizen's tracking page
        browser.open("/track.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#track-form[data-ready]")));
        browser.type("#tracking-no", duplicate);
        browser.type("#access-code", receipt.get("accessCode").asText());
        browser.find("#track-submit").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("merged-into")));
        assertEquals("已合并至 " + original, browser.find("#merged-into").getText());

        // the statistics count the group once and say so, as the annual report does (a town admin's view)
        browser.signInWithToken(stack.token("town-admin", null, "wang.admin"), "#/dashboard");
        WebElement total =
                browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#kpi-total .kpi-value")));
        JsonNode stats = api.send(
                        "GET",
                        "/api/v1/admin/stats?year="
                                + LocalDate.now(Clock.system(ChinaTime.ZONE)).getYear(),
                        stack.token("town-admin", null, "wang.admin"),
                        null)
                .body();
        assertEquals(1, stats.get("mergedDuplicates").asInt());
        assertEquals(stats.get("total").asText(), total.getText());
        assertTrue(browser.find("#kpi-total").getText().contains("另有 1 件重复反映已合并办理，不重复统计"));
        browser.signInWithToken(clerk, "#/case/" + duplicate);
        browser.until(ExpectedConditions.textToBe(By.id("case-tracking-no"), duplicate));

        // undo
        openCase(duplicate);
        browser.find("#actions button[data-other-action='unmerge']").click();
        browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#action-form[data-action='unmerge']")));
        assertTrue(browser.find("#unmerge-hint").getText().contains("可撤销至"));
        browser.find("#action-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("case-message")));
        assertTrue(browser.findAll("#case-links").isEmpty());
        assertEquals("submitted", api.detail(clerk, duplicate).get("status").asText());
        assertEquals(List.of(), browser.consoleErrors());
    }
}

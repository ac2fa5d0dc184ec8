package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.Events;
import cn.banshi.cases.CaseRecord;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Issue 19 on the citizen form: similar open cases shown while typing; following one; filing anyway. */
class SimilarCasesBrowserTest extends OnWebStack {
    static final String DRAIN = "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。";

    static String open;

    @BeforeAll
    static void given() throws Exception {
        open = file("河道有垃圾", DRAIN, "李大妈", "13912340000");
    }

    /** A complaint of 梅家渎村 about the environment, filed through the submission handler; its tracking number. */
    static String file(String title, String description, String name, String phone) throws IOException {
        ObjectNode body = Json.object()
                .put("type", "complaint")
                .put("category", "environment")
                .put("village", "meijiadu")
                .put("title", title)
                .put("description", description);
        body.putObject("submitter").put("name", name).put("phone", phone);
        APIGatewayV2HTTPResponse filed = new SubmissionHandler(stack.app)
                .handleRequest(
                        Events.post(
                                        "/api/v1/towns/{town}/complaints",
                                        "/api/v1/towns/gaocheng/complaints",
                                        Json.write(body))
                                .build(),
                        null);
        assertEquals(201, filed.getStatusCode(), filed.getBody());
        return Json.parse(filed.getBody()).get("trackingNo").asText();
    }

    @BeforeEach
    void openForm() {
        browser.phone();
        browser.open("/");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-form[data-ready]")));
    }

    private WebElement typeTheSameMatter() {
        browser.find("#type-complaint").click();
        new Select(browser.find("#category")).selectByVisibleText("生态环境");
        new Select(browser.find("#village")).selectByVisibleText("梅家渎村");
        browser.type("#title", "河道里有垃圾");
        browser.type("#description", "梅家渎村东侧河道漂浮着大量生活垃圾，一周了还没人清理。");
        return browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#similar")));
    }

    @Test
    void aSimilarOpenCaseIsShownWhileTypingAndCanBeFollowed() {
        WebElement panel = typeTheSameMatter();
        WebElement item = panel.findElement(By.cssSelector(".similar-item[data-tracking-no='" + open + "']"));
        assertTrue(item.getText().contains("河道有垃圾"), item.getText());
        assertFalse(panel.getText().contains("李大妈"), "no personal data of the other filer");
        assertFalse(panel.getText().contains("13912340000"));
        item.findElement(By.cssSelector(".follow-open")).click();
        browser.type("#follow-" + open + "-phone", "13700002222");
        item.findElement(By.cssSelector(".follow-send")).click();
        WebElement done = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-done")));
        assertTrue(done.getText().contains(open), done.getText());
        CaseRecord followed = stack.app.cases().find(open).orElseThrow();
        assertTrue(
                followed.personal().followers().stream().anyMatch(f -> "13700002222".equals(f.phone())),
                "the follower is stored with the case");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theCitizenMayFileAnyway() {
        typeTheSameMatter();
        browser.find("#file-anyway").click();
        assertFalse(browser.find("#similar").isDisplayed(), "the suggestions step aside");
        browser.type("#name", "王小明");
        browser.type("#phone", "13912345678");
        browser.find("#submit").click();
        WebElement receipt = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        String trackingNo = browser.find("#receipt-tracking-no").getText();
        assertFalse(trackingNo.equals(open));
        assertTrue(receipt.isDisplayed());
        assertTrue(stack.app.cases().find(trackingNo).isPresent(), "a new case was filed");
    }

    @Test
    void theStaffDetailListsSimilarCases() throws Exception {
        String again = file("河道里又有垃圾", "梅家渎村东侧河道又漂浮大量生活垃圾，已有一周无人清理。", "赵六", "13912349999");
        browser.desktop();
        browser.signInWithToken(stack.token("town-admin", null, "zhang.admin"), "#/case/" + again);
        WebElement list = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("similar-cases")));
        WebElement link = list.findElement(By.cssSelector("li[data-tracking-no='" + open + "'] a"));
        assertEquals("河道有垃圾", link.getText());
        link.click();
        browser.until(ExpectedConditions.textToBe(By.id("case-tracking-no"), open));
    }
}

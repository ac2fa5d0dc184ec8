package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.notifications.Channel;
import cn.banshi.notifications.DispatchSettings;
import cn.banshi.notifications.Dispatcher;
import cn.banshi.notifications.LocalOutbox;
import cn.banshi.notifications.Message;
import cn.banshi.notifications.QuietHours;
import cn.banshi.notifications.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Notifications in the browser: the citizen's form offers the choice and says what will be sent; the staff console
 * shows a case's messages (a failed one flagged) and the town's 消息记录.
 */
class NotificationPagesBrowserTest extends OnWebStack {
    static Path dir;
    static LocalOutbox outbox;

    @BeforeAll
    static void given() throws Exception {
        dir = Files.createTempDirectory("banshi-outbox");
        outbox = new LocalOutbox(dir.resolve("outbox/messages.txt"), Clock.systemUTC());
    }

    @AfterEach
    void noScriptErrors() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    static DispatchSettings settings() {
        return new DispatchSettings(stack.base, "noreply@gaocheng.gov.cn", Duration.ofMinutes(2), 4, 50);
    }

    /** The dispatcher as ./banshi up runs it: SMS and e-mail to the readable outbox file. */
    static Dispatcher.Report dispatch() {
        Clock day = awake();
        return new Dispatcher(
                        stack.dynamo,
                        stack.app.cases(),
                        stack.app.messages(),
                        stack.app.personalData().pseudonyms(),
                        stack.app.catalogs(),
                        outbox,
                        outbox,
                        settings(),
                        day)
                .run("gaocheng");
    }

    /** Now, or 08:01 when now is in the quiet hours (so the SMS go whenever the test runs). */
    static Clock awake() {
        return Clock.fixed(QuietHours.nextAllowed(Instant.now()).plusSeconds(60), ChinaTime.ZONE);
    }

    @Test
    void theCitizenFormOffersTheChoiceAndSaysWhatWillBeSent() throws Exception {
        browser.phone();
        browser.open("/");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-form[data-ready]")));
        String hint = browser.find("#notify-hint").getText();
        assertTrue(hint.contains("查询码") && hint.contains("21:00") && hint.contains("办结"), hint);
        browser.find("#anonymous").click();
        assertFalse(browser.find("#notify-fields").isDisplayed(), "anonymous: nothing is sent, nothing asked");
        browser.find("#anonymous").click();
        assertTrue(browser.find("#notify-fields").isDisplayed());

        browser.find("#type-complaint").click();
        new Select(browser.find("#category")).selectByVisibleText("生态环境");
        new Select(browser.find("#village")).selectByVisibleText("梅家渎村");
        browser.type("#title", "路灯不亮");
        browser.type("#description", "梅家渎村村口三盏路灯已经一周不亮。");
        browser.type("#name", "王小明");
        browser.type("#phone", "13912345678");
        browser.type("#email", "wang@example.com");
        browser.find("label[for='notify-both']").click();
        assertEquals(List.of(), browser.unlabelledControls());
        assertFalse(browser.overflowsHorizontally());
        browser.find("#submit").click();
        String no = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-tracking-no")))
                .getText();
        dispatch();
        List<Message> messages = stack.app.messages().byCase(no);
        assertEquals(2, messages.size());
        assertEquals(
                List.of(Channel.SMS, Channel.EMAIL),
                messages.stream().map(Message::channel).sorted().toList());
        String file = Files.readString(outbox.file());
        assertTrue(file.contains(no), "the readable outbox file");
        assertFalse(file.contains("13912345678") || file.contains("wang@example.com"), "recipients masked");
    }

    @Test
    void theInformationRequestFormOffersTheChoiceToo() {
        browser.phone();
        browser.open("/info.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#info-form[data-ready]")));
        String hint = browser.find("#notify-hint").getText();
        assertTrue(hint.contains("补正告知") && hint.contains("延期告知"), hint);
        assertEquals(4, browser.findAll("input[name='applicant.notify']").size());
    }

    @Test
    void theConsoleShowsACasesMessagesAndTheTownsLog() {
        browser.desktop();
        JsonNode receipt = api.submit("complaint", "environment", "meijiadu", "河道漂浮垃圾", "梅家渎村东侧河道漂浮大量生活垃圾。");
        String no = receipt.get("trackingNo").asText();
        dispatch();
        // one whose number the provider refuses: recorded, shown, never retried
        JsonNode refused = api.submit("complaint", "environment", "meijiadu", "号码无效的投诉", "梅家渎村东侧河道漂浮大量生活垃圾。");
        String refusedNo = refused.get("trackingNo").asText();
        new Dispatcher(
                        stack.dynamo,
                        stack.app.cases(),
                        stack.app.messages(),
                        stack.app.personalData().pseudonyms(),
                        stack.app.catalogs(),
                        m -> SendResult.permanentFailure("号码无效（isv.MOBILE_NUMBER_ILLEGAL）"),
                        outbox,
                        settings(),
                        awake())
                .run("gaocheng");

        browser.signInWithToken(stack.token("town-admin", null, "zhang.admin"), "#/cases");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases-table, #no-cases")));

        browser.open("/admin/#/case/" + no);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-messages-table")));
        String row = browser.find("#case-messages-table tbody tr").getText();
        assertTrue(row.contains("已发送") && row.contains("短信") && row.contains("139****5678"), row);
        assertTrue(row.contains("已收到您的事项，查询号" + no + "，查询码*****"), row);
        assertTrue(browser.findAll("#case-messages-failed").isEmpty());

        browser.open("/admin/#/case/" + refusedNo);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-messages-table")));
        assertTrue(browser.find("#case-messages-failed").getText().contains("发送失败"));
        assertTrue(browser.find("#case-messages-table [data-error]").getText().contains("号码无效"));

        browser.open("/admin/#/messages");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages-table")));
        String log = browser.find("#messages-table").getText();
        assertTrue(log.contains(no) && log.contains(refusedNo), log);
        assertTrue(log.contains("发送失败") && log.contains("已发送"), log);
        assertFalse(log.contains("13912345678"));
        assertEquals("page", browser.find("[data-nav='messages']").getAttribute("aria-current"));
    }
}

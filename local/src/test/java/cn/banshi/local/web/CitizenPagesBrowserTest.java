package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Citizens' pages in headless Chromium on a 375 px phone viewport, against the real stack. */
class CitizenPagesBrowserTest {
    static final String LOST_ANSWER_TITLE = "回复丢失测试：路灯不亮";
    static final String TRACKING_NO = "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}";

    /**
     * Stands in front of the real submission handler for one title: stores the case, then answers 504 as a
     * gateway would when the answer is lost on the way back. Records each Idempotency-Key and real answer.
     */
    static final class LosesFirstAnswer extends ApiHandler {
        final SubmissionHandler real;
        final List<String> keys = new CopyOnWriteArrayList<>();
        final List<String> realAnswers = new CopyOnWriteArrayList<>();

        LosesFirstAnswer(SubmissionHandler real) {
            this.real = real;
        }

        @Override
        protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
            return Map.of("POST /api/v1/towns/{town}/complaints", request -> {
                APIGatewayV2HTTPResponse answer = real.handleRequest(request.event(), null);
                boolean ours = request.event().getBody() != null
                        && request.event().getBody().contains(LOST_ANSWER_TITLE);
                if (!ours) return asIs(answer);
                keys.add(request.header("idempotency-key"));
                realAnswers.add(answer.getBody());
                if (realAnswers.size() == 1) {
                    return ApiResponse.json(504, "{\"message\":\"Gateway Timeout\"}");
                }
                return asIs(answer);
            });
        }

        static ApiResponse asIs(APIGatewayV2HTTPResponse answer) {
            return new ApiResponse(answer.getStatusCode(), answer.getBody(), new LinkedHashMap<>(answer.getHeaders()));
        }
    }

    static WebStack stack;
    static Browser browser;
    static LosesFirstAnswer lossy;

    @BeforeAll
    static void start() throws Exception {
        stack = WebStack.start(app -> {
            lossy = new LosesFirstAnswer(new SubmissionHandler(app));
            return List.of(lossy);
        });
        browser = Browser.start(stack.base);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (stack != null) stack.close();
    }

    @BeforeEach
    void phone() {
        browser.phone();
    }

    void openCaseForm() {
        browser.open("/");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-form[data-ready]")));
    }

    void fillComplaint(String title, String description, String phone) {
        browser.find("#type-complaint").click();
        new Select(browser.find("#category")).selectByVisibleText("生态环境");
        new Select(browser.find("#village")).selectByVisibleText("梅家渎村");
        browser.type("#title", title);
        browser.type("#description", description);
        browser.type("#address", "梅家渎村东河桥边");
        browser.type("#name", "王小明");
        browser.type("#phone", phone);
    }

    Map<String, String> awaitReceipt() {
        WebElement receipt = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertTrue(
                browser.find("#case-form, #info-form").getAttribute("hidden") != null,
                "the form gives way to the receipt");
        String trackingNo = browser.find("#receipt-tracking-no").getText();
        String accessCode = browser.find("#receipt-access-code").getText();
        assertTrue(trackingNo.matches(TRACKING_NO), trackingNo);
        assertTrue(accessCode.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"), accessCode);
        assertTrue(receipt.getText().contains("查询码只显示这一次"), "the receipt tells the citizen to note the codes");
        return Map.of("trackingNo", trackingNo, "accessCode", accessCode);
    }

    void track(Map<String, String> codes, boolean viaReceiptLink) {
        track(codes, viaReceiptLink, true);
    }

    void track(Map<String, String> codes, boolean viaReceiptLink, boolean expectFound) {
        if (viaReceiptLink) {
            browser.find("#receipt a.button").click();
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#track-form[data-ready]")));
            assertEquals(
                    codes.get("trackingNo"),
                    browser.find("#tracking-no").getAttribute("value"),
                    "number carried over, code not");
            assertEquals("", browser.find("#access-code").getAttribute("value"));
        } else {
            browser.open("/track.html");
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#track-form[data-ready]")));
            browser.type("#tracking-no", codes.get("trackingNo").toLowerCase().replace("-", ""));
        }
        browser.type("#access-code", codes.get("accessCode"));
        browser.find("#track-submit").click();
        if (expectFound) browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-name")));
    }

    @Test
    void aComplaintSubmittedOnAPhoneIsTracked() {
        openCaseForm();
        assertEquals(Browser.PHONE_WIDTH, ((Number) browser.js("return window.innerWidth")).intValue());
        browser.find("#type-dispute").click();
        assertEquals(List.of(), browser.unlabelledControls(), "every control has a label (dispute parties included)");
        fillComplaint("河道有垃圾", "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。", "13912345678");
        assertTrue(browser.find("#limit-hint").getText().contains("13 个工作日"), "the category's time limit is shown");
        assertFalse(browser.overflowsHorizontally(), "nothing overflows a 375 px screen");
        browser.screenshot("citizen-complaint-form-375");
        browser.find("#submit").click();

        Map<String, String> codes = awaitReceipt();
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("citizen-receipt-375");
        track(codes, true);
        assertEquals("已提交，待受理", browser.find("#status-name").getText());
        assertTrue(browser.find("#timeline").getText().contains("已收到您的投诉举报"));
        assertTrue(
                browser.find("#due-date").getText().matches("\\d{4}年\\d{1,2}月\\d{1,2}日前"),
                browser.find("#due-date").getText());
        assertTrue(browser.findAll("#rating-form").isEmpty(), "no rating before resolution");
        assertEquals(List.of(), browser.unlabelledControls());
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("citizen-track-375");
    }

    @Test
    void anInformationRequestSubmittedOnAPhoneIsTracked() {
        browser.open("/info.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#info-form[data-ready]")));
        assertTrue(browser.find("#ogi-note").getText().contains("20 个工作日"), "the 20 working day limit is explained");
        assertTrue(
                browser.find("#ogi-note").getText().contains("补正"), "what happens to an unclear request is explained");
        browser.type("#person-name", "李华");
        new Select(browser.find("#id-type")).selectByValue("resident-id");
        browser.type("#id-number", "11010519491231002x");
        browser.type("#phone", "0510-87654321");
        browser.type("#description", "请公开本镇2021年农村人居环境整治项目的预算和决算。");
        browser.find("#form-electronic").click();
        browser.find("#delivery-online").click();
        assertFalse(browser.overflowsHorizontally());
        assertEquals(List.of(), browser.unlabelledControls());
        browser.screenshot("citizen-info-request-form-375");
        browser.find("#submit").click();

        Map<String, String> codes = awaitReceipt();
        assertTrue(browser.find("#receipt").getText().contains("政府信息公开申请"));
        track(Map.of("trackingNo", codes.get("trackingNo"), "accessCode", "ZZZZZ-ZZZZZ"), false, false);
        WebElement wrong = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='trackingNo'] .field-error")));
        assertTrue(wrong.getText().contains("查询编号或查询码不正确"), wrong.getText());
        assertTrue(browser.find("#result").getAttribute("hidden") != null, "nothing is shown for a wrong code");
        track(codes, false);
        assertEquals("政府信息公开申请", browser.find("#case-status h2").getText());
        assertEquals("已提交，待受理", browser.find("#status-name").getText());
        browser.screenshot("citizen-info-request-track-375");
    }

    @Test
    void apiErrorsShowNextToTheRightFieldAndWhatWasTypedStays() {
        openCaseForm();
        fillComplaint("路灯坏了", "村口路灯已经坏了半个月，晚上出行很不方便。", "12345");
        browser.find("#submit").click();

        WebElement error = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='submitter.phone'] .field-error")));
        assertTrue(error.getText().contains("电话号码格式不正确"), error.getText());
        WebElement phone = browser.find("#phone");
        assertEquals("true", phone.getAttribute("aria-invalid"));
        assertTrue(
                phone.getAttribute("aria-describedby").contains(error.getAttribute("id")),
                "the error is announced with the field");
        assertEquals(phone, browser.driver.switchTo().activeElement(), "focus moves to the field to correct");
        assertEquals(1, browser.findAll(".field-error").size(), "only the phone is marked");
        assertEquals("路灯坏了", browser.find("#title").getAttribute("value"));
        assertEquals("村口路灯已经坏了半个月，晚上出行很不方便。", browser.find("#description").getAttribute("value"));
        assertEquals("meijiadu", browser.find("#village").getAttribute("value"));
        assertEquals("environment", browser.find("#category").getAttribute("value"));
        assertTrue(browser.find("#type-complaint").isSelected());
        browser.screenshot("citizen-field-error-375");

        browser.type("#phone", "13912345678");
        browser.find("#submit").click();
        awaitReceipt();
        assertTrue(browser.findAll(".field-error").isEmpty());

        // A dispute needs the other party's name: the error lands on that party's name field.
        openCaseForm();
        browser.find("#type-dispute").click();
        assertFalse(browser.find("#anonymous").isEnabled(), "disputes cannot be anonymous");
        new Select(browser.find("#category")).selectByIndex(1);
        browser.type("#title", "邻居占用通道");
        browser.type("#description", "邻居在公共通道堆放杂物，协商未果，申请调解。");
        browser.type("#name", "张三");
        browser.type("#phone", "13812345678");
        browser.type("#party-0-phone", "13700001111");
        browser.find("#submit").click();
        WebElement partyError = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='parties[0].name'] .field-error")));
        assertTrue(partyError.getText().contains("缺少必填项"), partyError.getText());
        assertEquals("13700001111", browser.find("#party-0-phone").getAttribute("value"));

        // The information request form: the ID check digit and the e-mail needed for delivery by e-mail.
        browser.open("/info.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#info-form[data-ready]")));
        browser.type("#person-name", "李华");
        browser.type("#id-number", "110105194912310021");
        browser.type("#phone", "13912345678");
        browser.type("#description", "请公开本镇2021年财政预算。");
        browser.find("#form-electronic").click();
        browser.find("#delivery-email").click();
        browser.find("#submit").click();
        WebElement idError = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='applicant.idNumber'] .field-error")));
        assertTrue(idError.getText().contains("身份证号码不正确"), idError.getText());
        browser.type("#id-number", "11010519491231002X");
        browser.find("#submit").click();
        WebElement emailError = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='applicant.email'] .field-error")));
        assertTrue(emailError.getText().contains("缺少必填项"), emailError.getText());
        assertTrue(
                browser.findAll("[data-field='applicant.idNumber'] .field-error")
                        .isEmpty(),
                "the old error is cleared");
        assertEquals("11010519491231002X", browser.find("#id-number").getAttribute("value"));
    }

    @Test
    void aScriptInTheDescriptionRendersAsText() {
        String title = "<b>加粗</b><img src=x onerror=\"document.title='pwned'\">";
        String description = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"> 内容";
        openCaseForm();
        fillComplaint(title, description, "13912345678");
        browser.find("#submit").click();
        awaitReceipt();
        assertEquals(description, browser.find("#receipt-description").getText());
        assertEquals(title, browser.find("#receipt-title-text").getText());
        assertTrue(browser.findAll("#receipt img, #receipt script, #receipt b").isEmpty(), "no markup was created");
        assertNull(browser.js("return window.__xss === undefined ? null : window.__xss"));
        assertFalse(browser.driver.getTitle().contains("pwned"));

        // The receipt is shown once: starting a new case takes the codes off the page.
        String accessCode = browser.find("#receipt-access-code").getText();
        browser.find("#receipt button.secondary:not(#copy-codes)").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-form")));
        assertFalse(browser.find("body").getText().contains(accessCode));
        assertEquals(0L, browser.js("return document.querySelectorAll('#receipt *').length"));
        assertEquals("", browser.find("#title").getAttribute("value"));
    }

    @Test
    void aDoubleTapAndARetryAfterALostAnswerMakeOneCase() throws Exception {
        openCaseForm();
        fillComplaint(LOST_ANSWER_TITLE, "村委会门口的路灯连续三晚不亮，请尽快维修。", "13912345678");
        new Actions(browser.driver).doubleClick(browser.find("#submit")).perform();
        // The first answer is lost (504): the page says so and keeps everything.
        WebElement alert =
                browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#case-form .form-alert")));
        assertTrue(alert.getText().contains("稍后重试"), alert.getText());
        assertEquals(LOST_ANSWER_TITLE, browser.find("#title").getAttribute("value"));

        browser.find("#submit").click();
        Map<String, String> codes = awaitReceipt();
        String created = Json.parse(lossy.realAnswers.get(0)).get("trackingNo").asText();
        assertEquals(created, codes.get("trackingNo"), "the retry got the first answer back");
        assertEquals(2, lossy.keys.size(), "the double tap sent one request; the retry one more: " + lossy.keys);
        assertEquals(lossy.keys.get(0), lossy.keys.get(1), "the retry reused the Idempotency-Key");
        assertEquals(1, stack.countCasesTitled(LOST_ANSWER_TITLE), "one case in the table");
    }
}

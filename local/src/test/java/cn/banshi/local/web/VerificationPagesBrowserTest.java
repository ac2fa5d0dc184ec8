package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 21's phone verification on the citizen page: dingshu asks for a code on petitions; the page shows the code
 * input and 获取验证码 for that type only, sends the code (read here from the local outbox, as a person reads the SMS),
 * counts down, shows a wrong or missing code next to the field keeping everything typed, and files with the right one.
 */
class VerificationPagesBrowserTest extends OnWebStack {
    static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");

    static String lastCode() {
        try {
            Matcher m = CODE.matcher(Files.readString(stack.outbox));
            String code = null;
            while (m.find()) code = m.group(1);
            return code;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPetitionInDingshuIsFiledWithTheCodeFromTheSms() {
        browser.phone();
        browser.open("/?town=dingshu");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-form[data-ready]")));
        browser.find("#type-complaint").click();
        assertFalse(browser.find("#verification-field").isDisplayed(), "complaints need no code");
        browser.find("#type-petition").click();
        assertTrue(browser.find("#verification-field").isDisplayed(), "petitions do in dingshu");

        new Select(browser.find("#category")).selectByValue("petition-other");
        browser.type("#title", "反映安置房质量问题");
        browser.type("#description", "丁山村安置房屋顶漏水，多次反映未解决，请求协调处理。");
        browser.type("#name", "陈建国");
        browser.type("#phone", "13912340000");

        // without a code: the API's refusal next to the code field, nothing stored
        browser.find("#submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-field='verification'] .field-error")));
        assertEquals(0, stack.countCasesTitled("反映安置房质量问题"));

        browser.find("#send-code").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-status"), "已发送"));
        assertTrue(browser.find("#code-status").getText().contains("139****0000"));
        assertFalse(browser.find("#send-code").isEnabled(), "counting down");
        assertTrue(browser.find("#send-code").getText().contains("秒后可重新获取"));
        String code = lastCode();

        // a wrong code: shown inline, everything typed is kept
        browser.type("#verification-code", code.equals("000000") ? "111111" : "000000");
        browser.find("#submit").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-field='verification'] .field-error"), "验证码不正确"));
        assertEquals("反映安置房质量问题", browser.find("#title").getAttribute("value"));
        assertEquals(0, stack.countCasesTitled("反映安置房质量问题"));
        browser.screenshot("citizen-verification-code");

        browser.type("#verification-code", code);
        browser.find("#submit").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertFalse(browser.find("#receipt-tracking-no").getText().isBlank());
        assertEquals(1, stack.countCasesTitled("反映安置房质量问题"));
        assertFalse(browser.overflowsHorizontally());
        assertEquals(List.of(), browser.unlabelledControls());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void gaochengAsksForNoCode() {
        browser.open("/");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-form[data-ready]")));
        browser.find("#type-petition").click();
        assertFalse(browser.find("#verification-field").isDisplayed());
    }
}

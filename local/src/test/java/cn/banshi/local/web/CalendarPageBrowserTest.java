package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.StatutoryHolidays;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's 节假日 page in headless Chromium: a year without a loaded notice shows what is assumed; a town admin
 * pastes the notice, sees every problem at once, then loads it and the open deadlines are recomputed.
 */
class CalendarPageBrowserTest extends OnWebStack {

    @Test
    void aTownAdminSeesTheProvisionalYearAndLoadsTheNotice() {
        // two years ahead: never bundled, never loaded by another test
        int year = ChinaTime.today(Clock.systemUTC()).getYear() + 2;
        browser.desktop();
        browser.open("/admin/");
        browser.js("sessionStorage.clear()");
        browser.consoleErrors();
        browser.signInWithToken(stack.token("town-admin", null, "zhang.admin"), "#/calendar?year=" + year);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar-summary")));

        assertEquals("true", browser.find("#calendar-summary").getAttribute("data-provisional"));
        assertTrue(
                browser.find("#calendar-status").getText().contains("尚未载入"),
                browser.find("#calendar-status").getText());
        assertEquals(
                StatutoryHolidays.of(year).size(),
                browser.findAll("#statutory-table tbody tr").size());
        assertTrue(browser.find("#statutory-table").getText().contains("春节"));
        assertEquals("无", browser.find("#calendar-make-up").getText());
        browser.screenshot("calendar-provisional");

        browser.type("#calendar-notice", "国办发明电〔" + (year - 1) + "〕N号");
        browser.type("#calendar-days-off-input", year + "-01-01\n" + (year - 1) + "-12-31");
        browser.type("#calendar-make-up-input", year + "-01-01, " + year + "-03-01");
        browser.find("#calendar-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-problems")));
        List<String> problems = browser.findAll("#calendar-problems li").stream()
                .map(e -> e.getText())
                .toList();
        assertTrue(problems.size() >= 3, problems.toString()); // outside the year, both off and on, no weekend
        browser.screenshot("calendar-problems");

        browser.type("#calendar-days-off-input", year + "-01-01~" + year + "-01-03");
        browser.type("#calendar-make-up-input", "");
        browser.find("#calendar-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-flash")));
        assertEquals("false", browser.find("#calendar-summary").getAttribute("data-provisional"));
        assertTrue(browser.find("#calendar-status").getText().contains("国办发明电"));
        assertEquals(3, browser.findAll("#calendar-days-off li").size());
        assertTrue(
                browser.find("#calendar-recompute").getText().contains("已重新计算"),
                browser.find("#calendar-recompute").getText());
        browser.screenshot("calendar-loaded");
        assertEquals(List.of(), browser.consoleErrors());
    }
}

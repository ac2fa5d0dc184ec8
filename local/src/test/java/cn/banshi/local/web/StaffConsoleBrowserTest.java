package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The staff console in headless Chromium against the real stack, with tokens as ./banshi token prints them. */
class StaffConsoleBrowserTest extends OnWebStack {
    static String admin;
    static String otherAdmin;
    static String clerk;
    static String auditor;

    @BeforeAll
    static void given() throws Exception {
        admin = stack.token("town-admin", null, "zhang.admin");
        otherAdmin = stack.token("town-admin", null, "li.admin");
        clerk = stack.token("village-staff", "meijiadu", "wang.clerk");
        auditor = stack.token("auditor", null, "zhao.audit");
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

    void signIn(String token) {
        browser.signInWithToken(token, "#/cases");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases-table, #no-cases")));
    }

    /** Does something that re-renders the console view and waits until the new view has finished loading. */
    void rerender(Runnable action) {
        String before = browser.find("main").getAttribute("data-rendered");
        action.run();
        browser.until(d -> {
            String now = d.findElement(By.tagName("main")).getAttribute("data-rendered");
            return now != null && !now.equals(before);
        });
    }

    void openCase(String trackingNo) {
        browser.open("/admin/#/case/" + trackingNo);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-title, #case-error")));
    }

    List<String> actionButtons() {
        return browser.findAll("#actions [data-action]").stream()
                .map(b -> b.getAttribute("data-action"))
                .toList();
    }

    void act(String action, Map<String, String> fields) {
        browser.find("#actions button[data-action='" + action + "']").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#action-form[data-action='" + action + "']")));
        fields.forEach((name, value) -> {
            WebElement el = browser.find("#action-form [name='" + name + "']");
            if (el.getTagName().equals("select")) new Select(el).selectByValue(value);
            else {
                el.clear();
                el.sendKeys(value);
            }
        });
        String version = browser.find("main .view").getAttribute("data-version");
        browser.find("#action-submit").click();
        browser.until(
                d -> !version.equals(d.findElement(By.cssSelector("main .view")).getAttribute("data-version"))
                        || !d.findElements(By.cssSelector("#action-form .field-error, #action-form .form-alert"))
                                .isEmpty());
        assertTrue(
                browser.findAll("#action-form").isEmpty(),
                () -> "action refused: " + browser.find("#action-form").getText());
        assertTrue(
                browser.find("#case-message").getText().startsWith("已"),
                browser.find("#case-message").getText());
    }

    String trackAs(JsonNode receipt) {
        browser.open("/track.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#track-form[data-ready]")));
        browser.type("#tracking-no", receipt.get("trackingNo").asText());
        browser.type("#access-code", receipt.get("accessCode").asText());
        browser.find("#track-submit").click();
        return browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-name")))
                .getText();
    }

    @Test
    void staffFindAndWorkACaseAndTheCitizenSeesEachStep() {
        JsonNode receipt = api.submit("complaint", "environment", "meijiadu", "河道漂浮垃圾无人清理", "梅家渎村东侧河道漂浮大量生活垃圾。");
        String no = receipt.get("trackingNo").asText();
        signIn(admin);
        assertEquals("镇管理员", browser.find("#who-role").getText());

        new Select(browser.find("#f-type")).selectByValue("complaint");
        new Select(browser.find("#f-village")).selectByValue("meijiadu");
        rerender(() -> browser.find("#apply-filters").click());
        assertTrue(browser.driver.getCurrentUrl().contains("type=complaint&village=meijiadu"));
        WebElement row = browser.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-tracking-no='" + no + "']")));
        assertTrue(row.getText().contains("河道漂浮垃圾无人清理"));
        assertTrue(row.getText().contains("已提交，待受理"));
        row.findElement(By.tagName("a")).click();
        browser.until(ExpectedConditions.textToBe(By.id("case-tracking-no"), no));
        assertEquals(List.of("accept", "reject"), actionButtons(), "only what the state allows");
        browser.find("#actions button[data-action='reject']").click();
        assertEquals(
                List.of(), browser.unlabelledControls(), "every control of the detail and its action form has a label");
        assertTrue(browser.find("#case-personal").getText().contains("王小明"), "a town admin sees the submitter");

        act("accept", Map.of());
        assertEquals("已受理", browser.find("#case-status").getText());
        assertEquals(List.of("assign", "reply"), actionButtons());
        assertEquals("已受理", trackAs(receipt), "the citizen sees the new status");

        openCase(no);
        act("assign", Map.of("village", "meijiadu", "note", "请村里安排保洁"));
        act("reply", Map.of("reply", "已安排保洁人员清理河道，并加强日常巡查。"));
        act("resolve", Map.of());
        assertEquals("已办结", browser.find("#case-status").getText());
        assertEquals(List.of("close"), actionButtons());
        browser.screenshot("admin-case-detail");

        assertEquals("已办结", trackAs(receipt));
        String timeline = browser.find("#timeline").getText();
        assertTrue(timeline.contains("答复：已安排保洁人员清理河道"), timeline);
        assertFalse(timeline.contains("请村里安排保洁"), "internal notes stay internal");
        browser.find("#score-5").click();
        browser.type("#rating-comment", "处理及时，谢谢！");
        browser.screenshot("citizen-rating");
        browser.find("#rating-submit").click();
        assertTrue(browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-done")))
                .getText()
                .contains("5 分"));
        trackAs(receipt);
        assertTrue(browser.find("#rating-done").getText().contains("满意度：5 分"), "tracking shows the rating");
        assertTrue(browser.findAll("#rating-form").isEmpty(), "rated once");

        browser.open("/admin/#/case/" + no);
        browser.driver.navigate().refresh();
        WebElement rating = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-rating")));
        assertTrue(rating.getText().startsWith("5 分"), rating.getText());
        assertEquals(6, browser.findAll("#history tbody tr").size(), "submit, accept, assign, reply, resolve, rate");
        assertTrue(browser.find("#history").getText().contains("请村里安排保洁"), "staff see the internal note");
    }

    @Test
    void disputesPetitionsAndInformationRequestsAreWorkedWithTheirOwnActions() {
        ObjectNode dispute = Json.object()
                .put("type", "dispute")
                .put("category", "dispute-neighbour")
                .put("village", "meijiadu")
                .put("title", "邻里排水纠纷")
                .put("description", "邻居改建排水沟，雨水流入我家院子，协商未果。");
        dispute.putObject("submitter").put("name", "张三").put("phone", "13812345678");
        dispute.putArray("parties").addObject().put("name", "李四").put("role", "邻居");
        String disputeNo = api.submit("complaints", dispute).get("trackingNo").asText();
        ObjectNode petition = Json.object()
                .put("type", "petition")
                .put("category", "petition-rural-affairs")
                .put("title", "反映土地流转费用未兑现")
                .put("description", "村里土地流转费用两年未兑现，请求处理。");
        petition.putObject("submitter").put("name", "陈五").put("phone", "13700001111");
        String petitionNo = api.submit("complaints", petition).get("trackingNo").asText();
        ObjectNode info = Json.object()
                .put("description", "请公开本镇2021年农村人居环境整治项目的预算和决算。")
                .put("form", "electronic")
                .put("delivery", "online");
        info.putObject("applicant")
                .put("kind", "natural-person")
                .put("name", "李华")
                .put("idType", "resident-id")
                .put("idNumber", "11010519491231002X")
                .put("phone", "0510-87654321");
        String infoNo = api.submit("info-requests", info).get("trackingNo").asText();
        signIn(admin);

        openCase(disputeNo);
        assertTrue(browser.find("#case-personal").getText().contains("李四"), "the other party is shown to staff");
        act("accept", Map.of());
        act("assign-mediator", Map.of("mediator", "周调解员"));
        act("record-session", Map.of("summary", "双方到场，约定共同疏通排水沟。"));
        act("resolve", Map.of("result", "agreement-reached", "summary", "达成书面调解协议"));
        assertEquals(List.of("record-fulfilment", "close"), actionButtons());
        act("record-fulfilment", Map.of("fulfilled", "true"));
        assertTrue(browser.find("#case-facts").getText().contains("达成调解协议"));
        assertTrue(browser.find("#case-details").getText().contains("周调解员"));

        openCase(petitionNo);
        act("register", Map.of());
        act("forward", Map.of("handlingBody", "镇农业农村局"));
        act("acknowledge", Map.of());
        act("extend", Map.of("days", "15", "reason", "需要核实两年的流转台账"));
        assertEquals(List.of("reply"), actionButtons(), "one extension only");
        act("reply", Map.of("opinion", "经核实，流转费用已于本月补发到位。"));
        assertEquals("已办结", browser.find("#case-status").getText());

        openCase(infoNo);
        assertTrue(
                browser.find("#case-personal").getText().contains("11010519491231002X"),
                "a town admin sees the ID number");
        act("request-correction", Map.of("items", "请写明所需决算是镇本级还是村级项目。"));
        assertEquals("待申请人补正", browser.find("#case-status").getText());
        assertEquals("—", browser.find("#case-due").getText(), "the clock stops while awaiting correction");
        act("receive-correction", Map.of());
        assertFalse(actionButtons().contains("request-correction"), "correction is asked once");
        act("answer", Map.of("outcome", "partially-disclosed", "reply", "预算已公开，决算中涉及第三方商业信息的部分不予公开。"));
        assertEquals("已答复", browser.find("#case-status").getText());
        assertTrue(browser.find("#case-facts").getText().contains("部分公开"));
    }

    @Test
    void aStaleVersionSaysSomeoneElseChangedTheCaseAndReloadsIt() {
        JsonNode receipt = api.submit("help", "social-security", "fucun", "低保申请咨询", "家中老人生病，想了解低保申请需要哪些材料。");
        String no = receipt.get("trackingNo").asText();
        signIn(admin);
        openCase(no);
        browser.find("#actions button[data-action='reject']").click();
        browser.type("#action-form [name='reason']", "不属于本镇受理范围");
        // Meanwhile a colleague accepts the case.
        api.act(otherAdmin, no, Json.object().put("action", "accept").put("expectedVersion", 1));
        browser.find("#action-submit").click();

        WebElement message = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-message")));
        assertTrue(message.getText().contains("此案件已被他人修改"), message.getText());
        assertEquals("已受理", browser.find("#case-status").getText(), "the case was reloaded");
        assertEquals(List.of("assign", "reply"), actionButtons());
        assertEquals("2", browser.find("main .view").getAttribute("data-version"));
        assertEquals("accepted", api.detail(admin, no).get("status").asText(), "the stale rejection changed nothing");
        browser.screenshot("admin-version-conflict");
    }

    @Test
    void aVillageClerkSeesOnlyTheirVillagesCasesAlsoOnAPhone() {
        String ours = api.submit("complaint", "roads-traffic", "meijiadu", "村道坑洼", "梅家渎村北村道坑洼积水，车辆难行。")
                .get("trackingNo")
                .asText();
        String theirs = api.submit("complaint", "roads-traffic", "fucun", "赋村路灯不亮", "赋村村委会门口路灯不亮。")
                .get("trackingNo")
                .asText();
        browser.phone();
        signIn(clerk);
        assertTrue(browser.find("#who").getText().contains("梅家渎村"));
        assertTrue(browser.findAll("#f-village").isEmpty(), "no village filter for a village clerk");
        assertFalse(browser.findAll("tr[data-tracking-no='" + ours + "']").isEmpty());
        assertTrue(
                browser.findAll("tr[data-tracking-no='" + theirs + "']").isEmpty(),
                "another village's case is not listed");
        for (WebElement village : browser.findAll("#cases-table tbody td:nth-child(5)"))
            assertEquals("梅家渎村", village.getText());
        assertFalse(browser.overflowsHorizontally(), "the list scrolls inside its frame on a phone");
        browser.screenshot("admin-cases-clerk-375");

        openCase(theirs);
        assertTrue(
                browser.find("#case-error").getText().contains("未找到该案件"), "another village's case answers not found");
        openCase(ours);
        assertEquals(List.of("accept", "reject"), actionButtons());
        assertFalse(browser.overflowsHorizontally());
    }

    @Test
    void anAuditorSeesMaskedDataAndNoActions() {
        String no = api.submit("suggestion", "urban-management", "hongxing", "增设垃圾分类亭", "建议在红星社区增设垃圾分类亭。")
                .get("trackingNo")
                .asText();
        signIn(auditor);
        assertEquals("审计查阅", browser.find("#who-role").getText());
        openCase(no);
        String personal = browser.find("#case-personal").getText();
        assertFalse(personal.contains("王小明"), personal);
        assertFalse(personal.contains("13912345678"), personal);
        assertTrue(personal.contains("王"), "the surname stays: " + personal);
        assertTrue(browser.find("#masked-note").isDisplayed());
        assertEquals(List.of(), actionButtons(), "no action buttons for an auditor");
        assertTrue(browser.find("#no-actions").getText().contains("只能查看"));
    }

    @Test
    void overdueCasesAreHighlightedPagesTurnAndTheFilterExportsAsCsv() throws Exception {
        LocalDate today = LocalDate.now(Clock.system(ChinaTime.ZONE));
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            late.add(api.enter(
                            admin,
                            "hongxing",
                            "红星社区积水点" + (i + 1),
                            today.minusDays(60).toString())
                    .get("trackingNo")
                    .asText());
        }
        String fresh = api.submit("complaint", "roads-traffic", "hongxing", "红星社区新井盖松动", "井盖松动，存在安全隐患。")
                .get("trackingNo")
                .asText();
        for (int i = 0; i < 22; i++) {
            api.submit("enquiry", "social-security", "gaocheng-shequ", "医保咨询" + (i + 1), "请问城乡居民医保如何缴费？");
        }
        signIn(admin);

        rerender(() -> browser.open("/admin/#/cases?village=hongxing"));
        for (String no : late) {
            WebElement row = browser.find("tr[data-tracking-no='" + no + "']");
            assertEquals("overdue", row.getAttribute("class"));
            assertTrue(row.getText().contains("已逾期"), "overdue is said in words, not colour alone");
        }
        assertEquals("", browser.find("tr[data-tracking-no='" + fresh + "']").getAttribute("class"));
        assertTrue(browser.find("#list-count").getText().contains("逾期 3 件"));
        assertEquals(List.of(), browser.unlabelledControls());
        browser.screenshot("admin-cases-overdue");

        browser.find("#f-overdue").click();
        rerender(() -> browser.find("#apply-filters").click());
        assertTrue(browser.findAll("tr[data-tracking-no='" + fresh + "']").isEmpty());
        assertEquals(3, browser.findAll("#cases-table tbody tr.overdue").size());
        assertEquals(3, browser.findAll("#cases-table tbody tr").size());

        browser.find("#export-csv").click();
        Path csv = browser.until(d -> browser.downloaded(".csv"));
        assertTrue(csv.getFileName().toString().startsWith("banshi-cases-"), csv.toString());
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(
                content.startsWith("\uFEFF\"查询编号\""),
                () -> "UTF-8 with BOM for Excel: " + content.substring(0, Math.min(40, content.length())));
        for (String no : late) assertTrue(content.contains(no));
        assertFalse(content.contains(fresh), "the export follows the filter");

        rerender(() -> browser.open("/admin/#/cases?village=gaocheng-shequ"));
        assertEquals(20, browser.findAll("#cases-table tbody tr").size());
        List<String> first = browser.findAll("#cases-table tbody tr").stream()
                .map(r -> r.getAttribute("data-tracking-no"))
                .toList();
        assertFalse(browser.find("#prev-page").isEnabled());
        rerender(() -> browser.find("#next-page").click());
        assertEquals(2, browser.findAll("#cases-table tbody tr").size());
        assertFalse(browser.find("#next-page").isEnabled(), "22 cases: two pages");
        rerender(() -> browser.find("#prev-page").click());
        assertEquals(
                first,
                browser.findAll("#cases-table tbody tr").stream()
                        .map(r -> r.getAttribute("data-tracking-no"))
                        .toList());
    }

    @Test
    void theDashboardShowsTheYearsFiguresAsCharts() {
        for (String[] c : new String[][] {
            {"complaint", "environment", "meijiadu"},
            {"help", "social-security", "fucun"},
            {"enquiry", "labour-wages", "hongxing"},
            {"suggestion", "urban-management", "gaocheng-cun"}
        }) {
            api.submit(c[0], c[1], c[2], "统计样例" + c[0], "用于统计页面的样例事项。");
        }
        int year = LocalDate.now(Clock.system(ChinaTime.ZONE)).getYear();
        JsonNode stats =
                api.send("GET", "/api/v1/admin/stats?year=" + year, admin, null).body();
        signIn(admin);
        browser.find("#console-nav a[data-nav='dashboard']").click();
        WebElement total =
                browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#kpi-total .kpi-value")));
        assertEquals(stats.get("total").asText(), total.getText());
        assertEquals(12, browser.findAll("#chart-month svg rect").size(), "a bar per month");
        assertTrue(browser.find("#chart-village").getText().contains("梅家渎村"));
        assertTrue(browser.find("#chart-category").getText().contains("生态环境"));
        assertTrue(browser.find("#chart-type").getText().contains("投诉举报"));
        assertEquals(
                stats.get("overdueNow").asText() + " 件",
                browser.find("#kpi-overdue .kpi-value").getText());
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("admin-dashboard");
    }

    @Test
    void aScriptInACaseRendersAsTextInTheConsole() {
        String title = "<img src=x onerror=\"window.__xss=1\">标题";
        String description = "<script>window.__xss=2</script><b>粗体</b>";
        String no = api.submit("complaint", "environment", "meijiadu", title, description)
                .get("trackingNo")
                .asText();
        signIn(admin);
        WebElement row = browser.find("tr[data-tracking-no='" + no + "'] td.title-cell");
        assertEquals(title, row.getText());
        openCase(no);
        assertEquals(title, browser.find("#case-title").getText());
        assertEquals(description, browser.find("#case-description").getText());
        assertTrue(browser.findAll("main img, main b, main script").isEmpty(), "no markup was created");
        assertNull(browser.js("return window.__xss === undefined ? null : window.__xss"));
    }

    @Test
    void aTokenThatGoesBadReturnsToTheSignInAndSignOutForgetsIt() {
        signIn(admin);
        assertEquals(admin, browser.js("return sessionStorage.getItem('banshi.staffToken')"));
        assertNull(browser.js("return localStorage.getItem('banshi.staffToken')"), "nothing outlives the tab");

        // The token goes bad (expired, revoked): the next call answers 401 and the console asks to sign in again.
        String forged =
                admin.substring(0, admin.lastIndexOf('.') + 1) + "AAAA" + admin.substring(admin.lastIndexOf('.') + 5);
        browser.js("sessionStorage.setItem('banshi.staffToken', arguments[0])", forged);
        browser.find("#console-nav a[data-nav='dashboard']").click();
        WebElement notice = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-notice")));
        assertTrue(notice.getText().contains("登录已失效"));
        assertNull(browser.js("return sessionStorage.getItem('banshi.staffToken')"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));

        signIn(admin);
        browser.find("#sign-out").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        assertNull(browser.js("return sessionStorage.getItem('banshi.staffToken')"));
    }

    @Test
    void reportsAndYearInputsSayWhenTheServerHasNoSuchService() throws Exception {
        try (WebStack bare = WebStack.withoutRoutes(
                "/api/v1/admin/reports",
                "/api/v1/admin/activities",
                "/api/v1/admin/plan-items",
                "/api/v1/admin/disclosure-figures")) {
            String token = bare.token("town-admin", null, "zhang.admin");
            browser.signInWithToken(bare.base, token, "#/reports");
            WebElement note =
                    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reports-unavailable")));
            assertTrue(note.getText().contains("尚未启用年度报告功能"), note.getText());

            browser.find("#console-nav a[data-nav='inputs']").click();
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-unavailable]"), 3));
            for (WebElement el : browser.findAll("[data-unavailable]"))
                assertTrue(el.getText().contains("尚未启用"), el.getText());
        }
    }
}

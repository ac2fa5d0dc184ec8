package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.accounts.StaffManagement;
import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.ApiTestSupport;
import cn.banshi.auth.Role;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.upkeep.DailyJobs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The daily sweep sends each responsible person one digest: village staff their village's, town admins the rest. */
class StaffDigestApiTest extends ApiTestSupport {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    NotificationFixture n;

    @BeforeEach
    void setUp() {
        setUpApp("2021-04-06T09:00");
        n = new NotificationFixture(app, clock, mail, dir);
        StaffManagement staff = app.staffManagement();
        staff.create(
                "gaocheng",
                "zhang.san",
                new StaffProfile(Role.TOWN_ADMIN, null, "张三", null, "zhang@gaocheng.gov.cn"),
                null);
        staff.create(
                "gaocheng", "li.si", new StaffProfile(Role.VILLAGE_STAFF, "meijiadu", "李四", "13700001111", null), null);
        // neither an auditor nor a disabled account gets a digest
        staff.create(
                "gaocheng", "qian.wu", new StaffProfile(Role.AUDITOR, null, "钱五", null, "qian@gaocheng.gov.cn"), null);
        var gone = staff.create(
                        "gaocheng",
                        "sun.liu",
                        new StaffProfile(Role.TOWN_ADMIN, null, "孙六", "13700002222", "sun@gaocheng.gov.cn"),
                        null)
                .account();
        staff.setEnabled(gone, false, null);
        // another town's admin neither
        staff.create(
                "dingshu", "zhou.qi", new StaffProfile(Role.TOWN_ADMIN, null, "周七", null, "zhou@dingshu.gov.cn"), null);
    }

    @Test
    void eachResponsiblePersonGetsOneDigestPerDay() throws Exception {
        ObjectNode none = complaint();
        ((ObjectNode) none.get("submitter")).put("notify", "none");
        String village = submitOnline("complaints", none).get("trackingNo").asText();
        LocalDate due = app.cases().find(village).orElseThrow().dueDate();
        LocalDate digestDay = due.minusDays(1);
        ObjectNode request = infoRequest();
        ((ObjectNode) request.get("applicant")).put("notify", "none");
        String info = submitOnline("info-requests", request).get("trackingNo").asText();
        act(info, "request-correction", "items", "请明确年份", "correctBy", digestDay.toString());

        clock.set(digestDay.atTime(0, 30).atZone(ChinaTime.ZONE).toInstant());
        DailyJobs.run(app, Set.of("gaocheng"));
        DailyJobs.run(app, Set.of("gaocheng"));
        Dispatcher.Report night = n.run();
        assertEquals(1, night.sent(), "the admin's e-mail at once");
        assertEquals(1, night.deferred(), "the village staff's SMS after 08:00");
        List<MimeMessage> mails = n.newMail();
        assertEquals(1, mails.size(), "one digest however often the sweep runs");
        assertEquals(
                "zhang@gaocheng.gov.cn",
                mails.get(0).getAllRecipients()[0].toString(),
                "the enabled town admin's account address");
        String text =
                new String(Base64.getMimeDecoder().decode(GreenMailUtil.getBody(mails.get(0))), StandardCharsets.UTF_8);
        assertTrue(text.contains(info), "the correction window closing today: " + text);
        assertFalse(text.contains(village), "the village's case goes to its staff");
        assertFalse(text.contains("李华"), "no personal data");

        clock.set(digestDay.atTime(8, 0).atZone(ChinaTime.ZONE).toInstant());
        n.run();
        List<SmsMessage> sms = n.sms;
        assertEquals(1, sms.size());
        assertEquals("13700001111", sms.get(0).phone());
        assertEquals(
                "【高塍镇人民政府】今日待办：1件2个工作日内到期，0件已逾期，0件补正期今日届满，请登录系统处理。", sms.get(0).text());
    }

    @Test
    @DisplayName("an unpublished disclosure report on 20 January: its town admins are told once, the clerks not")
    void unpublishedReportRemindsTheTownAdminsOnce() throws Exception {
        // the 2021 disclosure report, never published: the alert is due from 20 January 2022
        clock.set(LocalDate.of(2022, 1, 20).atTime(8, 30).atZone(ChinaTime.ZONE).toInstant());
        DailyJobs.run(app, Set.of("gaocheng"));
        clock.set(LocalDate.of(2022, 1, 21).atTime(8, 30).atZone(ChinaTime.ZONE).toInstant());
        DailyJobs.run(app, Set.of("gaocheng"));
        n.run();
        List<MimeMessage> mails = n.newMail();
        assertEquals(1, mails.size(), "one reminder to the one enabled town admin, however often the sweep runs");
        assertEquals("zhang@gaocheng.gov.cn", mails.get(0).getAllRecipients()[0].toString());
        assertTrue(
                mails.get(0).getSubject().contains("2021年政府信息公开工作年度报告尚未发布"),
                mails.get(0).getSubject());
        assertTrue(n.sms.isEmpty(), "the village clerk is not told about the town's report");
    }
}

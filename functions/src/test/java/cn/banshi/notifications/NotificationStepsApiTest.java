package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow step that tells the citizen, through the real handlers (payload-2.0 events) and the dispatcher: exactly
 * one SMS (to the local outbox file) and one e-mail (over SMTP to GreenMail) per step, with the expected text; steps
 * that tell nothing send nothing.
 */
class NotificationStepsApiTest extends ApiTestSupport {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    NotificationFixture n;

    static final String SIGN = "【高塍镇人民政府】";

    @BeforeEach
    void setUp() {
        setUpApp("2021-04-06T09:00");
        n = new NotificationFixture(app, clock, mail, dir);
    }

    static ObjectNode withBoth(ObjectNode body) {
        ((ObjectNode) body.get("submitter")).put("email", "wang@example.com").put("notify", "both");
        return body;
    }

    @Test
    void hotlineStepsEachSendOneMessage() throws Exception {
        JsonNode receipt = submitOnline("complaints", withBoth(complaint()));
        String no = receipt.get("trackingNo").asText();
        String code = receipt.get("accessCode").asText();
        n.run();
        assertEquals(
                SIGN + "已收到您的事项，查询号" + no + "，查询码" + code + "，请妥善保存。",
                n.newSms().get(0));
        MimeMessage receivedMail = n.newMail().get(0);
        assertEquals("已收到您的事项（" + no + "）", receivedMail.getSubject());
        String body = GreenMailUtil.getBody(receivedMail);
        assertTrue(decoded(receivedMail).contains("查询码：" + code), body);

        act(no, "accept");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已受理，办理进展可在办事网站查询。", n.oneEach());

        act(no, "assign", "village", "hongxing");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已派单办理，办理进展可在办事网站查询。", n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("已派单至红星社区办理"));

        act(no, "reply", "reply", "已安排保洁人员于本周内清理河道垃圾。");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已答复，答复内容可在办事网站查看。", n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("答复：已安排保洁人员于本周内清理河道垃圾。"));

        act(no, "resolve");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已办结，欢迎在办事网站查看结果并评价。", n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("https://banshi.example/track.html?no=" + no));

        act(no, "close", "followUp", "电话回访，群众满意");
        n.run();
        assertEquals(List.of(), n.newSms());
        assertEquals(List.of(), n.newMail());

        // the readable outbox file has the five SMS, the recipient masked
        String file = Files.readString(dir.resolve("outbox/messages.txt"), StandardCharsets.UTF_8);
        assertEquals(5, file.split("=== ", -1).length - 1);
        assertTrue(file.contains("139****5678"));
        assertFalse(file.contains("13912345678"));
    }

    @Test
    void rejectionSendsOneMessageWithTheReasonInTheEmail() throws Exception {
        String no = submitOnline("complaints", withBoth(complaint()))
                .get("trackingNo")
                .asText();
        n.run();
        n.newSms();
        n.newMail();
        act(no, "reject", "reason", "不属于本镇管辖范围");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "不予受理，原因可在办事网站查询。", n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("不予受理：不属于本镇管辖范围"));
    }

    @Test
    void informationRequestStepsIncludingTheStatutoryNotices() throws Exception {
        ObjectNode body = infoRequest();
        ((ObjectNode) body.get("applicant")).put("phone", "13812345678").put("notify", "both");
        String no = submitOnline("info-requests", body).get("trackingNo").asText();
        n.run();
        n.oneEach();

        act(no, "request-correction", "items", "请明确所需信息的项目名称和年份", "correctBy", "2021-04-20");
        n.run();
        assertEquals(
                SIGN + "您的申请" + no + "需补正，请于2021-04-20前补正，补正事项请在办事网站查看。",
                n.newSms().get(0));
        MimeMessage correction = n.newMail().get(0);
        assertEquals("补正告知：请于 2021-04-20 前补正您的申请（" + no + "）", correction.getSubject());
        assertTrue(decoded(correction).contains("请明确所需信息的项目名称和年份"));

        clock.advance(Duration.ofDays(2));
        act(no, "receive-correction", "receivedOn", "2021-04-08");
        n.run();
        assertEquals(List.of(), n.newSms(), "receiving the correction tells nothing");

        JsonNode extended = act(no, "extend", "reason", "需要调取历年档案");
        n.run();
        String due = extended.get("dueDate").asText();
        assertEquals(
                SIGN + "您的事项" + no + "办理期限延长至" + due + "，原因可在办事网站查询。",
                n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("延期理由：需要调取历年档案"));

        act(no, "consult-third-party", "thirdParty", "宜兴某某建设有限公司");
        n.run();
        assertEquals(SIGN + "您的申请" + no + "正在征求第三方意见，所需时间不计入答复期限。", n.newSms().get(0));
        assertFalse(decoded(n.newMail().get(0)).contains("宜兴某某"), "the third party is never named");

        clock.advance(Duration.ofDays(3));
        act(no, "third-party-replied");
        n.run();
        assertEquals(List.of(), n.newSms());

        act(no, "answer", "outcome", "disclosed", "repliedOn", "2021-04-11", "reply", "所申请信息已公开，见附件。");
        n.run();
        assertEquals(
                SIGN + "您的申请" + no + "已于2021-04-11作出答复，请在办事网站查看。", n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("所申请信息已公开，见附件。"));
    }

    @Test
    void petitionStepsTellTheHandlingBody() throws Exception {
        ObjectNode body = withBoth(complaint().put("type", "petition").put("category", "petition-land-requisition"));
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        n.run();
        n.oneEach();
        act(no, "register");
        n.run();
        assertEquals(SIGN + "您的信访事项" + no + "已登记，办理进展可在办事网站查询。", n.oneEach());
        act(no, "forward", "handlingBody", "镇国土所");
        n.run();
        assertEquals(SIGN + "您的信访事项" + no + "已转送有关机关办理，详情可在办事网站查询。", n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("已转送（交办）镇国土所办理"));
        act(no, "acknowledge");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已受理，办理进展可在办事网站查询。", n.oneEach());
        long v = app.cases().find(no).orElseThrow().version();
        act(
                no,
                v,
                ADMIN,
                null,
                Json.object().put("action", "extend").put("days", 30).put("reason", "涉及多个部门"));
        n.run();
        assertTrue(n.newSms().get(0).contains("办理期限延长至"));
        assertTrue(decoded(n.newMail().get(0)).contains("延期理由：涉及多个部门"));
        act(no, "reply", "opinion", "经调查核实，征地补偿已按标准发放。");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已答复，答复内容可在办事网站查看。", n.newSms().get(0));
        assertTrue(decoded(n.newMail().get(0)).contains("经调查核实，征地补偿已按标准发放。"));
    }

    @Test
    void disputeStepsNeverTellTheOtherParty() throws Exception {
        ObjectNode body = withBoth(complaint().put("type", "dispute").put("category", "dispute-neighbour"));
        body.putArray("parties").addObject().put("name", "赵四").put("phone", "13800001111");
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        n.run();
        n.oneEach();
        act(no, "accept");
        n.run();
        n.oneEach();
        act(no, "assign-mediator", "mediator", "高塍村人民调解委员会 周调解员");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已派单办理，办理进展可在办事网站查询。", n.oneEach());
        clock.advance(Duration.ofDays(1));
        act(no, "record-session", "date", "2021-04-07", "summary", "双方到场，初步沟通");
        n.run();
        assertEquals(
                SIGN + "您的调解申请" + no + "已于2021-04-07组织调解，详情可在办事网站查询。",
                n.newSms().get(0));
        assertFalse(decoded(n.newMail().get(0)).contains("双方到场"), "the session's summary is internal");
        act(no, "resolve", "result", "agreement-reached");
        n.run();
        assertEquals(SIGN + "您的事项" + no + "已办结，欢迎在办事网站查看结果并评价。", n.oneEach());
        for (SmsMessage m : n.sms) {
            assertEquals("13912345678", m.phone(), "only the submitter is told");
            assertFalse(m.text().contains("赵四"));
        }
    }

    @Test
    void anonymousAndNoneGetNothing() {
        ObjectNode anonymous = complaint();
        ((ObjectNode) anonymous.get("submitter")).removeAll().put("anonymous", true);
        String a = submitOnline("complaints", anonymous).get("trackingNo").asText();
        ObjectNode none = complaint();
        ((ObjectNode) none.get("submitter")).put("notify", "none");
        String b = submitOnline("complaints", none).get("trackingNo").asText();
        act(a, "accept");
        act(b, "accept");
        Dispatcher.Report report = n.run();
        assertEquals(0, report.takenOver());
        assertEquals(List.of(), n.newSms());
        assertEquals(List.of(), n.newMail());
    }

    /** The text body: plain UTF-8 text, base64 on the wire. */
    static String decoded(MimeMessage m) throws Exception {
        assertEquals("text/plain; charset=UTF-8", m.getContentType());
        assertEquals("base64", m.getEncoding());
        return new String(Base64.getMimeDecoder().decode(GreenMailUtil.getBody(m)), StandardCharsets.UTF_8);
    }
}

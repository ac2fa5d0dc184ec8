package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.intake.StaffIntakeHandler;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The e-mail as a real SMTP server receives it, and the choice at submission (public form and staff intake). */
class NotificationEmailAndFormsApiTest extends ApiTestSupport {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    NotificationFixture n;

    @BeforeEach
    void setUp() {
        setUpApp("2021-04-06T09:00");
        n = new NotificationFixture(app, clock, mail, dir);
    }

    @Test
    void theEmailIsUtf8MimeWithEncodedHeaders() throws Exception {
        ObjectNode body = complaint();
        ((ObjectNode) body.get("submitter")).put("email", "wang@example.com").put("notify", "email");
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        n.run();
        assertEquals(0, n.newSms().size(), "e-mail only");
        MimeMessage m = n.newMail().get(0);
        assertEquals("已收到您的事项（" + no + "）", m.getSubject());
        String rawSubject = m.getHeader("Subject")[0];
        assertTrue(rawSubject.startsWith("=?UTF-8?B?"), rawSubject);
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertEquals("noreply@gaocheng.gov.cn", from.getAddress());
        assertEquals("高塍镇人民政府", from.getPersonal());
        assertEquals("wang@example.com", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("text/plain; charset=UTF-8", m.getContentType());
        assertEquals("base64", m.getEncoding());
        assertEquals("1.0", m.getHeader("MIME-Version")[0]);
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
        assertEquals("<" + no + ".1.email@gaocheng.gov.cn>", m.getMessageID());
        assertEquals(clock.instant(), m.getSentDate().toInstant());
        String text = new String(Base64.getMimeDecoder().decode(GreenMailUtil.getBody(m)), StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"), "CRLF line ends");
        assertTrue(text.contains("河道有垃圾"), text);
        assertTrue(text.endsWith("（本邮件由系统自动发送，请勿直接回复。）\r\n"), text);
    }

    APIGatewayV2HTTPResponse submit(ObjectNode body) {
        return call(
                new SubmissionHandler(app),
                Events.post("/api/v1/towns/{town}/complaints", "/api/v1/towns/gaocheng/complaints", Json.write(body)));
    }

    ObjectNode withSubmitter(String... pairs) {
        ObjectNode body = complaint();
        ObjectNode submitter = (ObjectNode) body.get("submitter");
        for (int i = 0; i < pairs.length; i += 2) submitter.put(pairs[i], pairs[i + 1]);
        return body;
    }

    @Test
    void theChoiceIsValidatedLikeEveryField() {
        assertError(submit(withSubmitter("notify", "fax")), 400, "INVALID_VALUE", "submitter.notify");
        assertError(submit(withSubmitter("notify", "email")), 400, "REQUIRED", "submitter.email");
        assertError(submit(withSubmitter("email", "not-an-address")), 400, "INVALID_EMAIL", "submitter.email");
        assertError(
                submit(withSubmitter("phone", "0510-87654321", "notify", "sms")),
                400,
                "NOT_ALLOWED",
                "submitter.notify");
        ObjectNode anonymous = complaint();
        ((ObjectNode) anonymous.get("submitter"))
                .removeAll()
                .put("anonymous", true)
                .put("email", "a@example.com");
        assertError(submit(anonymous), 400, "NOT_ALLOWED", "submitter.email");
        ((ObjectNode) anonymous.get("submitter")).remove("email");
        ((ObjectNode) anonymous.get("submitter")).put("notify", "sms");
        assertError(submit(anonymous), 400, "NOT_ALLOWED", "submitter.notify");
        assertEquals(0, caseCount());
    }

    @Test
    void theDefaultIsSmsForAMobileAndEmailForAnAddress() {
        assertEquals(201, submit(withSubmitter("email", "wang@example.com")).getStatusCode());
        assertEquals(
                201,
                submit(withSubmitter("phone", "0510-87654321", "email", "wang@example.com"))
                        .getStatusCode());
        assertEquals(201, submit(withSubmitter("phone", "0510-87654321")).getStatusCode());
        n.run();
        assertEquals(1, n.newSms().size(), "only the mobile number");
        assertEquals(2, n.newMail().size(), "both given addresses");
    }

    @Test
    void staffIntakeTakesTheChoiceToo() {
        ObjectNode body = withSubmitter("email", "wang@example.com", "notify", "email");
        body.put("receivedOn", "2021-04-05").put("channel", "in-person");
        var response = call(
                new StaffIntakeHandler(app),
                as(
                        Events.post(
                                "/api/v1/admin/towns/{town}/complaints",
                                "/api/v1/admin/towns/gaocheng/complaints",
                                Json.write(body)),
                        ADMIN,
                        null));
        assertEquals(201, response.getStatusCode(), response.getBody());
        n.run();
        assertEquals(0, n.newSms().size());
        assertEquals(1, n.newMail().size());
    }
}

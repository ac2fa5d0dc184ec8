package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.api.AppContext;
import cn.banshi.testkit.MutableClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatcher of a test: SMS to the readable local outbox file (and recorded), e-mail over SMTP to the test's
 * GreenMail server.
 */
final class NotificationFixture {
    static final DispatchSettings SETTINGS =
            new DispatchSettings("https://banshi.example", "noreply@gaocheng.gov.cn", Duration.ofMinutes(2), 4, 10);

    final List<SmsMessage> sms = new ArrayList<>();
    final LocalOutbox outbox;
    final SmtpEmailSender smtp;
    final GreenMailExtension mail;
    final AppContext app;
    int mailSeen;
    int smsSeen;

    NotificationFixture(AppContext app, MutableClock clock, GreenMailExtension mail, Path dir) {
        this.app = app;
        this.mail = mail;
        this.outbox = new LocalOutbox(dir.resolve("outbox/messages.txt"), clock);
        this.smtp = new SmtpEmailSender("127.0.0.1", mail.getSmtp().getPort(), clock);
    }

    SmsSender recordingSms() {
        return m -> {
            synchronized (sms) {
                sms.add(m);
            }
            return outbox.send(m);
        };
    }

    Dispatcher dispatcher() {
        return dispatcher(recordingSms(), smtp, SETTINGS);
    }

    Dispatcher dispatcher(SmsSender s, EmailSender e, DispatchSettings settings) {
        return app.dispatcher(s, e, settings);
    }

    Dispatcher.Report run() {
        return dispatcher().run("gaocheng");
    }

    /** The SMS texts sent since the last call. */
    List<String> newSms() {
        List<String> texts =
                sms.subList(smsSeen, sms.size()).stream().map(SmsMessage::text).toList();
        smsSeen = sms.size();
        return texts;
    }

    /** The e-mails GreenMail received since the last call. */
    List<MimeMessage> newMail() {
        MimeMessage[] all = mail.getReceivedMessages();
        List<MimeMessage> fresh = List.of(all).subList(mailSeen, all.length);
        mailSeen = all.length;
        return fresh;
    }

    /** Exactly one SMS and one e-mail since the last look; returns the SMS text. */
    String oneEach() {
        List<String> texts = newSms();
        assertEquals(1, texts.size(), "one SMS: " + texts);
        assertEquals(1, newMail().size(), "one e-mail");
        return texts.get(0);
    }
}

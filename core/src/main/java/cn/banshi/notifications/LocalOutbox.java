package cn.banshi.notifications;

import cn.banshi.calendar.ChinaTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stand-in for the SMS provider (and for e-mail when no SMTP server is configured): appends every message to
 * a plain text file a person can read ({@code <data>/outbox/messages.txt}), recipients masked. {@code ./banshi up}
 * uses it; the staff console's 消息记录 page shows the same messages from the log.
 */
public final class LocalOutbox implements SmsSender, EmailSender {
    private final Path file;
    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();

    public LocalOutbox(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    @Override
    public SendResult send(SmsMessage m) {
        return append("短信", Recipients.mask(Channel.SMS, m.phone()), m.id(), null, m.text());
    }

    @Override
    public SendResult send(EmailMessage m) {
        return append("邮件", Recipients.maskEmail(m.to()), m.id(), m.subject(), m.body());
    }

    private synchronized SendResult append(String channel, String to, String id, String subject, String text) {
        StringBuilder b = new StringBuilder();
        b.append("=== ")
                .append(ChinaTime.timestamp(clock.instant()))
                .append("  ")
                .append(channel)
                .append("  收件人 ")
                .append(to)
                .append("  [")
                .append(id)
                .append("]\n");
        if (subject != null) b.append("主题：").append(subject).append('\n');
        b.append(text.strip()).append("\n\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, b.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SendResult.sent("local-" + counter.incrementAndGet());
    }
}

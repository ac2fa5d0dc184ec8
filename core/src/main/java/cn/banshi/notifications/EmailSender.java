package cn.banshi.notifications;

/**
 * The port every e-mail goes through: Amazon SES v2, an SMTP server or the local outbox, chosen by configuration
 * ({@code BANSHI_EMAIL}). The MIME message is built by {@link MimeMail} in every case, so what a test reads from a real
 * SMTP server is what SES sends.
 */
public interface EmailSender {
    SendResult send(EmailMessage message);
}

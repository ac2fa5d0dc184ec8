package cn.banshi.notifications;

/** One e-mail to send: plain UTF-8 text. {@code id} is banshi's message id (also in the Message-ID header). */
public record EmailMessage(String id, String from, String fromName, String to, String subject, String body) {}

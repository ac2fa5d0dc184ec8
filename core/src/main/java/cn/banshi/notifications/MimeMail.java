package cn.banshi.notifications;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The MIME message of an e-mail (RFC 5322/2045/2047), the same bytes for every sender: Amazon SES receives them as a
 * raw message, an SMTP server as the DATA. Plain text in UTF-8, base64-encoded; the subject and the sender's name as
 * RFC 2047 encoded words; CRLF line ends.
 */
public final class MimeMail {
    private static final String CRLF = "\r\n";

    private MimeMail() {}

    public static byte[] build(EmailMessage m, ZonedDateTime date, String messageIdDomain) {
        StringBuilder h = new StringBuilder();
        h.append("From: ")
                .append(word(m.fromName()))
                .append(" <")
                .append(m.from())
                .append('>')
                .append(CRLF);
        h.append("To: <").append(m.to()).append('>').append(CRLF);
        h.append("Subject: ").append(word(m.subject())).append(CRLF);
        h.append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date))
                .append(CRLF);
        h.append("Message-ID: <")
                .append(m.id().replaceAll("[^A-Za-z0-9.-]", "."))
                .append('@')
                .append(messageIdDomain)
                .append('>')
                .append(CRLF);
        h.append("MIME-Version: 1.0").append(CRLF);
        h.append("Content-Type: text/plain; charset=UTF-8").append(CRLF);
        h.append("Content-Transfer-Encoding: base64").append(CRLF);
        h.append("Auto-Submitted: auto-generated").append(CRLF);
        h.append(CRLF);
        String body = m.body().replace("\r\n", "\n").replace("\n", CRLF);
        String encoded = Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII))
                .encodeToString(body.getBytes(StandardCharsets.UTF_8));
        h.append(encoded).append(CRLF);
        return h.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A header text as RFC 2047 encoded words ({@code =?UTF-8?B?…?=}), each at most 75 characters and never splitting a
     * character, separated by folding whitespace.
     */
    static String word(String text) {
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) return text;
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > 45) {
                append(out, chunk);
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        append(out, chunk);
        return out.toString();
    }

    private static void append(StringBuilder out, StringBuilder chunk) {
        if (chunk.isEmpty()) return;
        if (!out.isEmpty()) out.append(CRLF).append(' ');
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8)))
                .append("?=");
    }
}

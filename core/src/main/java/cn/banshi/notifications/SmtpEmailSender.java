package cn.banshi.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Sends the {@link MimeMail} bytes to an SMTP server without authentication or TLS: a relay on the same host or
 * network (a test's GreenMail, a local relay). Answers 5xx as permanent failures, anything else as transient ones.
 */
public final class SmtpEmailSender implements EmailSender {
    private final String host;
    private final int port;
    private final Clock clock;

    public SmtpEmailSender(String host, int port, Clock clock) {
        this.host = host;
        this.port = port;
        this.clock = clock;
    }

    @Override
    public SendResult send(EmailMessage m) {
        byte[] mime = MimeMail.build(m, ZonedDateTime.now(clock), domain(m.from()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, "HELO banshi");
            expect(in, 250);
            command(out, "MAIL FROM:<" + m.from() + ">");
            expect(in, 250);
            command(out, "RCPT TO:<" + m.to() + ">");
            expect(in, 250);
            command(out, "DATA");
            expect(in, 354);
            out.write(dotStuffed(mime));
            command(out, ".");
            String accepted = expect(in, 250);
            command(out, "QUIT");
            return SendResult.sent(
                    "smtp:" + accepted.substring(Math.min(4, accepted.length())).strip());
        } catch (SmtpReply reply) {
            return reply.code >= 500
                    ? SendResult.permanentFailure("SMTP " + reply.code)
                    : SendResult.transientFailure("SMTP " + reply.code);
        } catch (IOException e) {
            return SendResult.transientFailure("SMTP " + e.getClass().getSimpleName());
        }
    }

    private static byte[] dotStuffed(byte[] mime) {
        String text = new String(mime, StandardCharsets.US_ASCII);
        return text.replace("\r\n.", "\r\n..").getBytes(StandardCharsets.US_ASCII);
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String expect(BufferedReader in, int code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) throw new IOException("connection closed");
        } while (line.length() > 3 && line.charAt(3) == '-');
        int got = line.length() >= 3 ? Integer.parseInt(line.substring(0, 3)) : 0;
        if (got != code) throw new SmtpReply(got);
        return line;
    }

    static String domain(String address) {
        int at = address.indexOf('@');
        return at < 0 ? "banshi.local" : address.substring(at + 1);
    }

    private static final class SmtpReply extends IOException {
        final int code;

        SmtpReply(int code) {
            super("SMTP " + code, null);
            this.code = code;
        }
    }
}

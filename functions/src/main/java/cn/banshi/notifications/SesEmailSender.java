package cn.banshi.notifications;

import java.time.Clock;
import java.time.ZonedDateTime;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * E-mail through Amazon SES v2: the {@link MimeMail} bytes as a raw message, from the verified identity
 * {@code BANSHI_EMAIL_FROM}. A rejected message or an unverified identity is permanent; throttling is not.
 */
public final class SesEmailSender implements EmailSender {
    private final SesV2Client ses;
    private final Clock clock;

    public SesEmailSender(SesV2Client ses, Clock clock) {
        this.ses = ses;
        this.clock = clock;
    }

    @Override
    public SendResult send(EmailMessage m) {
        byte[] mime = MimeMail.build(m, ZonedDateTime.now(clock), SmtpEmailSender.domain(m.from()));
        try {
            var response = ses.sendEmail(b -> b.fromEmailAddress(m.from())
                    .destination(d -> d.toAddresses(m.to()))
                    .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(mime)))));
            return SendResult.sent("ses:" + response.messageId());
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | AccountSuspendedException rejected) {
            return SendResult.permanentFailure(
                    "邮件被拒收（" + rejected.awsErrorDetails().errorCode() + "）");
        } catch (SesV2Exception e) {
            return SendResult.transientFailure("SES "
                    + (e.awsErrorDetails() == null
                            ? e.statusCode()
                            : e.awsErrorDetails().errorCode()));
        }
    }
}

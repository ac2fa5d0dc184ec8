package cn.banshi.notifications;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.OptedOutException;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * SMS through Amazon SNS (Publish to a phone number; global regions only, AWS China regions have no SNS SMS): the
 * rendered text, transactional, with the sender id if the account registered one. A rejected number is permanent.
 */
public final class SnsSmsSender implements SmsSender {
    private final SnsClient sns;
    private final String senderId;

    public SnsSmsSender(SnsClient sns, String senderId) {
        this.sns = sns;
        this.senderId = senderId;
    }

    @Override
    public SendResult send(SmsMessage m) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("AWS.SNS.SMS.SMSType", text("Transactional"));
        if (senderId != null && !senderId.isBlank()) attributes.put("AWS.SNS.SMS.SenderID", text(senderId));
        try {
            var response = sns.publish(b -> b.phoneNumber("+86" + m.phone().replace("-", ""))
                    .message(m.text())
                    .messageAttributes(attributes));
            return SendResult.sent("sns:" + response.messageId());
        } catch (InvalidParameterException | InvalidParameterValueException | OptedOutException rejected) {
            return SendResult.permanentFailure(
                    "号码无效或已退订（" + rejected.awsErrorDetails().errorCode() + "）");
        } catch (SnsException e) {
            return SendResult.transientFailure("SNS "
                    + (e.awsErrorDetails() == null
                            ? e.statusCode()
                            : e.awsErrorDetails().errorCode()));
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}

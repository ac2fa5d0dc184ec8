package cn.banshi.intake;

import cn.banshi.cases.Personal.Contact;
import cn.banshi.errors.Errors;
import cn.banshi.notifications.Channel;
import cn.banshi.notifications.NotifyChoice;
import cn.banshi.validation.ChineseIds;
import cn.banshi.validation.Fields;
import java.util.Optional;

/**
 * The person's choice of how to be told about the case ({@code notify}: sms, email, both, none). Without a choice: SMS
 * when a mobile number is given, e-mail when an address is given (both when both are). SMS needs a mobile number,
 * e-mail an address; an anonymous submitter is told nothing, so gives neither a choice nor an address.
 */
final class ContactForms {
    private ContactForms() {}

    /**
     * @param person the submitter or applicant object (its {@code notify} field)
     * @param phone the canonical phone given, or null
     * @param email the e-mail address given, or null
     * @param keepEmail whether the address goes into the contact (a submitter's) or is kept elsewhere (an applicant's)
     */
    static Contact parse(Fields person, String phone, String email, boolean anonymous, boolean keepEmail) {
        Optional<String> code = person.optionalCode("notify", NotifyChoice.CODES);
        if (anonymous) {
            if (code.isPresent() && !code.get().equals("none")) {
                throw Errors.notAllowed(
                        person.path("notify"), "匿名提交不发送办理进展通知", "Anonymous submissions are not notified");
            }
            if (email != null) {
                throw Errors.notAllowed(
                        person.path("email"),
                        "匿名提交不发送通知，请勿填写电子邮箱",
                        "Anonymous submissions are not notified; leave the e-mail out");
            }
            return null;
        }
        boolean mobile = phone != null && ChineseIds.isMobile(phone);
        NotifyChoice choice = code.map(NotifyChoice::fromCode).orElseGet(() -> defaultChoice(mobile, email != null));
        if (choice.uses(Channel.SMS) && !mobile) {
            throw Errors.notAllowed(person.path("notify"), "短信通知需要填写手机号码", "SMS notifications need a mobile number");
        }
        if (choice.uses(Channel.EMAIL) && email == null) throw Errors.required(person.path("email"));
        return new Contact(choice, keepEmail ? email : null);
    }

    static NotifyChoice defaultChoice(boolean mobile, boolean email) {
        if (mobile && email) return NotifyChoice.BOTH;
        if (mobile) return NotifyChoice.SMS;
        return email ? NotifyChoice.EMAIL : NotifyChoice.NONE;
    }
}

package cn.banshi.notifications;

import cn.banshi.validation.ChineseIds;

/** Masked recipients, for the message log and the console: 139****5678, w***@example.com. */
public final class Recipients {
    private Recipients() {}

    public static String mask(Channel channel, String recipient) {
        if (recipient == null) return null;
        return channel == Channel.SMS ? ChineseIds.maskPhone(recipient) : maskEmail(recipient);
    }

    public static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0) return "***";
        return email.charAt(0) + "***" + email.substring(at);
    }
}

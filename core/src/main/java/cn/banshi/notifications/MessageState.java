package cn.banshi.notifications;

import java.util.Arrays;

/** Where a message is: waiting (possibly until after quiet hours or a retry), sent, or failed for good. */
public enum MessageState {
    PENDING("pending", "待发送"),
    SENT("sent", "已发送"),
    FAILED("failed", "发送失败");

    private final String code;
    private final String nameZh;

    MessageState(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static MessageState fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("state " + code));
    }
}

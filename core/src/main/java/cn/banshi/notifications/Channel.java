package cn.banshi.notifications;

import java.util.Arrays;

/** How a message reaches its person. */
public enum Channel {
    SMS("sms"),
    EMAIL("email");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Channel fromCode(String code) {
        return Arrays.stream(values())
                .filter(c -> c.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("channel " + code));
    }
}

package cn.banshi.attachments;

import java.util.Arrays;

/** Who sees an attachment: staff only, or also the citizen on the tracking page. */
public enum Visibility {
    INTERNAL("internal"),
    PUBLIC("public");

    private final String code;

    Visibility(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Visibility fromCode(String code) {
        return Arrays.stream(values())
                .filter(v -> v.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("visibility " + code));
    }
}

package cn.banshi.attachments;

import java.util.Arrays;

/** An upload's life: a slot handed out (pending), then checked: ready to attach, or refused with a code. */
public enum UploadState {
    PENDING("pending"),
    READY("ready"),
    REFUSED("refused");

    private final String code;

    UploadState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static UploadState fromCode(String code) {
        return Arrays.stream(values())
                .filter(v -> v.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("upload state " + code));
    }
}

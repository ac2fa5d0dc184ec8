package cn.banshi.json;

import java.io.IOException;

/**
 * A text {@link Json#parse} refused: not JSON, a duplicate key, too deep or too long, or something after the value.
 * {@link #detail()} is the parser's own description without its location, which clients see in
 * {@code INVALID_JSON}.
 */
public final class JsonSyntaxException extends IOException {
    private final String detail;

    JsonSyntaxException(String detail, String message, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    /** What is wrong, without the location in the input. */
    public String detail() {
        return detail;
    }
}

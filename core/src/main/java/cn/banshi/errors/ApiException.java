package cn.banshi.errors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * The one error type that reaches a client. Everything a caller did wrong becomes one of these, with a
 * stable code, a Chinese and an English message and the offending field; handlers map it to
 * {@code {"error": {...}}}. Only {@link Errors} creates them, so its methods are every code the API can answer
 * (infra/openapi.yaml lists the same codes; ErrorCodesContractTest keeps the two the same set).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final String field;
    private final Integer retryAfterSeconds;
    private final Consumer<ObjectNode> details;

    ApiException(int status, String code, String messageZh, String messageEn, String field) {
        this(status, code, messageZh, messageEn, field, null, null);
    }

    ApiException(int status, String code, String messageZh, String messageEn, String field, Integer retryAfterSeconds) {
        this(status, code, messageZh, messageEn, field, retryAfterSeconds, null);
    }

    ApiException(
            int status,
            String code,
            String messageZh,
            String messageEn,
            String field,
            Integer retryAfterSeconds,
            Consumer<ObjectNode> details) {
        super(code + ": " + messageEn + (field == null ? "" : " (" + field + ")"), null, false, false);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    public String field() {
        return field;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Adds facts beyond code, messages and field to the error object (e.g. the allowed actions). */
    public void describe(ObjectNode error) {
        if (details != null) details.accept(error);
    }
}

package cn.banshi.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of case a citizen can bring to the town desk. {@link #code()} is the stable identifier used
 * in the API and in stored data; {@link #nameZh()} is the Chinese name shown to people.
 *
 * <p>The first six types are classified by the town's catalog categories. {@link #INFO_REQUEST}
 * (政府信息公开申请) follows its own statutory procedure and time limits (政府信息公开条例) and is never
 * attached to a category: see {@link #hasCategories()}.
 */
public enum CaseType {
    COMPLAINT("complaint", "投诉举报"),
    HELP("help", "求助"),
    ENQUIRY("enquiry", "咨询"),
    SUGGESTION("suggestion", "意见建议"),
    DISPUTE("dispute", "矛盾纠纷调解申请"),
    PETITION("petition", "信访"),
    INFO_REQUEST("info-request", "政府信息公开申请");

    private static final List<CaseType> CATEGORISED =
            Arrays.stream(values()).filter(CaseType::hasCategories).toList();

    private final String code;
    private final String nameZh;

    CaseType(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    /** Stable API code, e.g. {@code "complaint"}. */
    public String code() {
        return code;
    }

    /** Chinese name, e.g. {@code "投诉举报"}. */
    public String nameZh() {
        return nameZh;
    }

    /** Whether catalog categories (and their time limits) apply to this type; false only for {@link #INFO_REQUEST}. */
    public boolean hasCategories() {
        return this != INFO_REQUEST;
    }

    /** The types that categories may list, in declaration order. */
    public static List<CaseType> categorised() {
        return CATEGORISED;
    }

    /**
     * The type with the given API code, like {@link #valueOf} but by code.
     *
     * @throws IllegalArgumentException for {@code null} or an unknown code; use {@link #find} for input
     *                                  that has not been validated
     */
    public static CaseType fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown case type code: " + code));
    }

    /** The type with the given API code; empty for {@code null} or an unknown code. */
    public static Optional<CaseType> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (CaseType t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

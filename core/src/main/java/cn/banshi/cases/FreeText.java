package cn.banshi.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * The parts of a case a citizen writes in their own words, which staff may mark as personal when they carry a name, a
 * phone, an address (docs/personal-data.md): the title, the description (a dispute's or a petition's statement, the
 * information an information request asks for) and the rating's comment. {@code maxLength} is the intake's limit, in
 * characters; {@code multiline} whether line breaks are allowed.
 */
public enum FreeText {
    TITLE("title", "标题", 100, false),
    DESCRIPTION("description", "诉求内容", 5000, true),
    RATING_COMMENT("ratingComment", "评价意见", 500, false);

    private final String code;
    private final String nameZh;
    private final int maxLength;
    private final boolean multiline;

    FreeText(String code, String nameZh, int maxLength, boolean multiline) {
        this.code = code;
        this.nameZh = nameZh;
        this.maxLength = maxLength;
        this.multiline = multiline;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean multiline() {
        return multiline;
    }

    /** The text as the case holds it now (null when the case has none: a rating without a comment, or no rating). */
    public String of(CaseRecord c) {
        return switch (this) {
            case TITLE -> c.title();
            case DESCRIPTION -> c.description();
            case RATING_COMMENT -> c.rating() == null ? null : c.rating().comment();
        };
    }

    /** {@code c} with {@code text} in place of this part (the same version: the caller makes the next one). */
    public CaseRecord with(CaseRecord c, String text) {
        return switch (this) {
            case TITLE -> c.toBuilder().title(text).build();
            case DESCRIPTION -> c.toBuilder().description(text).build();
            case RATING_COMMENT ->
                c.toBuilder()
                        .rating(new Rating(c.rating().score(), text, c.rating().at()))
                        .build();
        };
    }

    public static Optional<FreeText> find(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}

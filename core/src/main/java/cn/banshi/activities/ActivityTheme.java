package cn.banshi.activities;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a staff activity or measure was about; the report groups section 1 by theme in this order. */
public enum ActivityTheme {
    LEADERSHIP("leadership", "党委领导"),
    RULE_MAKING("rule-making", "制度建设"),
    DECISION_MAKING("decision-making", "依法决策和法律顾问"),
    LEGAL_EDUCATION("legal-education", "普法宣传教育"),
    DISPUTE_RESOLUTION("dispute-resolution", "矛盾纠纷化解"),
    OPEN_GOVERNMENT("open-government", "政务公开"),
    SUPERVISION("supervision", "监督"),
    LEADERSHIP_DUTY("leadership-duty", "第一责任人履职"),
    OTHER("other", "其他");

    private final String code;
    private final String nameZh;

    ActivityTheme(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<ActivityTheme> find(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static Set<String> codes() {
        return Arrays.stream(values()).map(ActivityTheme::code).collect(Collectors.toUnmodifiableSet());
    }
}

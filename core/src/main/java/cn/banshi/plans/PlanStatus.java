package cn.banshi.plans;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What became of a plan item. */
public enum PlanStatus {
    NOT_STARTED("not-started", "尚未开展"),
    IN_PROGRESS("in-progress", "正在推进"),
    DONE("done", "已完成");

    private final String code;
    private final String nameZh;

    PlanStatus(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<PlanStatus> find(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static Set<String> codes() {
        return Arrays.stream(values()).map(PlanStatus::code).collect(Collectors.toUnmodifiableSet());
    }
}

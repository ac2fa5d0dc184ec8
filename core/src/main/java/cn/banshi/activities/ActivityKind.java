package cn.banshi.activities;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an activity was: a meeting, an event held for people (a lecture, a training, a publicity day: the
 * report counts these as 场次), a document issued (a rule, a plan), or a standing measure (a mechanism set
 * up, a campaign). The work report groups section 1 by theme and states each kind's count.
 */
public enum ActivityKind {
    MEETING("meeting", "会议"),
    EVENT("event", "活动"),
    DOCUMENT("document", "制度文件"),
    MEASURE("measure", "工作举措");

    private final String code;
    private final String nameZh;

    ActivityKind(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<ActivityKind> find(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static Set<String> codes() {
        return Arrays.stream(values()).map(ActivityKind::code).collect(Collectors.toUnmodifiableSet());
    }
}

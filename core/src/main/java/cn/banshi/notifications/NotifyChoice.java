package cn.banshi.notifications;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The citizen's choice at submission: how to be told about the case's steps. */
public enum NotifyChoice {
    SMS("sms", EnumSet.of(Channel.SMS)),
    EMAIL("email", EnumSet.of(Channel.EMAIL)),
    BOTH("both", EnumSet.of(Channel.SMS, Channel.EMAIL)),
    NONE("none", EnumSet.noneOf(Channel.class));

    public static final Set<String> CODES = Set.of("sms", "email", "both", "none");

    private final String code;
    private final EnumSet<Channel> channels;

    NotifyChoice(String code, EnumSet<Channel> channels) {
        this.code = code;
        this.channels = channels;
    }

    public String code() {
        return code;
    }

    public Set<Channel> channels() {
        return EnumSet.copyOf(channels);
    }

    public boolean uses(Channel channel) {
        return channels.contains(channel);
    }

    public static NotifyChoice fromCode(String code) {
        return Arrays.stream(values())
                .filter(c -> c.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("notify " + code));
    }
}

package cn.banshi.cases;

import cn.banshi.notifications.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * A message a case change asked for and the dispatcher has not yet taken over: written in the same conditional write
 * as the change (the case item's {@code outbox}), so a crash can neither lose nor duplicate it. {@code id} is
 * {@code <history seq>#<channel>}: a retried action that loses its version race adds nothing. {@code params} are the
 * template's variables (the access code only in the receipt).
 */
public record PendingNotice(String id, String kind, Channel channel, Instant at, Map<String, String> params) {
    public PendingNotice {
        params = Map.copyOf(params);
    }

    public static String id(int seq, Channel channel) {
        return seq + "#" + channel.code();
    }
}

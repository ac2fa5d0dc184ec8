package cn.banshi.cases;

import cn.banshi.notifications.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * A message a case change asked for and the dispatcher has not yet taken over: written in the same conditional write
 * as the change (the case item's {@code outbox}), so a crash can neither lose nor duplicate it. {@code id} is
 * {@code <history seq>#<channel>}: a retried action that loses its version race adds nothing. {@code params} are the
 * template's variables (the access code only in the receipt). {@code follower} is null for the case's own submitter
 * or applicant, else the id of the {@link Personal.Follower} the message goes to (the id then ends in {@code #<id>}).
 */
public record PendingNotice(
        String id, String kind, Channel channel, Instant at, Map<String, String> params, String follower) {
    public PendingNotice {
        params = Map.copyOf(params);
    }

    /** A message to the case's own submitter or applicant. */
    public PendingNotice(String id, String kind, Channel channel, Instant at, Map<String, String> params) {
        this(id, kind, channel, at, params, null);
    }

    public static String id(int seq, Channel channel) {
        return seq + "#" + channel.code();
    }

    /** The id of the message of step {@code seq} to a follower. */
    public static String id(int seq, Channel channel, String follower) {
        return id(seq, channel) + "#" + follower;
    }
}

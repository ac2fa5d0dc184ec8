package cn.banshi.duplicates;

import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.PendingNotice;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Follower;
import cn.banshi.errors.Errors;
import cn.banshi.notifications.CaseNotices;
import cn.banshi.notifications.Channel;
import cn.banshi.notifications.NotifyChoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Citizens who follow a case instead of filing the same matter again (issue 19), and the filers of duplicates merged
 * into it: each is a {@link Follower} inside the case's {@link Personal} (personal data, never shown to others) and is
 * told the case's later public steps like its filer ({@link CaseNotices}). Adding one is a change of the case item like
 * any other (the next version, written with the version condition), without a history step: following tells staff
 * nothing about the matter.
 */
public final class Followers {
    /** A case keeps at most this many followers (the item stays far below DynamoDB's 400 KB). */
    public static final int MAX = 100;
    /** The kind of the message that confirms the following to the new follower. */
    public static final String CONFIRMATION = "following";

    private Followers() {}

    /** How a follower is told: the channels chosen, a canonical mobile number and/or an e-mail address. */
    public record Contact(NotifyChoice choice, String phone, String email) {}

    /** The case after the change, and the follower (new, or the one that already had this contact). */
    public record Added(CaseRecord next, Follower follower, boolean added) {}

    /**
     * {@code c} with a follower of {@code contact} added, as its next version, with the confirmation message in its
     * outbox. A contact that already follows the case (the same phone or e-mail) is not added twice: the case comes
     * back unchanged. Only an open case that is not marked as spam can be followed.
     *
     * @throws cn.banshi.errors.ApiException NOT_FOLLOWABLE when the case is finished or has {@link #MAX} followers
     */
    public static Added add(CaseRecord c, Contact contact, Instant at) {
        if (!c.status().isOpen() || c.isSpam()) throw Errors.notFollowable(true);
        List<Follower> followers = c.personal().followers();
        Optional<Follower> existing =
                followers.stream().filter(f -> sameContact(f, contact)).findFirst();
        if (existing.isPresent()) return new Added(c, existing.get(), false);
        if (followers.size() >= MAX) throw Errors.notFollowable(false);
        Follower follower = new Follower(nextId(followers), contact.choice(), contact.phone(), contact.email(), at);
        List<Follower> next = new ArrayList<>(followers);
        next.add(follower);
        List<PendingNotice> outbox = new ArrayList<>(c.outbox());
        Map<String, String> params = new HashMap<>();
        params.put("trackingNo", c.trackingNo());
        params.put("typeName", c.type().nameZh());
        params.put("title", c.title());
        for (Channel channel : CaseNotices.channels(follower)) {
            outbox.add(new PendingNotice(
                    CONFIRMATION + "#" + channel.code() + "#" + follower.id(),
                    CONFIRMATION,
                    channel,
                    at,
                    params,
                    follower.id()));
        }
        CaseRecord changed = c.toBuilder()
                .version(c.version() + 1)
                .personal(c.personal().withFollowers(next))
                .outbox(outbox)
                .build();
        return new Added(changed, follower, true);
    }

    /** {@code c} without the follower {@code id} (e.g. when a merge is undone), as its next version. */
    public static CaseRecord remove(CaseRecord c, String id) {
        List<Follower> next = new ArrayList<>(c.personal().followers());
        if (!next.removeIf(f -> f.id().equals(id))) return c;
        return c.toBuilder()
                .version(c.version() + 1)
                .personal(c.personal().withFollowers(next))
                .build();
    }

    private static boolean sameContact(Follower f, Contact contact) {
        boolean phone = f.phone() != null && f.phone().equals(contact.phone());
        boolean email = f.email() != null
                && contact.email() != null
                && f.email().toLowerCase(Locale.ROOT).equals(contact.email().toLowerCase(Locale.ROOT));
        return phone || email;
    }

    private static String nextId(List<Follower> followers) {
        int max = 0;
        for (Follower f : followers) max = Math.max(max, Integer.parseInt(f.id().substring(1)));
        return "f" + (max + 1);
    }
}

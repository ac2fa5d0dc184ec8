package cn.banshi.duplicates;

import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Follower;
import cn.banshi.errors.ApiException;
import cn.banshi.notifications.CaseNotices;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The filer of a merged duplicate follows the original ({@link Followers}): told its later public steps. The change is
 * part of the original's version that lists the duplicate (the same conditional write), so it keeps that version and
 * outbox: the filer's own message about the merge comes from the duplicate ("merged"), not a separate confirmation.
 * A filer who cannot be reached (anonymous, no channel) or an original at its follower limit is simply not added.
 */
public final class MergeFollowers implements DuplicateFollowers {
    private final Supplier<Instant> now;

    public MergeFollowers(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public CaseRecord follow(CaseRecord original, CaseRecord duplicate) {
        Personal p = duplicate.personal();
        if (CaseNotices.channels(p).isEmpty()) return original;
        Followers.Contact contact = new Followers.Contact(p.contact().choice(), p.contactPhone(), p.contactEmail());
        try {
            Followers.Added added = Followers.add(original, contact, now.get());
            return added.next().toBuilder()
                    .version(original.version())
                    .outbox(original.outbox())
                    .build();
        } catch (ApiException notFollowable) {
            return original;
        }
    }

    @Override
    public CaseRecord unfollow(CaseRecord original, CaseRecord duplicate) {
        Personal p = duplicate.personal();
        if (p == null || original.personal() == null) return original;
        for (Follower f : original.personal().followers()) {
            if (sameContact(f, p)) {
                return Followers.remove(original, f.id()).toBuilder()
                        .version(original.version())
                        .build();
            }
        }
        return original;
    }

    private static boolean sameContact(Follower f, Personal p) {
        boolean phone = f.phone() != null && Objects.equals(f.phone(), p.contactPhone());
        boolean email = f.email() != null
                && p.contactEmail() != null
                && f.email().toLowerCase(Locale.ROOT).equals(p.contactEmail().toLowerCase(Locale.ROOT));
        return phone || email;
    }
}

package cn.banshi.duplicates;

import cn.banshi.abuse.VerificationCodes;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.validation.ChineseIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A citizen follows an open case of the town instead of filing the same matter again ({@code POST
 * /towns/{town}/cases/{trackingNo}/followers}): only cases that suggestions can show ({@link SimilarCases#PUBLIC_TYPES},
 * open, not spam) can be followed; the town's phone verification applies as for filing that type. Following twice
 * with the same contact changes nothing.
 */
public final class FollowService {
    private static final int ATTEMPTS = 5;

    private final CaseStore cases;
    private final VerificationCodes codes;
    private final Clock clock;

    public FollowService(CaseStore cases, VerificationCodes codes, Clock clock) {
        this.cases = cases;
        this.codes = codes;
        this.clock = clock;
    }

    /** The case followed (as stored after the change) and the follower. */
    public Followers.Added follow(
            Catalog catalog, String rawTrackingNo, Followers.Contact contact, Optional<String> code) {
        String town = catalog.town().id();
        String trackingNo =
                TrackingNumbers.normalizeTrackingNo(rawTrackingNo).orElseThrow(() -> Errors.notFound("trackingNo"));
        CaseRecord c = followable(town, trackingNo);
        if (catalog.requiresVerification(c.type())) {
            if (contact.phone() == null) throw Errors.verificationRequired("phone");
            if (!ChineseIds.isMobile(contact.phone())) throw Errors.notMobile("phone");
            if (code.isEmpty()) throw Errors.verificationRequired("verification");
            codes.consume(
                    town,
                    ChineseIds.normalizePhone(contact.phone()),
                    code.get(),
                    "follow#" + trackingNo,
                    "verification.code");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int attempt = 1; ; attempt++) {
            Followers.Added added = Followers.add(c, contact, at);
            if (!added.added()) return added;
            try {
                cases.update(added.next());
                return added;
            } catch (CaseStore.VersionConflictException changed) {
                if (attempt == ATTEMPTS) throw Errors.unavailable(1);
                c = followable(town, trackingNo);
            }
        }
    }

    private CaseRecord followable(String town, String trackingNo) {
        Optional<CaseRecord> found = cases.find(trackingNo);
        if (found.isEmpty()
                || !found.get().town().equals(town)
                || found.get().isSpam()
                || !SimilarCases.PUBLIC_TYPES.contains(found.get().type())) {
            throw Errors.notFound("trackingNo");
        }
        return found.get();
    }
}

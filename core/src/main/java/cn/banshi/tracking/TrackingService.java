package cn.banshi.tracking;

import cn.banshi.cases.AccessCodes;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.Rating;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.errors.Errors;
import cn.banshi.workflow.Workflows;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What a citizen sees with tracking number and access code: status, due date and the public timeline.
 * No personal data. Unknown number and wrong code answer the same 404.
 */
public final class TrackingService {
    private final CaseStore cases;
    private final AttemptLimiter limiter;
    private final Clock clock;

    public TrackingService(CaseStore cases, AttemptLimiter limiter, Clock clock) {
        this.cases = cases;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** The case, if the code is right; throws 404 or 429 otherwise. */
    public CaseRecord authorize(String rawTrackingNo, String rawAccessCode) {
        if (rawAccessCode == null || rawAccessCode.isBlank()) throw Errors.required("X-Access-Code");
        String trackingNo = TrackingNumbers.normalizeTrackingNo(rawTrackingNo).orElseThrow(Errors::trackingNotFound);
        AttemptLimiter.Attempt attempt = limiter.take(trackingNo);
        if (attempt.lockedForSeconds() > 0) throw Errors.tooManyAttempts(attempt.lockedForSeconds());
        Optional<String> code = TrackingNumbers.normalizeAccessCode(rawAccessCode);
        Optional<CaseRecord> found = code.isEmpty() ? Optional.empty() : cases.find(trackingNo);
        if (found.isEmpty()
                || !AccessCodes.matches(trackingNo, code.get(), found.get().accessHash())) {
            throw Errors.trackingNotFound(); // the attempt stays taken
        }
        limiter.giveBack(attempt);
        return found.get();
    }

    public CaseRecord track(String rawTrackingNo, String rawAccessCode) {
        return authorize(rawTrackingNo, rawAccessCode);
    }

    /** A citizen's satisfaction rating: a score of 1–5 and an optional comment. */
    public record RatingForm(int score, String comment) {}

    /** The citizen's satisfaction rating, once, after resolution; the case as rated. */
    public CaseRecord rate(String rawTrackingNo, String rawAccessCode, RatingForm form) {
        CaseRecord c = authorize(rawTrackingNo, rawAccessCode);
        CaseRecord rated = Workflows.rate(
                c, new Rating(form.score(), form.comment(), clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        try {
            cases.update(rated);
        } catch (CaseStore.VersionConflictException changed) {
            // staff acted at the same moment: rate the fresh version (the rules are checked again)
            CaseRecord fresh = cases.find(c.trackingNo()).orElseThrow();
            rated = Workflows.rate(fresh, rated.rating());
            cases.update(rated);
        }
        return rated;
    }
}

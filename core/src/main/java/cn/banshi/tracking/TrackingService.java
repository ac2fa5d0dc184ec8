package cn.banshi.tracking;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.AccessCodes;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.DueView;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.Rating;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import cn.banshi.workflow.Workflows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public ObjectNode track(String rawTrackingNo, String rawAccessCode) {
        return publicView(authorize(rawTrackingNo, rawAccessCode));
    }

    /** The citizen's satisfaction rating: 1–5 and an optional comment, once, after resolution. */
    public ObjectNode rate(String rawTrackingNo, String rawAccessCode, JsonNode body) {
        Fields f = Fields.root(body).allowOnly("score", "comment");
        int score = f.requiredInt("score", 1, 5);
        String comment = f.optionalString("comment", 1, 500).orElse(null);
        CaseRecord c = authorize(rawTrackingNo, rawAccessCode);
        CaseRecord rated =
                Workflows.rate(c, new Rating(score, comment, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        try {
            cases.update(rated);
        } catch (CaseStore.VersionConflictException changed) {
            // staff acted at the same moment: rate the fresh version (the rules are checked again)
            CaseRecord fresh = cases.find(c.trackingNo()).orElseThrow();
            rated = Workflows.rate(fresh, rated.rating());
            cases.update(rated);
        }
        ObjectNode view = publicView(rated);
        view.put("canRate", false);
        return view;
    }

    public static ObjectNode publicView(CaseRecord c) {
        ObjectNode body = Json.object();
        body.put("trackingNo", c.trackingNo());
        body.put("type", c.type().code());
        body.put("typeName", c.type().nameZh());
        body.put("status", c.status().code());
        body.put("statusName", c.status().nameZh());
        body.put("receivedAt", ChinaTime.timestamp(c.receivedAt()));
        DueView.put(body, c);
        body.put("canRate", Workflows.canBeRated(c));
        if (c.rating() != null) body.put("rating", c.rating().score());
        ArrayNode timeline = body.putArray("timeline");
        for (HistoryEntry h : c.history()) {
            if (h.publicNote() == null) continue;
            ObjectNode step = timeline.addObject();
            step.put("at", ChinaTime.timestamp(h.at()));
            step.put("status", h.toStatus().code());
            step.put("statusName", h.toStatus().nameZh());
            step.put("note", h.publicNote());
        }
        return body;
    }
}

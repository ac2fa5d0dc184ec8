package cn.banshi.personaldata;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.CaseStore;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.Retention;
import cn.banshi.logging.Log;
import cn.banshi.workflow.Workflows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The daily erasure of personal data whose retention has passed (run by the sweep): the finished cases of a town, per
 * finished status through the by-status index (received before today minus the town's shortest period; the index
 * filter leaves out erased and held cases), whose period after {@code finishedOn} ({@link Retention}) is over. Each is
 * erased by itself: its personal files first ({@link PersonalFiles}), the citizen's words in its personal-data
 * requests, then the case in one write conditional on its version, so a clerk's action racing it is never lost (the
 * job reads the fresh version and judges it again: held or reopened cases are left). Killed halfway, the next run goes
 * on with the cases still unerased; run twice, the second finds nothing.
 */
public final class RetentionJob {
    private static final Log LOG = Log.get(RetentionJob.class);
    private static final int ATTEMPTS = 3;
    /** Failed cases in a row after which a run stops: the store is down, not one case. */
    static final int FAILURES_IN_A_ROW = 3;

    private final CaseStore cases;
    private final Catalogs catalogs;
    private final DataRequestStore requests;
    private final PersonalFiles files;
    private final Clock clock;

    public RetentionJob(
            CaseStore cases, Catalogs catalogs, DataRequestStore requests, PersonalFiles files, Clock clock) {
        this.cases = cases;
        this.catalogs = catalogs;
        this.requests = requests;
        this.files = files;
        this.clock = clock;
    }

    /** What one run did in a town. */
    public record Run(int erased, int raced) {}

    public Run run(String town) {
        Retention retention = catalogs.town(town)
                .orElseThrow(() -> new IllegalArgumentException("Unknown town " + town))
                .retention();
        LocalDate today = ChinaTime.today(clock);
        // finishedOn is never before receivedOn: nothing received since this day can be due
        LocalDate receivedBefore = today.minusYears(retention.shortestYears());
        List<CaseRecord> candidates = new ArrayList<>();
        for (CaseStatus status :
                Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen()).toList()) {
            cases.forEachErasable(town, status, receivedBefore, c -> {
                if (due(c, retention, today)) candidates.add(c);
            });
        }
        int erased = 0;
        int raced = 0;
        RuntimeException firstFailure = null;
        int failed = 0;
        int inARow = 0;
        for (CaseRecord c : candidates) {
            try {
                switch (eraseOne(c, retention, today)) {
                    case ERASED -> erased++;
                    case LEFT -> raced++;
                }
                inARow = 0;
            } catch (RuntimeException e) {
                // one case that cannot be erased now (a file store or a value that does not open) does not keep the
                // town's others: the run goes on and fails at its end, so the schedule's retry and tomorrow try again;
                // several in a row are an outage, not a case: the run stops there (the upkeep's other steps need time)
                failed++;
                inARow++;
                if (firstFailure == null) firstFailure = e;
                LOG.error(
                        "retention erasure of a case failed",
                        "town",
                        town,
                        "trackingNo",
                        c.trackingNo(),
                        "error",
                        e.getClass().getSimpleName());
                if (inARow >= FAILURES_IN_A_ROW) break;
            }
        }
        LOG.info("retention erasure", "town", town, "erased", erased, "leftAfterRace", raced, "failed", failed);
        if (firstFailure != null) {
            throw new IllegalStateException(
                    "retention erasure: " + failed + " case(s) of " + town + " failed", firstFailure);
        }
        return new Run(erased, raced);
    }

    /** Whether the personal data of {@code c} is due for erasure on {@code today}. */
    public static boolean due(CaseRecord c, Retention retention, LocalDate today) {
        return !c.status().isOpen()
                && c.resolution() != null
                && !c.isHeld()
                && !c.isPersonalErased()
                && !c.isSpam()
                && !today.isBefore(retention.erasableOn(c.type(), c.resolution().on()));
    }

    private enum Outcome {
        ERASED,
        LEFT
    }

    private Outcome eraseOne(CaseRecord first, Retention retention, LocalDate today) {
        CaseRecord c = first;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!due(c, retention, today)) return Outcome.LEFT;
            files.erase(c);
            requests.eraseTexts(c.town(), c.trackingNo(), null);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            try {
                cases.update(PersonalErasure.erase(c, now, Workflows.SYSTEM, PersonalErasure.RETENTION_NOTE, null));
                return Outcome.ERASED;
            } catch (CaseStore.VersionConflictException changed) {
                Optional<CaseRecord> fresh = cases.find(c.trackingNo());
                if (fresh.isEmpty()) return Outcome.LEFT;
                c = fresh.get();
            }
        }
        return Outcome.LEFT;
    }
}

package cn.banshi.duplicates;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseCandidates;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.Personal.Location;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Village;
import cn.banshi.duplicates.Similarity.Scored;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Similar cases (issue 19), in memory over one bounded page of candidates ({@value #PAGE} items of an index Query):
 * at intake, the open cases of the same category received in the last {@value #INTAKE_DAYS} days in the same village
 * (or within {@value #RADIUS_METRES} m when both carry coordinates); for staff, the cases of the case's village and
 * category, open or finished, of the last {@value #STAFF_DAYS} days. At most {@value #LIMIT}, scoring at least
 * {@link Similarity#THRESHOLD}, best first.
 */
public final class SimilarService {
    public static final int LIMIT = 5;
    public static final int INTAKE_DAYS = 90;
    public static final int STAFF_DAYS = 365;
    public static final int PAGE = 200;
    public static final int RADIUS_METRES = 500;
    /** The description must have this many characters before suggestions are asked for. */
    public static final int MIN_TEXT = 10;

    private final CaseCandidates candidates;
    private final Clock clock;

    public SimilarService(CaseCandidates candidates, Clock clock) {
        this.candidates = candidates;
        this.clock = clock;
    }

    /** What the citizen has filled so far; {@code lat}/{@code lng} both or neither. */
    public record Draft(String category, String village, String text, BigDecimal lat, BigDecimal lng) {}

    /** The open cases a citizen about to file {@code draft} may mean. */
    public List<Scored<CaseRecord>> forIntake(Catalog catalog, Draft draft) {
        LocalDate from = today().minusDays(INTAKE_DAYS);
        List<CaseRecord> page = candidates.openInCategory(catalog.town().id(), draft.category(), from, PAGE);
        List<CaseRecord> near = new ArrayList<>();
        for (CaseRecord c : page) {
            if (!c.status().isOpen()) continue;
            if (draft.village().equals(c.village()) || within(draft.lat(), draft.lng(), c)) near.add(c);
        }
        Similarity similarity = similarity(catalog);
        return similarity.top(
                similarity.fingerprint(draft.text()),
                near,
                c -> similarity.fingerprint(c.title(), c.description()),
                Similarity.THRESHOLD,
                LIMIT);
    }

    /** The cases like {@code c} in its village and category, open or finished (none for a case without a village). */
    public List<Scored<CaseRecord>> forStaff(Catalog catalog, CaseRecord c) {
        if (c.village() == null) return List.of();
        LocalDate from = today().minusDays(STAFF_DAYS);
        List<CaseRecord> same = new ArrayList<>();
        for (CaseRecord other : candidates.inVillage(c.town(), c.village(), from, PAGE)) {
            if (!other.trackingNo().equals(c.trackingNo())
                    && !other.isSpam()
                    && other.category().equals(c.category())) same.add(other);
        }
        Similarity similarity = similarity(catalog);
        return similarity.top(
                similarity.fingerprint(c.title(), c.description()),
                same,
                o -> similarity.fingerprint(o.title(), o.description()),
                Similarity.THRESHOLD,
                LIMIT);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    private static Similarity similarity(Catalog catalog) {
        List<String> names = new ArrayList<>();
        for (Village v : catalog.villages()) names.add(v.name());
        return new Similarity(names);
    }

    private static boolean within(BigDecimal lat, BigDecimal lng, CaseRecord c) {
        Location l = c.personal() == null ? null : c.personal().location();
        if (lat == null || lng == null || l == null || l.lat() == null || l.lng() == null) return false;
        return metres(
                        lat.doubleValue(),
                        lng.doubleValue(),
                        l.lat().doubleValue(),
                        l.lng().doubleValue())
                <= RADIUS_METRES;
    }

    /** Great-circle distance (haversine, mean Earth radius). */
    static double metres(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
